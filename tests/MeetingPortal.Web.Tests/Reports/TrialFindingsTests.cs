using HtmlAgilityPack;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Reports;

/// <summary>
/// Issue 15, a fresh user's trial of the summaries: what needs attention must add up and reach back before the period,
/// a year that is not one falls back to the latest year with records and says the year is wrong, and the reports page
/// opens on the period reports were sent for.
/// </summary>
public sealed class TrialFindingsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Attention(HtmlDocument page) =>
        System.Text.RegularExpressions.Regex.Replace(HtmlEntity.DeEntitize(page.Node("//section[@aria-labelledby='attention']").InnerText), @"\s+", " ");

    [Fact]
    public async Task The_top_unit_opened_on_a_year_without_recommendations_is_told_of_the_overdue_items_of_earlier_years()
    {
        var top = await factory.SignInAsync("lanhdao.toanquoc");
        var page = await top.GetHtmlAsync("/Reports/Quarterly");
        Assert.Equal("0", page.Cell("Kiến nghị"));

        var earlier = page.Node("//section[@aria-labelledby='attention']//a[contains(@href,'overdue=true') and contains(@href,'to=')]");
        var count = System.Text.RegularExpressions.Regex.Match(HtmlEntity.DeEntitize(earlier.InnerText), @"^\d+").Value;
        Assert.NotEqual("0", count);
        Assert.Contains("của các kỳ trước vẫn quá hạn trả lời", HtmlEntity.DeEntitize(earlier.InnerText), StringComparison.Ordinal);
        // The link opens exactly those items.
        var list = await top.GetHtmlAsync(HtmlEntity.DeEntitize(earlier.GetAttributeValue("href", "")));
        Assert.Equal(count, list.Node("//p[@role='status' and @data-total]").GetAttributeValue("data-total", ""));
    }

    [Fact]
    public void The_overdue_line_names_what_the_units_below_do_not_hold()
    {
        // 104 overdue, 77 of them below the one child with any: the other 27 were said nowhere.
        var figures = new MeetingPortal.Application.Reports.SummaryFigures
        {
            Meetings = 3,
            MeetingsByType = new Dictionary<MeetingPortal.Domain.Meetings.MeetingType, int>(),
            Overdue = 104,
            Children = [new(7, "Huyện Phước Đức", false, 2, 90, 10, 0, 77), new(8, "Huyện Khác", false, 1, 5, 5, 5, 0)],
        };
        var attention = MeetingPortal.Application.Reports.NeedsAttention.From(figures, []);
        Assert.Equal(77, attention.OverdueByUnit.Sum(c => c.Overdue));
        Assert.Equal(27, attention.OverdueOwn);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("99999")]
    [InlineData("-5")]
    public async Task A_year_that_is_not_one_shows_the_latest_year_with_records_and_names_the_year(string year)
    {
        var page = await (await factory.SignInAsync("lanhdao.hatinh")).GetHtmlAsync($"/Reports/Quarterly?year={year}&period=q4");
        Assert.Contains("Năm không hợp lệ", page.Node("//div[contains(@class,'error-summary')]").InnerText, StringComparison.Ordinal);
        Assert.Contains("2022", page.Node("//h1").InnerText, StringComparison.Ordinal);
        Assert.NotEqual("0", page.Cell("Kiến nghị"));
    }

    [Fact]
    public async Task A_report_document_downloads_under_an_ascii_name_that_keeps_the_words()
    {
        var district = factory.WithDb(db => db.Units.Single(u => u.Code == "tx-ky-anh").Id);
        var period = new MeetingPortal.Domain.Meetings.ReviewPeriod(MeetingPortal.Domain.Meetings.PeriodKind.Quarter, 2022, 2);
        var frozen = await factory.RunAsync<MeetingPortal.Application.Reports.FreezeReport, MeetingPortal.Application.Common.UseCaseResult>("lanhdao.kyanh", (uc, user) =>
            uc.ExecuteAsync(user, new MeetingPortal.Application.Reports.FreezeCommand(district, period, MeetingPortal.Application.Reports.FreezeReport.ConfirmationOf(district, period)), CancellationToken.None));
        var response = await (await factory.SignInAsync("lanhdao.kyanh")).GetAsync($"/Reports/Snapshots/{frozen.Id}/Document");

        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("Báo cáo - Thị xã Kỳ Anh - Quý II-2022 - bản 1.docx", disposition.FileNameStar);
        Assert.Equal("bao-cao-thi-xa-ky-anh-quy-ii-2022-ban-1.docx", disposition.FileName?.Trim('"'));
    }

    [Fact]
    public async Task The_tracker_file_says_not_stated_where_the_screen_does()
    {
        var content = factory.WithDb(db => db.Recommendations.First(r => r.RaisedByOrganisationId == null && r.Meeting!.Status == MeetingPortal.Domain.Meetings.MeetingStatus.Published).Content);
        var csv = System.Text.Encoding.UTF8.GetString(await (await factory.SignInAsync("lanhdao.toanquoc")).GetByteArrayAsync("/Recommendations?handler=Export&format=csv&published=true"));
        var line = csv.Split('\n').First(l => l.Contains(content.Length > 40 ? content[..40] : content, StringComparison.Ordinal));
        Assert.Contains("Không nêu", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_change_column_keeps_its_sign_in_the_xlsx_and_its_number_in_the_csv()
    {
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "ha-tinh").Id);
        var leader = await factory.SignInAsync("lanhdao.hatinh");
        var screen = (await leader.GetHtmlAsync($"/Reports/Quarterly?unit={unit}&year=2022")).Cell("Kiến nghị", 3);
        Assert.StartsWith("+", screen, StringComparison.Ordinal);

        var csv = System.Text.Encoding.UTF8.GetString(await leader.GetByteArrayAsync($"/Reports/Quarterly?handler=Export&format=csv&unit={unit}&year=2022"));
        var row = csv.Split('\n').First(l => l.StartsWith("Kiến nghị;", StringComparison.Ordinal)).TrimEnd('\r').Split(';');
        // The CSV keeps the number (a leading "+" would be taken for a formula and guarded as "'+9").
        Assert.Equal(screen.TrimStart('+'), row[^1]);

        await using var stream = new MemoryStream(await leader.GetByteArrayAsync($"/Reports/Quarterly?handler=Export&format=xlsx&unit={unit}&year=2022"));
        using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var styles = book.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var strings = book.WorkbookPart.SharedStringTablePart?.SharedStringTable.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        string Text(DocumentFormat.OpenXml.Spreadsheet.Cell c) => c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] : c.InnerText;
        var sheet = book.WorkbookPart.WorksheetParts.First(w => w.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Any(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Any(c => Text(c) == "Kiến nghị")));
        var cells = sheet.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().First(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Any(c => Text(c) == "Kiến nghị")).Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        var change = cells[^1];
        Assert.Equal(screen.TrimStart('+'), change.CellValue!.Text);
        var format = styles.CellFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.CellFormat>().ElementAt((int)change.StyleIndex!.Value).NumberFormatId!.Value;
        Assert.Equal("+0;-0;0", styles.NumberingFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.NumberingFormat>().Single(f => f.NumberFormatId!.Value == format).FormatCode!.Value);
    }
}
