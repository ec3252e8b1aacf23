using System.Net;
using System.Net.Http.Headers;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>
/// Issue 15, deliver 4 (ADR 0017), through the pages on real SQLite: Thị xã Kỳ Anh's leader freezes the 2022 report,
/// types its draft, signs it with the scan, sends it to Tỉnh Hà Tĩnh, whose leader sees which of its three districts
/// sent and records it as received. Who may not is answered 403 in scope and 404 outside it.
/// </summary>
public sealed class OfficialReportLifecycleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly byte[] PdfBytes = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray();

    private int Unit(string code) => factory.WithDb(db => db.Units.Single(u => u.Code == code).Id);

    private SummarySnapshot Report(int id) => factory.WithDb(db => db.Snapshots.Single(s => s.Id == id));

    /// <summary>Kỳ Anh's report for a period of 2022 (<paramref name="period"/>: "&amp;quarter=2"), frozen by its leader; each test freezes its own period.</summary>
    private async Task<int> KyAnhReportAsync(HttpClient leader, string period = "")
    {
        var frozen = await leader.FreezeAsync($"/Reports/Quarterly?unit={Unit("tx-ky-anh")}&year=2022{period}");
        Assert.Equal(HttpStatusCode.Redirect, frozen.StatusCode);
        return int.Parse(frozen.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The units listed under "Đã gửi" and "Chưa gửi" on the level above's page.</summary>
    private static async Task<(List<string> Sent, List<string> NotSent)> ReceivedAsync(HttpClient client, string url)
    {
        var page = await client.GetHtmlAsync(url);
        List<string> Units(string section) => page.Nodes($"//section[contains(@class,'{section}')]//tbody/tr/th")
            .Select(th => HtmlAgilityPack.HtmlEntity.DeEntitize(th.InnerText).Trim()).ToList();
        return (Units("received-sent"), Units("received-not-sent"));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string formClass)
    {
        var form = await HtmlForm.LoadAsync(client, page, $"//form[@method='post' and contains(@class,'{formClass}')]");
        return await client.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields));
    }

    [Fact]
    public async Task A_report_goes_from_draft_to_signed_to_sent_to_received_and_the_level_above_sees_who_sent()
    {
        var haTinh = Unit("ha-tinh");
        var kyAnh = await factory.SignInAsync("lanhdao.kyanh");
        var province = await factory.SignInAsync("lanhdao.hatinh");
        var receivedUrl = $"/Reports/Received?unit={haTinh}&year=2022";

        // The summary page leads to the level above's page.
        var summary = await province.GetHtmlAsync($"/Reports/Quarterly?unit={haTinh}&year=2022");
        Assert.NotNull(summary.DocumentNode.SelectSingleNode($"//p[contains(@class,'actions')]/a[contains(@href,'/Reports/Received') and contains(@href,'unit={haTinh}')]"));

        var (sent, notSent) = await ReceivedAsync(province, receivedUrl);
        Assert.Empty(sent);
        Assert.Equal(["Thành phố Hà Tĩnh", "Thị xã Hồng Lĩnh", "Thị xã Kỳ Anh"], notSent);

        var id = await KyAnhReportAsync(kyAnh);
        var reportUrl = $"/Reports/Snapshots/{id}";
        Assert.Equal(ReportStatus.Draft, Report(id).Status);
        Assert.Contains("Bản 1: Dự thảo", (await province.GetHtmlAsync(receivedUrl)).Node("//section[contains(@class,'received-not-sent')]").InnerText, StringComparison.Ordinal);

        // Draft: the leader types the narrative, the number and the signer.
        var today = factory.Services.GetRequiredService<CalendarService>().Today;
        var draft = await HtmlForm.LoadAsync(kyAnh, reportUrl + "/Edit", "//form[@method='post' and contains(@class,'draft-form')]");
        draft["Input.Narrative"] = "Năm 2022, Thị ủy tổ chức đối thoại.\nCác kiến nghị được theo dõi đến khi giải quyết.";
        draft["Input.Number"] = "15";
        draft["Input.IssuerCode"] = "Th.U";
        draft["Input.IssuedOn"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        draft["Input.SignerRole"] = "Bí thư";
        draft["Input.SignerName"] = "Nguyễn Văn A";
        var saved = await kyAnh.PostAsync(draft.Action, new FormUrlEncodedContent(draft.Fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(reportUrl, saved.Headers.Location!.OriginalString);
        var afterDraft = Report(id);
        Assert.Equal(("15", "Nguyễn Văn A", "lanhdao.kyanh"), (afterDraft.Number, afterDraft.SignerName, afterDraft.EditedBy));
        Assert.Contains("Các kiến nghị được theo dõi đến khi giải quyết.", (await kyAnh.GetHtmlAsync(reportUrl)).Text(), StringComparison.Ordinal);

        // Signed: the scan of the paper copy is attached.
        var sign = await HtmlForm.LoadAsync(kyAnh, reportUrl + "/Sign", "//form[@method='post' and contains(@class,'sign-form')]");
        using (var content = new MultipartFormDataContent())
        {
            foreach (var (name, value) in sign.Fields)
            {
                content.Add(new StringContent(value), name);
            }

            var file = new ByteArrayContent(PdfBytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "file", "Báo cáo 15/BC đã ký.pdf");
            var signed = await kyAnh.PostAsync(sign.Action, content);
            Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        }

        var afterSign = Report(id);
        Assert.Equal(ReportStatus.Signed, afterSign.Status);
        Assert.Equal("lanhdao.kyanh", afterSign.SignedBy);
        Assert.Equal("Báo cáo 15／BC đã ký.pdf", afterSign.Scan!.FileName);
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "attachments", afterSign.Scan.StoredName)));
        Assert.Null((await kyAnh.GetHtmlAsync(reportUrl)).DocumentNode.SelectSingleNode("//a[contains(@href,'/Edit')]"));
        (sent, _) = await ReceivedAsync(province, receivedUrl);
        Assert.Empty(sent);

        // Sent to the level above.
        Assert.Null((await province.GetHtmlAsync(reportUrl)).DocumentNode.SelectSingleNode("//form[contains(@class,'send-form')]"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(kyAnh, reportUrl, "send-form")).StatusCode);
        var afterSend = Report(id);
        Assert.Equal((ReportStatus.Sent, "lanhdao.kyanh"), (afterSend.Status, afterSend.SentBy));

        (sent, notSent) = await ReceivedAsync(province, receivedUrl);
        Assert.Equal(["Thị xã Kỳ Anh"], sent);
        Assert.Equal(["Thành phố Hà Tĩnh", "Thị xã Hồng Lĩnh"], notSent);
        var listed = await province.GetHtmlAsync(receivedUrl);
        Assert.Contains("1/3 đơn vị trực thuộc đã gửi báo cáo Năm 2022", listed.Text(), StringComparison.Ordinal);
        Assert.NotNull(listed.DocumentNode.SelectSingleNode($"//section[contains(@class,'received-sent')]//a[@href='{reportUrl}']"));

        // The level above opens what was sent, its scan, and records it as received.
        var scan = await province.GetAsync(reportUrl + "?handler=Scan");
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        Assert.Equal(PdfBytes, await scan.Content.ReadAsByteArrayAsync());
        Assert.Null((await kyAnh.GetHtmlAsync(reportUrl)).DocumentNode.SelectSingleNode("//form[contains(@class,'receive-form')]"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(province, reportUrl, "receive-form")).StatusCode);
        var afterReceipt = Report(id);
        Assert.Equal((ReportStatus.Received, "lanhdao.hatinh"), (afterReceipt.Status, afterReceipt.ReceivedBy));
        Assert.Contains("Cấp trên đã nhận", (await kyAnh.GetHtmlAsync(reportUrl)).Node("//section[@aria-labelledby='official-report']").InnerText, StringComparison.Ordinal);
        (sent, _) = await ReceivedAsync(province, receivedUrl);
        Assert.Equal(["Thị xã Kỳ Anh"], sent);
    }

    [Fact]
    public async Task Who_may_not_take_a_step_is_refused_403_in_scope_and_404_outside_it()
    {
        var kyAnh = await factory.SignInAsync("lanhdao.kyanh");
        var id = await KyAnhReportAsync(kyAnh, "&quarter=2");
        var reportUrl = $"/Reports/Snapshots/{id}";
        var revision = Report(id).Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);

        async Task<HttpStatusCode> PostAsync(HttpClient client, string handler) =>
            (await client.PostFieldsAsync("/Account/ChangePassword", $"{reportUrl}?handler={handler}", ("revision", revision))).StatusCode;

        // In scope without the right: the district's tracker, the province's leader (above: reads, does not sign or send),
        // the country's leader (two levels above: does not receive), and the unit's own leader receiving its own report.
        var tracker = await factory.SignInAsync("theodoi.kyanh");
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(tracker, "Send"));
        Assert.Equal(HttpStatusCode.Forbidden, (await tracker.GetAsync(reportUrl + "/Edit")).StatusCode);
        var province = await factory.SignInAsync("lanhdao.hatinh");
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync(reportUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await province.GetAsync(reportUrl + "/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await province.GetAsync(reportUrl + "/Sign")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(province, "Send"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(await factory.SignInAsync("lanhdao.toanquoc"), "Receive"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(kyAnh, "Receive"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(await factory.SignInAsync("quantri.kyanh"), "Send"));

        // Outside the scope (a sibling district, a ward below): every page and step answers as if the report did not exist.
        foreach (var outsider in new[] { "lanhdao.tphatinh", "lanhdao.kyphuong" })
        {
            var client = await factory.SignInAsync(outsider);
            foreach (var url in new[] { reportUrl, reportUrl + "/Edit", reportUrl + "/Sign", reportUrl + "/Document", reportUrl + "?handler=Scan" })
            {
                Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, $"{url} as {outsider}");
            }

            Assert.Equal(HttpStatusCode.NotFound, await PostAsync(client, "Send"));
            Assert.Equal(HttpStatusCode.NotFound, await PostAsync(client, "Receive"));
        }

        // The level above's page of another unit, or of a unit above one's own, answers 404 too.
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.SignInAsync("lanhdao.tphatinh")).GetAsync($"/Reports/Received?unit={Unit("tx-ky-anh")}&year=2022")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kyAnh.GetAsync($"/Reports/Received?unit={Unit("ha-tinh")}&year=2022")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kyAnh.GetAsync("/Reports/Received?unit=999999&year=2022")).StatusCode);
        Assert.Equal(ReportStatus.Draft, Report(id).Status);
    }

    [Fact]
    public async Task A_draft_cannot_be_signed_without_a_scan_nor_a_step_be_taken_on_a_page_drawn_before_another()
    {
        var kyAnh = await factory.SignInAsync("lanhdao.kyanh");
        var id = await KyAnhReportAsync(kyAnh, "&quarter=3");
        var reportUrl = $"/Reports/Snapshots/{id}";

        // No signer's name yet: the sign page says so and offers no form; a scan posted anyway is refused and not kept.
        Assert.Null((await kyAnh.GetHtmlAsync(reportUrl + "/Sign")).DocumentNode.SelectSingleNode("//form[contains(@class,'sign-form')]"));
        var files = AttachmentFiles();
        using (var early = new MultipartFormDataContent
        {
            { new StringContent(await kyAnh.GetAntiforgeryTokenAsync(reportUrl + "/Sign")), "__RequestVerificationToken" },
            { new StringContent(Report(id).Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)), "revision" },
            { new ByteArrayContent(PdfBytes), "file", "scan.pdf" },
        })
        {
            var unsigned = await kyAnh.PostAsync(reportUrl + "/Sign", early);
            Assert.Equal(HttpStatusCode.OK, unsigned.StatusCode);
            Assert.Contains("Chưa có họ tên người ký", Html.Parse(await unsigned.Content.ReadAsStringAsync()).Node("//div[@class='error-summary']").InnerText, StringComparison.Ordinal);
            Assert.Equal(files, AttachmentFiles());
        }

        var first = await HtmlForm.LoadAsync(kyAnh, reportUrl + "/Edit", "//form[@method='post' and contains(@class,'draft-form')]");
        var second = await HtmlForm.LoadAsync(kyAnh, reportUrl + "/Edit", "//form[@method='post' and contains(@class,'draft-form')]");
        first["Input.SignerName"] = "Nguyễn Văn A";
        Assert.Equal(HttpStatusCode.Redirect, (await kyAnh.PostAsync(first.Action, new FormUrlEncodedContent(first.Fields))).StatusCode);

        // The second tab was drawn before the first saved: refused, nothing written over.
        second["Input.SignerName"] = "Người khác";
        var stale = await kyAnh.PostAsync(second.Action, new FormUrlEncodedContent(second.Fields));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("vừa được thay đổi", Html.Parse(await stale.Content.ReadAsStringAsync()).Node("//div[@class='error-summary']").InnerText, StringComparison.Ordinal);
        Assert.Equal("Nguyễn Văn A", Report(id).SignerName);

        // A Word file is not a signed scan, and no file is no scan: the report stays a draft and no file is kept.
        var sign = await HtmlForm.LoadAsync(kyAnh, reportUrl + "/Sign", "//form[@method='post' and contains(@class,'sign-form')]");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in sign.Fields)
        {
            content.Add(new StringContent(value), name);
        }

        var word = new ByteArrayContent(WordBytes());
        content.Add(word, "file", "bao-cao.docx");
        var refused = await kyAnh.PostAsync(sign.Action, content);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("phải là tệp PDF hoặc ảnh JPEG, PNG", Html.Parse(await refused.Content.ReadAsStringAsync()).Node("//*[@id='file-error']").InnerText, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Draft, Report(id).Status);

        // A file that only calls itself a PDF hears the scan's own kinds, not an attachment's (which DOCX is one of).
        var fakeForm = await HtmlForm.LoadAsync(kyAnh, reportUrl + "/Sign", "//form[@method='post' and contains(@class,'sign-form')]");
        using var fake = new MultipartFormDataContent();
        foreach (var (name, value) in fakeForm.Fields)
        {
            fake.Add(new StringContent(value), name);
        }

        fake.Add(new ByteArrayContent("không phải PDF"u8.ToArray()), "file", "ban-ky.pdf");
        var fakeError = Html.Parse(await (await kyAnh.PostAsync(fakeForm.Action, fake)).Content.ReadAsStringAsync()).Node("//*[@id='file-error']").InnerText;
        Assert.Contains("phải là tệp PDF hoặc ảnh JPEG, PNG", fakeError, StringComparison.Ordinal);
        Assert.DoesNotContain("DOCX", fakeError, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Draft, Report(id).Status);
        Assert.Equal(files, AttachmentFiles());

        var empty = await HtmlForm.LoadAsync(kyAnh, reportUrl + "/Sign", "//form[@method='post' and contains(@class,'sign-form')]");
        using var noFile = new MultipartFormDataContent();
        foreach (var (name, value) in empty.Fields)
        {
            noFile.Add(new StringContent(value), name);
        }

        var none = await kyAnh.PostAsync(empty.Action, noFile);
        Assert.Contains("Hãy chọn bản quét", Html.Parse(await none.Content.ReadAsStringAsync()).Node("//*[@id='file-error']").InnerText, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Draft, Report(id).Status);
    }

    /// <summary>How many files the attachment store holds.</summary>
    private int AttachmentFiles()
    {
        var folder = Path.Combine(factory.DataDirectory, "attachments");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    /// <summary>The smallest file the store recognises as a Word document (a zip with the Word main part).</summary>
    private static byte[] WordBytes()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry("word/document.xml");
        }

        return stream.ToArray();
    }

    [Fact]
    public async Task A_replaced_version_is_not_sent_and_the_level_above_sees_the_new_one_as_not_sent()
    {
        var kyAnh = await factory.SignInAsync("lanhdao.kyanh");
        var haTinh = Unit("ha-tinh");
        var first = await KyAnhReportAsync(kyAnh, "&quarter=4");
        using (var scope = factory.Services.CreateScope())
        {
            // Signed and sent as the pages do it (the flow test drives the pages).
            var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
            var report = db.Snapshots.Single(s => s.Id == first);
            if (report.Status == ReportStatus.Draft)
            {
                report.EditDraft(new ReportDraft(SignerName: "Nguyễn Văn A"), "lanhdao.kyanh", DateTime.UtcNow);
                report.Sign(new ReportScan("scan.pdf", MeetingPortal.Domain.Meetings.AttachmentType.Pdf, 10, new string('b', 32)), "lanhdao.kyanh", DateTime.UtcNow);
                report.Send(true, "lanhdao.kyanh", DateTime.UtcNow);
                await db.SaveChangesAsync();
            }
        }

        // Frozen again with a reason: version 2 is a draft, version 1 (sent) is replaced.
        var form = await HtmlForm.LoadAsync(kyAnh, $"/Reports/Quarterly?unit={Unit("tx-ky-anh")}&year=2022&quarter=4&confirmFreeze=true", "//form[@method='post' and contains(@class,'freeze-form')]");
        form["Reason"] = "Bổ sung kết quả giải quyết";
        var again = await kyAnh.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        var province = await factory.SignInAsync("lanhdao.hatinh");
        var (sent, notSent) = await ReceivedAsync(province, $"/Reports/Received?unit={haTinh}&year=2022&quarter=4");
        Assert.DoesNotContain("Thị xã Kỳ Anh", sent);
        Assert.Contains("Thị xã Kỳ Anh", notSent);
        var text = (await province.GetHtmlAsync($"/Reports/Received?unit={haTinh}&year=2022&quarter=4")).Node("//section[contains(@class,'received-not-sent')]").InnerText;
        Assert.Contains("Bản 1 đã gửi", HtmlAgilityPack.HtmlEntity.DeEntitize(text), StringComparison.Ordinal);

        // Version 1 did arrive: it may still be received.
        Assert.Equal(ReportStatus.Sent, Report(first).Status);
        Assert.True(Report(first).IsReplaced);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(province, $"/Reports/Snapshots/{first}", "receive-form")).StatusCode);
        Assert.Equal(ReportStatus.Received, Report(first).Status);
    }
}
