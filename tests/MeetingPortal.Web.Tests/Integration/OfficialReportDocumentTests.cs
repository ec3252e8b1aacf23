using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>
/// Issue 15, deliver 4, item 1: the báo cáo of an official report in DOCX, in the form of Hướng dẫn 36-HD/VPTW, valid
/// against the OpenXML schema, with the heading, the number line, the leader's narrative, and every table's figures
/// written exactly as the report page writes them; the overdue list has as many items as the "Quá hạn" figure.
/// </summary>
public sealed partial class OfficialReportDocumentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string Clean(string text) => Spaces().Replace(HtmlAgilityPack.HtmlEntity.DeEntitize(text), " ").Trim();

    private static List<string> Validate(WordprocessingDocument document) =>
        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

    [Fact]
    public async Task The_report_document_is_valid_and_carries_the_heading_the_narrative_and_the_figures_of_every_table_as_the_page_shows_them()
    {
        // One of Kỳ Phương's recommendations is overdue when Kỳ Anh (the district above it) freezes its 2022 report.
        await DueDates.SetAsync(factory.Services, DueDates.Overdue, (c, _) => c.Today.AddDays(-1));
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "tx-ky-anh").Id);
        var leader = await factory.SignInAsync("lanhdao.kyanh");
        var frozen = await leader.FreezeAsync($"/Reports/Quarterly?unit={unit}&year=2022");
        var reportUrl = frozen.Headers.Location!.OriginalString;

        // Downloaded before the draft is typed: the file is kept, and must be built again once the draft changes.
        var before = await leader.GetAsync(reportUrl + "/Document");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(await before.Content.ReadAsByteArrayAsync(), await (await leader.GetAsync(reportUrl + "/Document")).Content.ReadAsByteArrayAsync());

        var draft = await HtmlForm.LoadAsync(leader, reportUrl + "/Edit", "//form[@method='post' and contains(@class,'draft-form')]");
        var today = factory.Services.GetRequiredService<CalendarService>().Today;
        draft["Input.Narrative"] = "Thực hiện Quy chế dân chủ, Thị ủy đã tổ chức hội nghị đối thoại.\n\nĐoạn thứ hai của báo cáo.";
        draft["Input.Number"] = "15";
        draft["Input.IssuerCode"] = "Th.U";
        draft["Input.Place"] = "Kỳ Anh";
        draft["Input.IssuedOn"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        draft["Input.OnBehalfOf"] = "Ban Thường vụ";
        draft["Input.SignerRole"] = "Bí thư";
        draft["Input.SignerName"] = "Nguyễn Văn A";
        draft["Input.Recipients"] = "Thường trực Tỉnh ủy\nLưu Văn phòng";
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostAsync(draft.Action, new FormUrlEncodedContent(draft.Fields))).StatusCode);

        var response = await leader.GetAsync(reportUrl + "/Document");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocxType, response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".docx", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);

        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = Validate(document);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5)));

        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        // The heading: the superior organisation (the parent unit's Đảng bộ), the issuing body (no Party committee of
        // Kỳ Anh is recorded: the unit's name), the number, the place and date.
        Assert.Contains("ĐẢNG BỘ TỈNH HÀ TĨNH", paragraphs);
        Assert.Contains("THỊ XÃ KỲ ANH", paragraphs);
        Assert.Contains("Số 15-BC/Th.U", paragraphs);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", paragraphs);
        // Hướng dẫn 36-HD/VPTW: a leading zero for days below 10 and for January and February only.
        var month = today.Month < 3 ? today.Month.ToString("00", System.Globalization.CultureInfo.InvariantCulture) : today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Kỳ Anh, ngày {today.Day:00} tháng {month} năm {today.Year}", paragraphs);
        Assert.Contains("BÁO CÁO", paragraphs);
        Assert.Contains("Kết quả tổ chức đối thoại và giải quyết kiến nghị năm 2022", paragraphs);
        Assert.Contains("Thực hiện Quy chế dân chủ, Thị ủy đã tổ chức hội nghị đối thoại.", paragraphs);
        Assert.Contains("Đoạn thứ hai của báo cáo.", paragraphs);
        Assert.Contains("T/M BAN THƯỜNG VỤ", paragraphs);
        Assert.Contains("BÍ THƯ", paragraphs);
        Assert.Contains("Nguyễn Văn A", paragraphs);
        Assert.Contains("- Thường trực Tỉnh ủy", paragraphs);

        // Every table of the report page: its title, and its first row (label and every figure) word for word in a row of the document.
        var rows = body.Descendants<TableRow>().Select(r => r.Elements<TableCell>().Select(c => Clean(c.InnerText)).ToList()).ToList();
        var page = await leader.GetHtmlAsync(reportUrl);
        var sections = page.Nodes("//section[contains(@class,'report-section') and not(@aria-labelledby='charts')]");
        Assert.True(sections.Count >= 8, $"{sections.Count} tables on the page");
        var compared = 0;
        foreach (var section in sections)
        {
            var title = Clean(section.SelectSingleNode("h2")!.InnerText).ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
            Assert.Contains(paragraphs, p => p.EndsWith(". " + title, StringComparison.Ordinal));
            if (section.SelectSingleNode(".//tbody/tr") is not { } first)
            {
                continue;
            }

            var cells = first.SelectNodes("th|td")!.Select(c => Clean(c.InnerText)).ToList();
            Assert.True(rows.Any(r => r.SequenceEqual(cells)), $"{title}: no row of the document reads {string.Join(" | ", cells)}");
            compared++;
        }

        Assert.True(compared >= 5, $"{compared} tables with rows compared");

        // The overdue list kept at the freeze: as many rows as the "Quá hạn trả lời" figure.
        var overdueFigure = page.Nodes("//table[contains(@class,'figures')]/tbody/tr")
            .Single(tr => Clean(tr.SelectSingleNode("th")!.InnerText) == "Quá hạn trả lời").SelectNodes("td")![0].InnerText;
        var overdue = int.Parse(Clean(overdueFigure), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(overdue > 0);
        var appendix = body.Elements<Table>().Last().Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["STT", "Nội dung kiến nghị", "Đơn vị", "Ngày hội nghị", "Cơ quan giải quyết", "Hạn trả lời", "Số ngày làm việc quá hạn"], appendix[0]);
        Assert.Equal(overdue, appendix.Count - 1);
        var item = Assert.Single(appendix, r => r[1].StartsWith(DueDates.Overdue, StringComparison.Ordinal));
        Assert.Equal(("Phường Kỳ Phương", "28/06/2022", today.AddDays(-1).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)), (item[2], item[3], item[5]));
        Assert.Contains(paragraphs, p => p == $"(Kèm theo Báo cáo số 15-BC/Th.U ngày {today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)} của Thị xã Kỳ Anh)");
    }

    [Fact]
    public async Task A_report_frozen_before_the_overdue_list_was_kept_still_makes_a_valid_document_that_says_so()
    {
        var records = await PortalRoutes.RecordsAsync(factory);
        var leader = await factory.SignInAsync("lanhdao.kyphuong");
        var response = await leader.GetAsync($"/Reports/Snapshots/{records.Snapshot}/Document");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        Assert.Empty(Validate(document));
        var paragraphs = document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        // Nothing typed: the number and the date are left blank to fill by hand; the ward's superior is its district's Đảng bộ.
        Assert.Contains("Số     -BC/", paragraphs);
        Assert.Contains("ĐẢNG BỘ THỊ XÃ KỲ ANH", paragraphs);
        Assert.Contains("ĐẢNG ỦY PHƯỜNG KỲ PHƯƠNG", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("Báo cáo này được chốt trước khi cổng lưu danh sách kiến nghị quá hạn", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Phường Kỳ Phương, ngày ", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.SignInAsync("lanhdao.tranphu")).GetAsync($"/Reports/Snapshots/{records.Snapshot}/Document")).StatusCode);
    }
}
