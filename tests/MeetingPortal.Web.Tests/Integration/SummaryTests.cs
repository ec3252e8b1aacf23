using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MeetingPortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class SummaryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int Unit(string code) => factory.WithDb(db => db.Units.Single(u => u.Code == code).Id);

    [Fact]
    public async Task The_province_summary_of_the_second_quarter_of_2022_counts_the_Ky_Phuong_dialogue()
    {
        var leader = await factory.SignInAsync("lanhdao.hatinh");
        var page = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={Unit("ha-tinh")}&year=2022&quarter=2");
        Assert.Equal("1", page.Cell("Hội nghị"));
        Assert.Equal("1", page.Cell("Hội nghị đối thoại"));
        Assert.Equal("6", page.Cell("Kiến nghị"));
        Assert.StartsWith("6", page.Cell("Đã trả lời"), StringComparison.Ordinal);
        Assert.StartsWith("0", page.Cell("Đã giải quyết"), StringComparison.Ordinal);
        Assert.Equal("0", page.Cell("Trung vị số ngày làm việc đến khi trả lời"));
        // The previous quarter holds the TP Hà Tĩnh dialogue of 16 March.
        Assert.Equal("1", page.Cell("Hội nghị", 2));
        Assert.Equal("3", page.Cell("Kiến nghị", 2));
        Assert.Equal("+3", page.Cell("Kiến nghị", 3));

        var children = page.Nodes("//section[@aria-labelledby='children']//tbody/tr")
            .ToDictionary(tr => HtmlAgilityPack.HtmlEntity.DeEntitize(tr.SelectSingleNode("th")!.InnerText).Trim(), tr => tr.SelectNodes("td")![1].InnerText.Trim());
        Assert.Equal("6", children["Thị xã Kỳ Anh"]);
        Assert.Equal("0", children["Thành phố Hà Tĩnh"]);
    }

    /// <summary>
    /// Each figure opens the list it counts, for every period kind the summary offers. Issue 15, item 6: that list shows
    /// each criterion of the link as a removable chip, and its filter form, submitted unchanged, keeps them all (it
    /// dropped "answered", "resolved", "open", "with a due date" and "on time", which it has no field for).
    /// </summary>
    [Theory]
    [InlineData("lanhdao.hatinh", "ha-tinh", "year=2022")]
    [InlineData("lanhdao.hatinh", "ha-tinh", "year=2022&quarter=2")]
    [InlineData("lanhdao.hatinh", "ha-tinh", "year=2022&half=1")]
    [InlineData("lanhdao.toanquoc", "viet-nam", "year=2022&half=2")]
    [InlineData("lanhdao.hatinh", "ha-tinh", "year=2022&month=8")]
    [InlineData("lanhdao.hatinh", "ha-tinh", "year=2022&months=9")]
    [InlineData("lanhdao.toanquoc", "viet-nam", "from=2022-03-01&to=2022-08-31")]
    public async Task Every_figure_equals_the_length_of_the_list_it_links_to_and_its_criteria_hold(string account, string unit, string period)
    {
        var leader = await factory.SignInAsync(account);
        var summary = $"/Reports/Quarterly?unit={Unit(unit)}&{period}";
        Assert.True((await leader.GetHtmlAsync(summary)).Nodes("//a[contains(@class,'figure')]").Count > 15);
        var lists = await DrillDown.AssertEveryFigureHoldsAsync(leader, summary);
        Assert.Equal(["/Directives", "/Meetings", "/Recommendations"], lists.Order());
    }

    [Fact]
    public async Task Drilling_down_goes_one_level_at_a_time_and_keeps_the_period()
    {
        var leader = await factory.SignInAsync("lanhdao.hatinh");
        var page = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={Unit("ha-tinh")}&year=2022&half=1");
        var drill = page.Nodes("//section[@aria-labelledby='children']//tbody/tr/th/a").Single(a => a.InnerText.Trim() == "Thị xã Kỳ Anh");
        var child = await leader.GetHtmlAsync(WebUtility.HtmlDecode(drill.GetAttributeValue("href", "")));
        Assert.Contains("Tổng hợp Thị xã Kỳ Anh — 6 tháng đầu năm 2022", child.Text(), StringComparison.Ordinal);
        Assert.Contains("Phường Kỳ Phương", child.Node("//section[@aria-labelledby='children']").InnerText, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 15, item 7: the summary opened on this calendar year, so with records up to 2024 a new leader saw only
    /// zeros. Opened without a period it shows the latest year in which the unit or one below it held a meeting, and
    /// says so; a period asked for is kept.
    /// </summary>
    [Fact]
    public async Task A_summary_opened_without_a_period_shows_the_latest_year_with_records()
    {
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "tx-ky-anh"));
        var latest = factory.WithDb(db => db.Meetings.Where(m => m.Unit!.Path.StartsWith(unit.Path)).Max(m => m.HeldOn)).Year;
        var thisYear = factory.Services.GetRequiredService<MeetingPortal.Infrastructure.Persistence.CalendarService>().Today.Year;
        Assert.True(latest < thisYear, $"the seeds of Kỳ Anh end in {latest}");
        var leader = await factory.SignInAsync("lanhdao.kyanh");

        var page = await leader.GetHtmlAsync("/Reports/Quarterly");

        Assert.Contains($"Tổng hợp Thị xã Kỳ Anh — Năm {latest}", page.Node("//h1").InnerText, StringComparison.Ordinal);
        Assert.Contains($"đang hiển thị năm {latest}, năm gần nhất có hồ sơ", page.Node("//p[@role='status']").InnerText, StringComparison.Ordinal);
        Assert.NotEqual("0", page.Cell("Hội nghị"));
        var asked = await leader.GetHtmlAsync($"/Reports/Quarterly?year={thisYear}");
        Assert.Contains($"Năm {thisYear}", asked.Node("//h1").InnerText, StringComparison.Ordinal);
        Assert.Null(asked.DocumentNode.SelectSingleNode("//p[@role='status' and contains(., 'năm gần nhất có hồ sơ')]"));
    }

    [Fact]
    public async Task A_district_leader_cannot_open_the_province_or_a_sibling_district()
    {
        var leader = await factory.SignInAsync("lanhdao.kyanh");
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/Reports/Quarterly?unit={Unit("ha-tinh")}&year=2022")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/Reports/Quarterly?unit={Unit("tp-ha-tinh")}&year=2022")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/Reports/Quarterly?unit={Unit("tx-ky-anh")}&year=2022")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/Reports/Quarterly")).StatusCode);
    }

    [Fact]
    public async Task An_impossible_period_gets_a_message_not_an_error()
    {
        var leader = await factory.SignInAsync("lanhdao.kyanh");
        var response = await leader.GetAsync("/Reports/Quarterly?year=2022&quarter=7");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kỳ báo cáo không hợp lệ", Html.Parse(await response.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/Reports/Quarterly?year=abc")).StatusCode);
    }
}

public sealed class ScorecardTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_body_with_too_few_items_is_listed_but_not_ranked()
    {
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "ha-tinh").Id);
        var leader = await factory.SignInAsync("lanhdao.hatinh");
        var page = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={unit}&year=2022");
        var rows = page.Nodes("//table[contains(@class,'scorecards')]/tbody/tr")
            .Select(tr => (Rank: tr.SelectSingleNode("td")!.InnerText.Trim(), Body: HtmlAgilityPack.HtmlEntity.DeEntitize(tr.SelectSingleNode("th")!.InnerText).Trim()))
            .ToList();
        Assert.Contains(("1", "Đảng ủy phường Kỳ Phương"), rows);
        Assert.Contains(("—", "Thành ủy Hà Tĩnh"), rows);
    }
}

public sealed class SummaryExportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>
    /// Issue 15, deliver 5: each sheet opens on its title block (the report's title bold and larger, the unit, the
    /// period, the day counted, who exported it), then a bold header and typed rows; percentages are numbers shown as
    /// "0%"; columns fit their text; the header stays in view, filters, and prints on every A4 landscape page.
    /// </summary>
    [Fact]
    public async Task The_xlsx_has_a_sheet_per_table_under_its_title_block_with_typed_numbers_and_the_csv_has_a_bom()
    {
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "ha-tinh").Id);
        var leader = await factory.SignInAsync("lanhdao.hatinh");
        var xlsx = await leader.GetAsync($"/Reports/Quarterly?handler=Export&format=xlsx&unit={unit}&year=2022");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var disposition = xlsx.Content.Headers.ContentDisposition!;
        Assert.Equal("Tổng hợp - Tỉnh Hà Tĩnh - Năm 2022.xlsx", disposition.FileNameStar);
        Assert.True(disposition.FileName!.Trim('"').All(char.IsAscii), disposition.FileName);
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document));
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Descendants<Sheet>().ToList();
        Assert.Equal(8, sheets.Count);
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var fonts = workbook.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ToList();
        Font FontOf(Cell cell) => fonts[(int)(formats[(int)(cell.StyleIndex?.Value ?? 0)].FontId?.Value ?? 0)];

        var key = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet;
        var rows = key.Descendants<Row>().ToList();
        Assert.Equal("Tổng hợp Tỉnh Hà Tĩnh — Năm 2022", rows[0].Elements<Cell>().Single().InnerText);
        Assert.NotNull(FontOf(rows[0].Elements<Cell>().Single()).Bold);
        Assert.True(FontOf(rows[0].Elements<Cell>().Single()).FontSize!.Val!.Value > FontOf(rows[1].Elements<Cell>().Single()).FontSize!.Val!.Value);
        Assert.Contains(rows, r => r.InnerText.StartsWith("Kỳ báo cáo: Năm 2022 (từ 01/01/2022 đến 31/12/2022)", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.InnerText.StartsWith("Xuất lúc ", StringComparison.Ordinal));

        // The header row: bold, right below the title block; the panes are frozen under it, the autofilter starts on
        // it, and it is printed at the top of every page.
        var header = rows.First(r => r.Elements<Cell>().Count() > 1);
        Assert.Equal("Chỉ tiêu", header.Elements<Cell>().First().InnerText);
        Assert.All(header.Elements<Cell>(), c => Assert.NotNull(FontOf(c).Bold));
        var pane = key.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal((double)header.RowIndex!.Value, pane.VerticalSplit!.Value);
        Assert.Equal($"A{header.RowIndex!.Value + 1}", pane.TopLeftCell!.Value);
        Assert.StartsWith($"A{header.RowIndex!.Value}:", key.Elements<AutoFilter>().Single().Reference!.Value, StringComparison.Ordinal);
        var printTitles = workbook.Workbook.Descendants<DefinedName>().Single(n => n.Name == "_xlnm.Print_Titles" && n.LocalSheetId!.Value == 0);
        Assert.EndsWith($"!${header.RowIndex!.Value}:${header.RowIndex!.Value}", printTitles.Text, StringComparison.Ordinal);
        var setup = key.Elements<PageSetup>().Single();
        Assert.Equal(9U, setup.PaperSize!.Value);
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal(1U, setup.FitToWidth!.Value);
        Assert.True(key.SheetProperties!.PageSetupProperties!.FitToPage!.Value);
        Assert.All(key.Descendants<Column>(), c => Assert.InRange(c.Width!.Value, 8, 60));

        // Typed numbers, and a share as a number formatted "0%".
        var recommendations = rows.Single(r => r.Elements<Cell>().First().InnerText == "Kiến nghị");
        var value = recommendations.Elements<Cell>().ElementAt(1);
        Assert.Equal(CellValues.Number, value.DataType!.Value);
        Assert.Equal("9", value.CellValue!.Text);
        var answered = rows.Single(r => r.Elements<Cell>().First().InnerText.Trim() == "Đã trả lời").Elements<Cell>().ToList();
        Assert.Equal(9U, formats[(int)answered[3].StyleIndex!.Value].NumberFormatId!.Value);
        Assert.InRange(double.Parse(answered[3].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), 0, 1);
        Assert.All(workbook.WorksheetParts, p => Assert.NotNull(p.Worksheet.Descendants<Pane>().SingleOrDefault()));

        var csv = await leader.GetByteArrayAsync($"/Reports/Quarterly?handler=Export&format=csv&unit={unit}&year=2022");
        Assert.Equal(System.Text.Encoding.UTF8.GetPreamble(), csv[..3]);
        var text = System.Text.Encoding.UTF8.GetString(csv[3..]);
        Assert.StartsWith("Tổng hợp Tỉnh Hà Tĩnh — Năm 2022\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nKiến nghị;9;", text, StringComparison.Ordinal);

        var outsider = await factory.SignInAsync("lanhdao.kyanh");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Reports/Quarterly?handler=Export&format=xlsx&unit={unit}&year=2022")).StatusCode);
    }
}

public sealed class SummaryChartTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Charts_have_a_caption_and_every_bar_labelled_with_its_number_in_text()
    {
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "ha-tinh").Id);
        var leader = await factory.SignInAsync("lanhdao.hatinh");
        var page = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={unit}&year=2022&quarter=2");
        var charts = page.Nodes("//figure[@class='chart']/ol[@class='chart-rows']");
        Assert.Equal(3, charts.Count);
        // The bars' text is HTML beside the drawn bar, so that it keeps its size on a phone (issue 17, deliver 3).
        var trend = page.Node("//figure[@id='chart-trend']/ol[@aria-labelledby='chart-trend-caption'][@aria-describedby='chart-trend-desc']");
        var bars = trend.SelectNodes("li")!;
        Assert.Equal(8, bars.Count);
        Assert.All(bars, bar => Assert.NotNull(bar.SelectSingleNode("span[@class='chart-track'][@aria-hidden='true']/svg/rect")));
        // The last two quarters of the trend are Q1 and Q2 2022: 3 and 6 recommendations.
        Assert.StartsWith("3", bars[6].SelectSingleNode("span[@class='chart-value']")!.InnerText, StringComparison.Ordinal);
        Assert.StartsWith("6", bars[7].SelectSingleNode("span[@class='chart-value']")!.InnerText, StringComparison.Ordinal);
        Assert.Equal("Quý II/2022", HtmlAgilityPack.HtmlEntity.DeEntitize(bars[7].SelectSingleNode("span[@class='chart-label']")!.InnerText));
    }
}
