using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HtmlAgilityPack;
using MeetingPortal.Infrastructure.Seeding;
using MeetingPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>Helpers of the format version 4 tests: the import page's upload, the approve form, the texts compared.</summary>
internal static class Version4
{
    public const string FormXPath = "//form[@method='post' and contains(@class,'approve-minutes-form')]";

    public static readonly byte[] PdfBytes = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray();

    /// <summary>Uploads files to /Meetings/Import as a browser does; returns each file's report as the page shows it.</summary>
    public static async Task<List<string>> UploadAsync(HttpClient client, params (string Name, string Json)[] files)
    {
        var token = await client.GetAntiforgeryTokenAsync("/Meetings/Import");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, json) in files)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Add(file, "files", name);
        }

        var response = await client.PostAsync("/Meetings/Import", content);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            response = await client.GetAsync(response.Headers.Location);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.Parse(await response.Content.ReadAsStringAsync()).Nodes("//article[@class='import-file']")
            .Select(a => Regex.Replace(HtmlEntity.DeEntitize(a.InnerText), @"\s+", " ")).ToList();
    }

    /// <summary>Asserts a file's report names no refusal (no JSON path), showing the report when it does.</summary>
    public static void AssertImported(string report) => Assert.False(report.Contains("#/", StringComparison.Ordinal), report);

    /// <summary>Approves meeting <paramref name="id"/>'s minutes through the approve form with a PDF scan.</summary>
    public static async Task ApproveAsync(HttpClient client, int id)
    {
        var form = await HtmlForm.LoadAsync(client, $"/Meetings/{id}/Minutes/Approve", FormXPath);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in form.Fields.Where(f => f.Key != "file"))
        {
            content.Add(new StringContent(value), name);
        }

        var part = new ByteArrayContent(PdfBytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", "Biên bản đã ký.pdf");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(form.Action, content)).StatusCode);
    }

    /// <summary>
    /// The record as the meeting page shows it, the names of its day included: the heading and every section but the
    /// approval (its changes list is the record's own edit history, not carried), the attachments and the edit history.
    /// </summary>
    public static string RecordText(HtmlDocument page) => string.Join("\n",
        page.Nodes("//article[@class='meeting']/header/p[@class='eyebrow'] | //article[@class='meeting']/header/h1 | //article[@class='meeting']/aside"
            + " | //article[@class='meeting']//p[@class='approved']"
            + " | //article[@class='meeting']//section[not(@aria-labelledby='history') and not(@aria-labelledby='attachments') and not(@aria-labelledby='minutes-approval')]")
            .Select(n => Regex.Replace(HtmlEntity.DeEntitize(n.InnerText), @"\s+", " ").Trim()));

    /// <summary>
    /// The text of a DOCX's body (word/document.xml), a line per paragraph: where every name and fact of the minutes is
    /// written. The markup is left out, since its relationship ids are drawn at random each time a document is made.
    /// </summary>
    public static string DocumentXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = reader.ReadToEnd().Replace("</w:p>", "\n", StringComparison.Ordinal);
        return WebUtility.HtmlDecode(Regex.Replace(xml, "<[^>]+>", string.Empty));
    }

    public static int IdOf(PortalFactory portal, string title) => portal.WithDb(db => db.Meetings.Single(m => m.Title == title).Id);

    public static int UnitIdOf(PortalFactory portal, string code) => portal.WithDb(db => db.Units.Single(u => u.Code == code).Id);
}

/// <summary>
/// A portal whose first start loads only the top unit (and the calendar and due-date rules) from a reference file, no
/// meeting: an installation that has not yet received anything. Its top administrator exists (quantri.toanquoc).
/// </summary>
public sealed class FreshPortal : PortalFactory
{
    private readonly string _seeds = Path.Combine(Path.GetTempPath(), "meetingportal-tests", "fresh-seeds-" + Guid.NewGuid().ToString("N"));

    public FreshPortal()
    {
        var reference = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "reference.json")))!.AsObject();
        var top = new JsonObject
        {
            ["formatVersion"] = reference["formatVersion"]!.GetValue<int>(),
            ["levels"] = new JsonArray(reference["levels"]!.AsArray().Where(l => (int)l!["rank"]! == 1).Select(l => l!.DeepClone()).ToArray()),
            ["units"] = new JsonArray(reference["units"]!.AsArray().Where(u => (string)u!["code"]! == "viet-nam").Select(u => u!.DeepClone()).ToArray()),
            ["calendar"] = reference["calendar"]!.DeepClone(),
            ["dueDateRules"] = new JsonArray(reference["dueDateRules"]!.AsArray().Where(r => r!["theme"] is null).Select(r => r!.DeepClone()).ToArray()),
        };
        Directory.CreateDirectory(_seeds);
        File.WriteAllText(Path.Combine(_seeds, "reference.json"), top.ToJsonString());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Seeding:Directory", _seeds);
    }

    /// <summary>The demo accounts of the units an import brought (made at start only for the units that existed then).</summary>
    public async Task AddDemoAccountsAsync()
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(new DemoDataOptions { Enabled = true, Password = DemoPassword });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        TemporaryDataDirectory.Delete(_seeds);
    }
}

/// <summary>
/// Issue 16, deliver 8 (format version 4): a database after the 2025 change was applied to Hà Tĩnh's seeds, with one
/// meeting's minutes approved before it, exported with its reference data and documents by the top administrator and
/// imported through the import page into an installation that holds only the top unit, reads the same: every meeting
/// page under the names of its day, the minutes (the approved DOCX byte for byte, the others generated alike) and the
/// 2022 summary "as the units stood then". Importing the same file again adds nothing.
/// </summary>
public sealed class InterchangeVersion4RoundTripTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_database_after_the_2025_change_reads_the_same_in_a_fresh_portal_and_a_second_import_adds_nothing()
    {
        var kyPhuong = Version4.IdOf(factory, SeedTitles.KyPhuong);
        await Version4.ApproveAsync(await factory.SignInAsync("lanhdao.kyphuong"), kyPhuong);
        await HaTinh2025.ApplyAsync(factory);

        var admin = await factory.SignInAsync("quantri.toanquoc");
        var response = await admin.GetAsync("/Meetings/Export?reference=true&documents=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var exported = await response.Content.ReadAsStringAsync();
        Assert.Empty(InterchangeSchema.Validate(exported));
        var document = JsonSerializer.Deserialize<InterchangeDocument>(exported, InterchangeDocument.JsonOptions)!;
        // Written in version 5 since issue 18 (roadmaps); everything of version 4 is still in it.
        Assert.Equal(5, document.FormatVersion);
        Assert.Equal("p-ky-phuong", document.Meetings!.Single(m => m.Title == SeedTitles.KyPhuong).HeldIn);
        Assert.Equal("p-moi-ky-anh", document.Units!.Single(u => u.Code == "p-ky-phuong").MergedInto);
        Assert.Equal(new DateOnly(2025, 7, 1), document.Units!.Single(u => u.Code == "tx-ky-anh").RetiredOn);
        Assert.Equal(HaTinh2025.Basis, Assert.Single(document.Reorganisations!).LegalBasis);
        Assert.NotNull(document.Meetings!.Single(m => m.Title == SeedTitles.KyPhuong).MinutesApproval);

        using var fresh = new FreshPortal();
        var reports = await Version4.UploadAsync(await fresh.SignInAsync("quantri.toanquoc"), ("portal.json", exported));
        Version4.AssertImported(Assert.Single(reports));
        Assert.Equal(5, fresh.WithDb(db => db.Meetings.Count()));
        await fresh.AddDemoAccountsAsync();

        var source = await factory.SignInAsync("lanhdao.toanquoc");
        var target = await fresh.SignInAsync("lanhdao.toanquoc");
        foreach (var meeting in document.Meetings!)
        {
            var (from, to) = (Version4.IdOf(factory, meeting.Title), Version4.IdOf(fresh, meeting.Title));
            Assert.Equal(Version4.RecordText(await source.GetHtmlAsync($"/Meetings/{from}")), Version4.RecordText(await target.GetHtmlAsync($"/Meetings/{to}")));
            var minutesThere = await source.GetByteArrayAsync($"/Meetings/{from}/Minutes");
            var minutesHere = await target.GetByteArrayAsync($"/Meetings/{to}/Minutes");
            if (meeting.Title == SeedTitles.KyPhuong)
            {
                Assert.Equal(minutesThere, minutesHere);
                Assert.Equal(await source.GetByteArrayAsync($"/Meetings/{from}/Minutes?handler=Scan"), await target.GetByteArrayAsync($"/Meetings/{to}/Minutes?handler=Scan"));
            }
            else
            {
                Assert.Equal(Version4.DocumentXml(minutesThere), Version4.DocumentXml(minutesHere));
            }
        }

        // The names of the meeting's day, not today's: the ward that held it and its district of 2022.
        var kyPhuongHere = await target.GetHtmlAsync($"/Meetings/{Version4.IdOf(fresh, SeedTitles.KyPhuong)}");
        Assert.Contains("Phường Kỳ Phương", Version4.RecordText(kyPhuongHere), StringComparison.Ordinal);
        Assert.DoesNotContain(HaTinh2025.NewWard, Version4.RecordText(kyPhuongHere), StringComparison.Ordinal);

        foreach (var (unit, year) in new[] { ("ha-tinh", 2022), ("tx-ky-anh", 2022) })
        {
            var there = await source.GetHtmlAsync($"/Reports/Quarterly?unit={Version4.UnitIdOf(factory, unit)}&year={year}&units=then");
            var here = await target.GetHtmlAsync($"/Reports/Quarterly?unit={Version4.UnitIdOf(fresh, unit)}&year={year}&units=then");
            foreach (var table in new[] { "figures", "children", "scorecards", "by-theme" })
            {
                Assert.Equal(there.TableText(table), here.TableText(table));
            }
        }

        // Idempotent: the same file again adds no unit, naming, organisation history, reorganisation or meeting.
        int[] Counts() => fresh.WithDb(db => new[]
        {
            db.Units.Count(), db.UnitNamings.Count(), db.Organisations.Count(), db.OrganisationNamings.Count(), db.Reorganisations.Count(), db.Meetings.Count(),
        });
        var before = Counts();
        var again = Assert.Single(await Version4.UploadAsync(await fresh.SignInAsync("quantri.toanquoc"), ("portal.json", exported)));
        Version4.AssertImported(again);
        Assert.Equal(before, Counts());
    }
}

/// <summary>
/// Issue 16, deliver 8 (format version 4): names over time are reference data (the top administrator only); a history that
/// overlaps itself or differs from the one the portal keeps is refused with its JSON path and nothing of the file is kept;
/// a version 3 file holding a version 4 property is refused at that property.
/// </summary>
public sealed class InterchangeVersion4HistoryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Units(string namings, int version = 4, string meetings = "[]") => $$"""
        {"formatVersion":{{version}},"units":[{"code":"p-tran-phu","name":"Phường Trần Phú","level":4,"parent":"tp-ha-tinh","namings":{{namings}}}],
         "meetings":{{meetings}}}
        """;

    private const string Meeting = """
        [{"unit":"p-tran-phu","type":"dialogue","title":"Đối thoại kèm lịch sử tên","heldOn":"2025-03-03",
          "organisations":[{"key":"o1","name":"Ủy ban MTTQ phường Trần Phú","kind":"fatherlandFront"}],
          "speeches":[{"kind":"opinion","content":"Ý kiến","organisation":"o1"}]}]
        """;

    private const string Renamed = """
        [{"name":"Xã Trần Phú","parent":"tp-ha-tinh","to":"2020-01-01","basis":"Nghị quyết số 1/2019"},
         {"name":"Phường Trần Phú","parent":"tp-ha-tinh","from":"2020-01-01","basis":"Nghị quyết số 1/2019"}]
        """;

    private int Namings() => factory.WithDb(db => db.UnitNamings.Count(n => n.UnitId == db.Units.Single(u => u.Code == "p-tran-phu").Id));

    [Fact]
    public async Task A_history_is_added_once_and_a_conflicting_or_overlapping_one_is_refused_with_its_path()
    {
        var admin = await factory.SignInAsync("quantri.toanquoc");

        // Names over time are reference data: a province's administrator may not import them.
        var province = Assert.Single(await Version4.UploadAsync(await factory.SignInAsync("quantri.hatinh"), ("units.json", Units(Renamed))));
        Assert.Contains("chỉ quản trị viên cấp cao nhất được nhập", province, StringComparison.Ordinal);
        Assert.Equal(0, Namings());

        // A version 3 file does not hold version 4 properties.
        var older = Assert.Single(await Version4.UploadAsync(admin, ("v3.json", Units(Renamed, version: 3))));
        Assert.Contains("#/units[0].namings: trường này thuộc định dạng phiên bản 4", older, StringComparison.Ordinal);

        var added = Assert.Single(await Version4.UploadAsync(admin, ("renamed.json", Units(Renamed))));
        Version4.AssertImported(added);
        Assert.Equal(2, Namings());
        Assert.Single(await Version4.UploadAsync(admin, ("renamed.json", Units(Renamed))));
        Assert.Equal(2, Namings());

        // Another name on the same days, in a file that also brings a meeting: refused at the path, nothing kept.
        var conflicting = Renamed.Replace("Xã Trần Phú", "Thị trấn Trần Phú", StringComparison.Ordinal);
        var refused = Assert.Single(await Version4.UploadAsync(admin, ("conflict.json", Units(conflicting, meetings: Meeting))));
        Assert.Contains("#/units[0].namings: lịch sử tên trong tệp mâu thuẫn với lịch sử đã có", refused, StringComparison.Ordinal);
        Assert.False(factory.WithDb(db => db.Meetings.Any(m => m.Title == "Đối thoại kèm lịch sử tên")));
        Assert.Equal(["Xã Trần Phú", "Phường Trần Phú"], factory.WithDb(db => db.UnitNamings
            .Where(n => n.UnitId == db.Units.Single(u => u.Code == "p-tran-phu").Id).OrderBy(n => n.ValidTo == null).Select(n => n.Name).ToList()));

        // Spans that overlap are refused before anything is compared.
        var overlapping = Renamed.Replace("\"to\":\"2020-01-01\"", "\"to\":\"2021-01-01\"", StringComparison.Ordinal);
        var overlap = Assert.Single(await Version4.UploadAsync(admin, ("overlap.json", Units(overlapping))));
        Assert.Contains("#/units[0].namings: các khoảng thời gian của lịch sử tên phải nối tiếp nhau", overlap, StringComparison.Ordinal);
        Assert.Equal(2, Namings());
    }
}

/// <summary>
/// Issue 16, deliver 8 (format version 4, ADR 0019): approved minutes cross with the stored DOCX and scan, restored byte for
/// byte (never generated again); a file whose bytes do not match their SHA-256, or whose DOCX is not a Word document,
/// refuses that meeting with its path and leaves no file behind.
/// </summary>
public sealed class InterchangeVersion4MinutesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int AttachmentFiles()
    {
        var folder = Path.Combine(factory.DataDirectory, "attachments");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    [Fact]
    public async Task Approved_minutes_come_back_byte_for_byte_and_a_tampered_or_wrong_file_is_refused()
    {
        var id = Version4.IdOf(factory, SeedTitles.KyPhuong);
        await Version4.ApproveAsync(await factory.SignInAsync("lanhdao.kyphuong"), id);
        var recorder = await factory.SignInAsync("thuky.kyphuong");
        var exported = JsonNode.Parse(await recorder.GetStringAsync($"/Meetings/Export?id={id}&documents=true"))!;
        Assert.Null(JsonNode.Parse(await recorder.GetStringAsync($"/Meetings/Export?id={id}"))!["meetings"]![0]!["minutesApproval"]);

        // The same record under another title, so that it is not skipped as the meeting already present.
        string Copy(string title, Action<JsonNode>? change = null)
        {
            var copy = exported.DeepClone();
            copy["meetings"]![0]!["title"] = title;
            change?.Invoke(copy["meetings"]![0]!["minutesApproval"]!);
            return copy.ToJsonString();
        }

        // An approval is the chair's act (ADR 0019): a recorder cannot make minutes "approved" by import.
        var files = AttachmentFiles();
        var byRecorder = Assert.Single(await Version4.UploadAsync(recorder, ("recorder.json", Copy("Bản của thư ký"))));
        Assert.Contains("#/meetings[0].minutesApproval: tài khoản này không được duyệt biên bản", byRecorder, StringComparison.Ordinal);
        Assert.False(factory.WithDb(db => db.Meetings.Any(m => m.Title == "Bản của thư ký")));
        Assert.Equal(files, AttachmentFiles());

        // The top administrator moves records with their approvals between installations.
        var admin = await factory.SignInAsync("quantri.toanquoc");
        var tampered = Assert.Single(await Version4.UploadAsync(admin, ("tampered.json", Copy("Bản bị sửa", a =>
            a["document"]!["content"] = Convert.ToBase64String(Convert.FromBase64String((string)a["document"]!["content"]!).Append((byte)0).ToArray())))));
        Assert.Contains("#/meetings[0].minutesApproval.document.sha256", tampered, StringComparison.Ordinal);
        var pdf = Convert.ToBase64String(Version4.PdfBytes);
        var notWord = Assert.Single(await Version4.UploadAsync(admin, ("pdf.json", Copy("Bản không phải Word", a =>
        {
            a["document"]!["content"] = pdf;
            a["document"]!["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Version4.PdfBytes));
        }))));
        Assert.Contains("#/meetings[0].minutesApproval.document.content: bản DOCX của biên bản đã duyệt phải là tệp Word", notWord, StringComparison.Ordinal);
        Assert.False(factory.WithDb(db => db.Meetings.Any(m => m.Title == "Bản bị sửa" || m.Title == "Bản không phải Word")));
        Assert.Equal(files, AttachmentFiles());

        var restored = Assert.Single(await Version4.UploadAsync(admin, ("copy.json", Copy("Bản sao đã duyệt"))));
        Version4.AssertImported(restored);
        var copyId = Version4.IdOf(factory, "Bản sao đã duyệt");
        var leader = await factory.SignInAsync("lanhdao.kyphuong");
        Assert.Equal(await leader.GetByteArrayAsync($"/Meetings/{id}/Minutes"), await leader.GetByteArrayAsync($"/Meetings/{copyId}/Minutes"));
        Assert.Equal(Version4.PdfBytes, await leader.GetByteArrayAsync($"/Meetings/{copyId}/Minutes?handler=Scan"));
        var approval = factory.WithDb(db => db.Meetings.Single(m => m.Id == copyId).MinutesApproval)!;
        Assert.Equal("lanhdao.kyphuong", approval.ApprovedBy);
    }
}
