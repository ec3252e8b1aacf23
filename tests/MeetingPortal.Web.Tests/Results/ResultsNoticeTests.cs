using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Results;

/// <summary>
/// Issue 18, deliver 5 (ADR 0025 section 5), through the pages on real SQLite: the "Thông báo kết quả giải quyết kiến
/// nghị" of a dialogue lists every recommendation raised, by raising body, with its addressed body, latest answer, state
/// and roadmap, for anyone who may read the meeting (404 outside the scope); its DOCX carries the same in the house form;
/// a draft has no results and says so.
/// </summary>
public sealed class ResultsNoticeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Fact]
    public async Task The_notice_lists_every_recommendation_by_raising_body_with_its_answer_state_and_roadmap()
    {
        var prepared = await ResultsFixtures.PrepareAsync(factory);
        var id = ResultsFixtures.Meeting(factory);
        var items = ResultsFixtures.Items(factory, id);
        var bodies = factory.WithDb(db => db.Recommendations.Where(r => r.MeetingId == id && r.RaisedByOrganisationId != null)
            .Select(r => r.RaisedByOrganisation!.Name).Distinct().ToList());
        Assert.Equal([ResultsFixtures.RaisingBody], bodies);

        // A leader of the district above reads the ward's notice; the ward's meeting page leads to it.
        var reader = await factory.SignInAsync("lanhdao.kyanh");
        var details = await reader.GetHtmlAsync($"/Meetings/{id}");
        Assert.NotNull(details.DocumentNode.SelectSingleNode($"//a[@href='/Meetings/{id}/Results']"));
        var page = await reader.GetHtmlAsync($"/Meetings/{id}/Results");
        var text = page.Text();
        Assert.Contains("Thông báo kết quả giải quyết kiến nghị", text, StringComparison.Ordinal);
        var to = HtmlAgilityPack.HtmlEntity.DeEntitize(page.Node("//*[@data-addressees]").InnerText);
        Assert.StartsWith("Kính gửi:", to, StringComparison.Ordinal);
        foreach (var body in bodies)
        {
            Assert.Contains(body, to, StringComparison.Ordinal);
            Assert.Contains(page.Nodes("//section[contains(@class,'results-group')]/h2"), h => HtmlAgilityPack.HtmlEntity.DeEntitize(h.InnerText) == $"Kiến nghị của {body}");
        }

        // The seed names no raiser for the other items: they come last, and the notice is also addressed to the raising
        // side that took part (the Front; not the People's Committee, which answers, nor the host).
        Assert.Equal("Kiến nghị chưa rõ đơn vị nêu", HtmlAgilityPack.HtmlEntity.DeEntitize(page.Nodes("//section[contains(@class,'results-group')]/h2")[^1].InnerText));
        Assert.Equal("Kính gửi: Ủy ban MTTQ phường Kỳ Phương", to.Trim());

        // Every item once, each with its state in words.
        Assert.Equal(items.Count, page.Nodes("//li[@data-result-item]").Count);
        foreach (var (_, content) in items)
        {
            Assert.Contains(content.Trim()[..Math.Min(40, content.Trim().Length)], text, StringComparison.Ordinal);
        }

        var number = items.FindIndex(i => i.Id == prepared) + 1;
        var item = HtmlAgilityPack.HtmlEntity.DeEntitize(page.Node($"//li[@data-result-item='{number}']").InnerText);
        Assert.Contains(ResultsFixtures.AnswerText, item, StringComparison.Ordinal);
        Assert.Contains("Tiếp thu · ", item, StringComparison.Ordinal);
        Assert.Contains("Đã trả lời", item, StringComparison.Ordinal);
        Assert.Contains("Ngày dự kiến giải quyết xong: 31/12/2027", item, StringComparison.Ordinal);
        Assert.Contains("Đạt 40%", item, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành ngày", item, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành hỗ trợ các chi hội", item, StringComparison.Ordinal);
        // The answer names its body, never the person who gave it.
        Assert.DoesNotContain(ResultsFixtures.AnswererName, text, StringComparison.Ordinal);
        // The district leader reads; only the ward's own leaders and recorders publish.
        Assert.Null(page.DocumentNode.SelectSingleNode("//section[@aria-labelledby='publish']"));
    }

    [Fact]
    public async Task Outside_the_scope_the_notice_and_its_document_do_not_exist()
    {
        var id = ResultsFixtures.Meeting(factory);
        foreach (var outsider in new[] { "thuky.tranphu", "lanhdao.tphatinh" })
        {
            var client = await factory.SignInAsync(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Meetings/{id}/Results")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Meetings/{id}/Results?handler=Document")).StatusCode);
        }

        var reader = await factory.SignInAsync("lanhdao.kyphuong");
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/Meetings/999999/Results")).StatusCode);
    }

    [Fact]
    public async Task A_draft_has_no_results_yet_and_says_so()
    {
        var (draft, _) = ResultsFixtures.Draft(factory, "Đối thoại nháp chưa công bố (thông báo kết quả)", "Đề nghị sửa đường tổ dân phố 3 (bản nháp).");
        var recorder = await factory.SignInAsync("thuky.kyphuong");
        var page = await recorder.GetHtmlAsync($"/Meetings/{draft}/Results");
        Assert.Contains("Hội nghị còn là bản nháp nên chưa có kết quả giải quyết kiến nghị", page.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Đề nghị sửa đường tổ dân phố 3", page.Text(), StringComparison.Ordinal);
        Assert.Null(page.DocumentNode.SelectSingleNode("//a[contains(@href,'handler=Document')]"));
        Assert.Null(page.DocumentNode.SelectSingleNode("//section[@aria-labelledby='publish']"));
        var document = await recorder.GetAsync($"/Meetings/{draft}/Results?handler=Document");
        Assert.Equal(HttpStatusCode.Redirect, document.StatusCode);
        Assert.Equal($"/Meetings/{draft}/Results", document.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_docx_is_a_notice_in_the_house_form_addressed_to_the_raising_bodies()
    {
        var prepared = await ResultsFixtures.PrepareAsync(factory);
        var id = ResultsFixtures.Meeting(factory);
        var items = ResultsFixtures.Items(factory, id);
        var bodies = factory.WithDb(db => db.Recommendations.Where(r => r.MeetingId == id && r.RaisedByOrganisationId != null)
            .Select(r => r.RaisedByOrganisation!.Name).Distinct().ToList());
        var client = await factory.SignInAsync("lanhdao.kyphuong");
        var page = await client.GetHtmlAsync($"/Meetings/{id}/Results");
        Assert.NotNull(page.DocumentNode.SelectSingleNode($"//a[@href='/Meetings/{id}/Results?handler=Document']"));

        var response = await client.GetAsync($"/Meetings/{id}/Results?handler=Document");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocxType, response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("thong-bao-ket-qua-2022-06-28-", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var body = document.MainDocumentPart!.Document.Body!;
        var tables = body.Elements<Table>().ToList();
        var heading = string.Join('\n', tables[0].Descendants<Paragraph>().Select(p => p.InnerText));
        var signatures = string.Join('\n', tables[^1].Descendants<Paragraph>().Select(p => p.InnerText));
        var text = string.Join('\n', body.Elements<Paragraph>().Select(p => p.InnerText));

        Assert.Contains("ĐẢNG BỘ THỊ XÃ KỲ ANH", heading, StringComparison.Ordinal);
        Assert.Contains("ĐẢNG ỦY PHƯỜNG KỲ PHƯƠNG", heading, StringComparison.Ordinal);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", heading, StringComparison.Ordinal);
        Assert.Matches(@"Số\s+-TB/", heading);
        Assert.Matches(@"Kỳ Phương, ngày \d\d tháng \d{1,2} năm \d{4}", heading);
        Assert.Contains("THÔNG BÁO\nKết quả giải quyết kiến nghị", text, StringComparison.Ordinal);
        var to = body.Elements<Paragraph>().Single(p => p.InnerText.StartsWith("Kính gửi:", StringComparison.Ordinal)).InnerText;
        Assert.Equal("Kính gửi: Ủy ban MTTQ phường Kỳ Phương.", to);
        Assert.All(bodies, b => Assert.Contains($"I. KIẾN NGHỊ CỦA {b.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))}", text, StringComparison.Ordinal));
        Assert.Contains("II. KIẾN NGHỊ CHƯA RÕ ĐƠN VỊ NÊU", text, StringComparison.Ordinal);
        Assert.All(items, i => Assert.Contains(i.Content.Trim()[..Math.Min(40, i.Content.Trim().Length)], text, StringComparison.Ordinal));
        Assert.Contains($"Trả lời của ", text, StringComparison.Ordinal);
        Assert.Contains(ResultsFixtures.AnswerText, text, StringComparison.Ordinal);
        Assert.Contains("Lộ trình giải quyết: dự kiến giải quyết xong ngày 31/12/2027; tiến độ đạt 40%.", text, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành hỗ trợ các chi hội (Hạn: 31/12/2027; 100%): Chưa hoàn thành.", text, StringComparison.Ordinal);
        Assert.Contains("Tình trạng: Đã trả lời.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ResultsFixtures.AnswererName, text, StringComparison.Ordinal);
        Assert.Contains("T/M ĐẢNG ỦY PHƯỜNG KỲ PHƯƠNG", signatures, StringComparison.Ordinal);
        Assert.Contains("Nơi nhận:", signatures, StringComparison.Ordinal);
        Assert.True(prepared > 0);
    }
}
