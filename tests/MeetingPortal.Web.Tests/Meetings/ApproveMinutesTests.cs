using System.Net;
using System.Net.Http.Headers;
using MeetingPortal.Application.Administration;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Web.Pages.Meetings;
using MeetingPortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Meetings;

/// <summary>
/// Issue 16, deliver 2 (ADR 0019), through the pages on real SQLite: Kỳ Phương's leader approves the minutes of a
/// published meeting with the scan of the signed copy; the DOCX of that moment is kept and served byte for byte after
/// the record is corrected and the ward renamed, and the meeting page says the record changed after approval. The
/// recorder is refused 403, a leader of another ward 404; a missing or Word scan is refused beside the field.
/// </summary>
public sealed class ApproveMinutesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Leader = "lanhdao.kyphuong";
    private const string FormXPath = "//form[@method='post' and contains(@class,'approve-minutes-form')]";
    private static readonly byte[] PdfBytes = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray();

    /// <summary>A meeting of Kỳ Phương written and published by its recorder through the form; its id.</summary>
    private async Task<int> PublishedMeetingAsync(string title)
    {
        var recorder = await factory.SignInAsync("thuky.kyphuong");
        var form = await HtmlForm.LoadAsync(recorder, "/Meetings/Create");
        form["Input.Title"] = title;
        form["Input.HeldOn"] = "2026-09-15";
        form["Input.Host"] = "Đảng ủy phường Kỳ Phương";
        form["Input.Conclusion"] = "Giao các đoàn thể rà soát hội viên trong quý IV.";
        form["Input.Speeches[0].Kind"] = "Opinion";
        form["Input.Speeches[0].Speaker"] = "Trần Thị Hoa";
        form["Input.Speeches[0].Content"] = "Đề nghị tăng cường sinh hoạt chi hội ở các tổ dân phố.";
        var published = await form.PostAsync(recorder, "publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        return int.Parse(published.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Sends the approve form as a browser does, with <paramref name="file"/> as the scan (none when null).</summary>
    private static async Task<HttpResponseMessage> ApproveAsync(HttpClient client, int id, byte[]? file, string fileName = "Biên bản đã ký.pdf")
    {
        var form = await HtmlForm.LoadAsync(client, $"/Meetings/{id}/Minutes/Approve", FormXPath);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in form.Fields.Where(f => f.Key != "file"))
        {
            content.Add(new StringContent(value), name);
        }

        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "file", fileName);
        }

        return await client.PostAsync(form.Action, content);
    }

    private MinutesApproval? Approval(int id) => factory.WithDb(db => db.Meetings.Single(m => m.Id == id).MinutesApproval);

    private byte[] Stored(string storedName) => File.ReadAllBytes(Path.Combine(factory.DataDirectory, "attachments", storedName));

    private int AttachmentFiles()
    {
        var folder = Path.Combine(factory.DataDirectory, "attachments");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    /// <summary>What a refused approval must leave as it was: the meeting's row, its history, the approvals and the stored files.</summary>
    private string Fingerprint(int id) => factory.WithDb(db => string.Join(",",
        db.Meetings.Single(m => m.Id == id).Version, db.History.Count(h => h.EntityId == id && h.EntityType == nameof(Meeting)),
        db.Meetings.Count(m => m.MinutesApproval!.ApprovedBy != null))) + "," + AttachmentFiles();

    [Fact]
    public async Task The_leader_of_the_meetings_unit_approves_the_minutes_with_the_signed_scan()
    {
        var id = await PublishedMeetingAsync("Đối thoại quý III với Hội Phụ nữ (duyệt biên bản)");
        var leader = await factory.SignInAsync(Leader);
        var before = await leader.GetHtmlAsync($"/Meetings/{id}");
        Assert.Contains("Biên bản chưa được duyệt.", before.Text(), StringComparison.Ordinal);
        Assert.NotNull(before.DocumentNode.SelectSingleNode($"//a[@href='/Meetings/{id}/Minutes/Approve']"));
        var draft = await (await leader.GetAsync($"/Meetings/{id}/Minutes")).Content.ReadAsByteArrayAsync();

        var approved = await ApproveAsync(leader, id, PdfBytes);

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal($"/Meetings/{id}", approved.Headers.Location!.OriginalString);
        var approval = Approval(id)!;
        Assert.Equal(Leader, approval.ApprovedBy);
        Assert.Equal(AttachmentType.Pdf, approval.ScanType);
        Assert.Equal(PdfBytes, Stored(approval.ScanStoredName));
        // The DOCX kept says what the leader downloaded: the same code path, the same record (the zip itself is not
        // byte-stable between two generations, so the text is compared).
        var kept = Stored(approval.DocumentStoredName);
        Assert.Equal(DocxText(draft), DocxText(kept));
        Assert.Equal(kept.LongLength, approval.DocumentSizeBytes);
        Assert.Equal(kept, await (await leader.GetAsync($"/Meetings/{id}/Minutes")).Content.ReadAsByteArrayAsync());
        var scan = await leader.GetAsync($"/Meetings/{id}/Minutes?handler=Scan");
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        Assert.Equal(PdfBytes, await scan.Content.ReadAsByteArrayAsync());
        Assert.Single(factory.WithDb(db => db.History.Where(h => h.EntityId == id && h.EntityType == nameof(Meeting) && h.Action == HistoryAction.MinutesApproved).ToList()));

        var page = await leader.GetHtmlAsync($"/Meetings/{id}");
        var section = page.Node("//section[contains(@class,'minutes-approval')]");
        var today = approval.ApprovedOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Biên bản đã được duyệt ngày {today} bởi Lãnh đạo Phường Kỳ Phương (demo).", HtmlAgilityPack.HtmlEntity.DeEntitize(section.InnerText), StringComparison.Ordinal);
        Assert.NotNull(section.SelectSingleNode($".//a[@href='/Meetings/{id}/Minutes?handler=Scan']"));
        Assert.NotNull(section.SelectSingleNode($".//a[@href='/Meetings/{id}/Minutes']"));
        Assert.Null(section.SelectSingleNode(".//a[contains(@href,'/Approve')]"));
        Assert.DoesNotContain("Hồ sơ đã sửa sau khi biên bản được duyệt", page.Text(), StringComparison.Ordinal);

        // Approved once: a second approval from a page drawn before is refused and keeps the first.
        var again = await leader.GetHtmlAsync($"/Meetings/{id}/Minutes/Approve");
        Assert.Null(again.DocumentNode.SelectSingleNode(FormXPath));
        Assert.Contains("Biên bản đã được duyệt; bản đã duyệt được giữ nguyên", again.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_recorder_is_refused_403_a_leader_of_another_ward_404_and_nothing_changes()
    {
        var id = await PublishedMeetingAsync("Đối thoại quý III với Đoàn Thanh niên (quyền duyệt)");
        var before = Fingerprint(id);
        var version = factory.WithDb(db => db.Meetings.Single(m => m.Id == id).Version).ToString(System.Globalization.CultureInfo.InvariantCulture);

        async Task<HttpStatusCode> PostAsync(HttpClient client)
        {
            using var content = new MultipartFormDataContent
            {
                { new StringContent(await client.GetAntiforgeryTokenAsync("/Account/ChangePassword")), "__RequestVerificationToken" },
                { new StringContent(version), "version" },
                { new ByteArrayContent(PdfBytes), "file", "scan.pdf" },
            };
            return (await client.PostAsync($"/Meetings/{id}/Minutes/Approve", content)).StatusCode;
        }

        // The secretary's side writes the record and does not approve it; a leader above reads it and does not sign for the ward.
        foreach (var inScope in new[] { "thuky.kyphuong", "quantri.kyphuong", "lanhdao.kyanh" })
        {
            var client = await factory.SignInAsync(inScope);
            Assert.True((await client.GetAsync($"/Meetings/{id}/Minutes/Approve")).StatusCode == HttpStatusCode.Forbidden, $"GET as {inScope}");
            Assert.True(await PostAsync(client) == HttpStatusCode.Forbidden, $"POST as {inScope}");
            Assert.Null((await client.GetHtmlAsync($"/Meetings/{id}")).DocumentNode.SelectSingleNode("//a[contains(@href,'/Minutes/Approve')]"));
        }

        var otherWard = await factory.SignInAsync("lanhdao.tranphu");
        Assert.Equal(HttpStatusCode.NotFound, (await otherWard.GetAsync($"/Meetings/{id}/Minutes/Approve")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(otherWard));
        Assert.Equal(HttpStatusCode.NotFound, (await otherWard.GetAsync($"/Meetings/{id}/Minutes?handler=Scan")).StatusCode);

        Assert.Null(Approval(id));
        Assert.Equal(before, Fingerprint(id));
    }

    [Fact]
    public async Task A_missing_or_Word_scan_gets_the_message_beside_the_field_and_no_row_or_file_changes()
    {
        var id = await PublishedMeetingAsync("Đối thoại quý III với Hội Cựu chiến binh (bản quét sai)");
        var leader = await factory.SignInAsync(Leader);
        var before = Fingerprint(id);

        var none = await ApproveAsync(leader, id, null);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        var nonePage = Html.Parse(await none.Content.ReadAsStringAsync());
        Assert.Equal("Hãy chọn bản quét của biên bản đã ký (PDF hoặc ảnh).", HtmlAgilityPack.HtmlEntity.DeEntitize(nonePage.Node("//*[@id='file-error']").InnerText).Trim());
        Assert.NotNull(nonePage.DocumentNode.SelectSingleNode(FormXPath));

        var word = await ApproveAsync(leader, id, WordBytes(), "bien-ban.docx");
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        Assert.Contains("phải là tệp PDF hoặc ảnh JPEG, PNG", Html.Parse(await word.Content.ReadAsStringAsync()).Node("//*[@id='file-error']").InnerText, StringComparison.Ordinal);

        var text = await ApproveAsync(leader, id, "không phải bản quét"u8.ToArray(), "ghi-chu.txt");
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        // Content of no known kind hears the scan's kinds, not an attachment's (which lists DOCX).
        Assert.Contains("phải là tệp PDF hoặc ảnh JPEG, PNG", Html.Parse(await text.Content.ReadAsStringAsync()).Node("//*[@id='file-error']").InnerText, StringComparison.Ordinal);

        Assert.Null(Approval(id));
        Assert.Equal(before, Fingerprint(id));
    }

    [Fact]
    public async Task Minutes_are_not_approved_from_a_page_drawn_before_the_record_was_corrected()
    {
        var id = await PublishedMeetingAsync("Đối thoại quý III với Hội Khuyến học (sửa trong lúc duyệt)");
        var leader = await factory.SignInAsync(Leader);
        var form = await HtmlForm.LoadAsync(leader, $"/Meetings/{id}/Minutes/Approve", FormXPath);

        var recorder = await factory.SignInAsync("thuky.kyphuong");
        var edit = await HtmlForm.LoadAsync(recorder, $"/Meetings/{id}/Edit");
        edit["Input.Location"] = "Hội trường Đảng ủy phường";
        edit["Input.ChangeReason"] = "Bổ sung địa điểm";
        Assert.Equal(HttpStatusCode.Redirect, (await edit.PostAsync(recorder, "save")).StatusCode);
        var files = AttachmentFiles();

        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in form.Fields.Where(f => f.Key != "file"))
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent(PdfBytes), "file", "scan.pdf");
        var stale = await leader.PostAsync(form.Action, content);

        // The leader read minutes without the correction: they download them again before approving.
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Hồ sơ vừa được sửa sau khi trang này được mở", Html.Parse(await stale.Content.ReadAsStringAsync()).Node("//div[@class='error-summary']").InnerText, StringComparison.Ordinal);
        Assert.Null(Approval(id));
        Assert.Equal(files, AttachmentFiles());
    }

    [Fact]
    public async Task The_stored_minutes_are_served_unchanged_after_a_correction_and_a_rename_and_the_page_notes_the_correction()
    {
        var id = await PublishedMeetingAsync("Đối thoại quý III với Hội Nông dân (biên bản đã duyệt)");
        var leader = await factory.SignInAsync(Leader);
        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(leader, id, PdfBytes)).StatusCode);
        var kept = Stored(Approval(id)!.DocumentStoredName);

        // The record is corrected (a published record, with a reason) and the ward renamed from before the meeting's day.
        var recorder = await factory.SignInAsync("thuky.kyphuong");
        var edit = await HtmlForm.LoadAsync(recorder, $"/Meetings/{id}/Edit");
        edit["Input.Conclusion"] = "Kết luận đã sửa sau khi duyệt: giao Hội Nông dân tổng kết mô hình.";
        edit["Input.ChangeReason"] = "Sửa kết luận theo ý kiến của Thường trực";
        Assert.Equal(HttpStatusCode.Redirect, (await edit.PostAsync(recorder, "save")).StatusCode);
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "p-ky-phuong").Id);
        var rename = await factory.RunAsync<ChangeUnits, UseCaseResult>("quantri.kyanh", (uc, user) =>
            uc.RenameAsync(user, unit, new UnitDetailsInput { Code = "p-ky-phuong", Name = "Phường Kỳ Phương Mới", EffectiveOn = new DateOnly(2026, 9, 1) }, CancellationToken.None));
        Assert.Equal(UseCaseStatus.Done, rename.Status);

        // Generated now, the minutes would say both; the minutes served are the ones approved, byte for byte.
        using (var scope = factory.Services.CreateScope())
        {
            var regenerated = await scope.ServiceProvider.GetRequiredService<MinutesGenerator>().GenerateAsync(id, CancellationToken.None);
            var regeneratedText = DocxText(regenerated!);
            Assert.Contains("Kết luận đã sửa sau khi duyệt", regeneratedText, StringComparison.Ordinal);
            Assert.Contains("Kỳ Phương Mới", regeneratedText, StringComparison.Ordinal);
        }

        var served = await leader.GetAsync($"/Meetings/{id}/Minutes");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(kept, await served.Content.ReadAsByteArrayAsync());
        var servedText = DocxText(kept);
        Assert.DoesNotContain("Kết luận đã sửa sau khi duyệt", servedText, StringComparison.Ordinal);
        Assert.DoesNotContain("Kỳ Phương Mới", servedText, StringComparison.Ordinal);

        // The page shows the record as corrected, and says the approved minutes do not.
        var page = await leader.GetHtmlAsync($"/Meetings/{id}");
        var note = page.Node("//aside[contains(@class,'correction')]");
        var noteText = HtmlAgilityPack.HtmlEntity.DeEntitize(note.InnerText);
        Assert.Contains("Hồ sơ đã sửa sau khi biên bản được duyệt", noteText, StringComparison.Ordinal);
        Assert.Contains("Sửa kết luận theo ý kiến của Thường trực", noteText, StringComparison.Ordinal);
        Assert.Contains("Thư ký Phường Kỳ Phương (demo)", noteText, StringComparison.Ordinal);
        Assert.DoesNotContain("Duyệt biên bản ·", noteText, StringComparison.Ordinal);
        Assert.Contains("Kết luận đã sửa sau khi duyệt", page.Text(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 16's second trial and issue 17, deliver 5: the approval line named the leader by user name
    /// ("bởi lanhdao.tranphu") and the correction table named fields and values as the code does ("Location",
    /// "Opinion"). People read full names, fields the form's labels, values their Vietnamese labels.
    /// </summary>
    [Fact]
    public async Task The_approval_and_its_corrections_name_people_fields_and_values_in_words()
    {
        var id = await PublishedMeetingAsync("Đối thoại quý III (sửa sau duyệt, bằng lời)");
        var leader = await factory.SignInAsync(Leader);
        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(leader, id, PdfBytes)).StatusCode);
        var recorder = await factory.SignInAsync("thuky.kyphuong");
        var edit = await HtmlForm.LoadAsync(recorder, $"/Meetings/{id}/Edit");
        edit["Input.Location"] = "Hội trường khu phố 3";
        edit["Input.Speeches[0].Kind"] = "Recommendation";
        edit["Input.ChangeReason"] = "Bổ sung địa điểm";
        Assert.Equal(HttpStatusCode.Redirect, (await edit.PostAsync(recorder, "save")).StatusCode);

        var page = await leader.GetHtmlAsync($"/Meetings/{id}");
        var approved = HtmlAgilityPack.HtmlEntity.DeEntitize(page.Node("//p[contains(@class,'approved')]").InnerText);
        Assert.Contains("Lãnh đạo Phường Kỳ Phương (demo)", approved, StringComparison.Ordinal);
        Assert.DoesNotContain(Leader, approved, StringComparison.Ordinal);
        var corrections = HtmlAgilityPack.HtmlEntity.DeEntitize(page.Node("//aside[contains(@class,'correction')]").InnerText);
        Assert.Contains("Địa điểm", corrections, StringComparison.Ordinal);
        Assert.Contains("Phát biểu 1 · Loại", corrections, StringComparison.Ordinal);
        var history = HtmlAgilityPack.HtmlEntity.DeEntitize(page.Node("//section[contains(@class,'history')]").InnerText);
        Assert.Contains("Ý kiến", history, StringComparison.Ordinal);
        Assert.Contains("Kiến nghị", history, StringComparison.Ordinal);
        Assert.Contains("Thư ký Phường Kỳ Phương (demo)", history, StringComparison.Ordinal);
        foreach (var code in new[] { "Location", "Speeches[1].Kind", "Opinion", "Recommendation", "thuky.kyphuong" })
        {
            Assert.DoesNotContain(code, corrections, StringComparison.Ordinal);
            Assert.DoesNotContain(code, history, StringComparison.Ordinal);
        }
    }

    /// <summary>The text of every paragraph of a DOCX, header and body.</summary>
    private static string DocxText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        var parts = document.MainDocumentPart!.HeaderParts.Select(h => h.Header.InnerText).Append(document.MainDocumentPart.Document.Body!.InnerText);
        return string.Join('\n', parts);
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
}
