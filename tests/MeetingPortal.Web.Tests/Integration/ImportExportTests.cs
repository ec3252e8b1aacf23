using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MeetingPortal.Infrastructure.Seeding;
using MeetingPortal.Web.Infrastructure;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class ImportExportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<InterchangeDocument> ReadDocumentAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonSerializer.Deserialize<InterchangeDocument>(await response.Content.ReadAsStringAsync(), InterchangeDocument.JsonOptions)!;
    }

    [Fact]
    public async Task The_exported_list_is_the_filtered_list_inside_the_scope()
    {
        var province = await factory.SignInAsync("lanhdao.hatinh");
        var all = await ReadDocumentAsync(await province.GetAsync("/Meetings/Export"));
        Assert.Equal(3, all.Meetings!.Count);
        var filtered = await ReadDocumentAsync(await province.GetAsync("/Meetings/Export?q=" + Uri.EscapeDataString("\"nghị định 34\"")));
        Assert.Equal([SeedTitles.KyPhuong], filtered.Meetings!.Select(m => m.Title));
    }

    [Fact]
    public async Task One_meeting_exports_in_scope_and_answers_404_outside_it()
    {
        var id = factory.WithDb(db => db.Meetings.Single(m => m.Title == SeedTitles.TpHaTinh).Id);
        var inScope = await factory.SignInAsync("theodoi.tphatinh");
        var document = await ReadDocumentAsync(await inScope.GetAsync($"/Meetings/Export?id={id}"));
        Assert.Equal(12, document.Meetings!.Single().Speeches!.Count);
        var outside = await factory.SignInAsync("theodoi.kyphuong");
        Assert.Equal(HttpStatusCode.NotFound, (await outside.GetAsync($"/Meetings/Export?id={id}")).StatusCode);
    }

    /// <summary>Issue 16, deliver 8: the page exports the current format version (3 added it), with every recommendation's worked history, step for step.</summary>
    [Fact]
    public async Task An_exported_meeting_is_version_3_and_carries_each_recommendations_history()
    {
        var id = factory.WithDb(db => db.Meetings.Single(m => m.Title == SeedTitles.KyPhuong).Id);
        var events = factory.WithDb(db => db.RecommendationEvents
            .Where(e => db.Recommendations.Any(r => r.Id == e.RecommendationId && r.MeetingId == id))
            .GroupBy(e => e.RecommendationId).Select(g => g.Count()).ToList());
        var client = await factory.SignInAsync("thuky.kyphuong");
        var response = await client.GetAsync($"/Meetings/Export?id={id}");
        var document = await ReadDocumentAsync(response);
        Assert.Equal(InterchangeDocument.CurrentVersion, document.FormatVersion);
        var recommendations = document.Meetings!.Single().Speeches!.SelectMany(s => s.Recommendations ?? []).ToList();
        Assert.Equal(events.Sum(), recommendations.Sum(r => r.History?.Count ?? 0));
        Assert.All(recommendations, r => Assert.Equal(
            [Domain.Recommendations.RecommendationEventKind.Assigned, Domain.Recommendations.RecommendationEventKind.Responded],
            r.History!.Select(s => s.Kind)));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, params (string Name, string Json)[] files)
    {
        var token = await client.GetAntiforgeryTokenAsync("/Meetings/Import");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, json) in files)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Add(file, "files", name);
        }

        return await client.PostAsync("/Meetings/Import", content);
    }

    private static string Meeting(string unit, string title) => $$"""
        {"formatVersion":1,"meetings":[{"unit":"{{unit}}","type":"dialogue","title":"{{title}}","heldOn":"2025-03-03",
         "organisations":[{"key":"mttq","name":"Ủy ban MTTQ phường Kỳ Phương","kind":"fatherlandFront"}],
         "speeches":[{"kind":"opinion","content":"Ý kiến","organisation":"mttq"}]}]}
        """;

    [Fact]
    public async Task Upload_reports_each_file_created_duplicate_out_of_scope_and_schema_errors()
    {
        var recorder = await factory.SignInAsync("thuky.kyphuong");
        var response = await UploadAsync(recorder,
            ("good.json", Meeting("p-ky-phuong", "Đối thoại nhập từ tệp")),
            ("again.json", Meeting("p-ky-phuong", "Đối thoại nhập từ tệp")),
            ("outside.json", Meeting("tp-ha-tinh", "Đối thoại ngoài phạm vi")),
            ("broken.json", """{"formatVersion":1,"meetings":[{"unit":"p-ky-phuong","type":"party","title":"x","heldOn":"2025-13-01"}]}"""),
            ("units.json", """{"formatVersion":1,"units":[{"code":"p-moi","name":"Phường Mới","level":4,"parent":"tx-ky-anh"}]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        var reports = page.Nodes("//article[@class='import-file']").Select(a => HtmlAgilityPack.HtmlEntity.DeEntitize(a.InnerText)).ToList();
        Assert.Equal(5, reports.Count);
        Assert.Contains("đã nhập", reports[0], StringComparison.Ordinal);
        Assert.Contains("Đối thoại nhập từ tệp", reports[0], StringComparison.Ordinal);
        Assert.Contains("Bỏ qua", reports[1], StringComparison.Ordinal);
        Assert.Contains("nằm ngoài phạm vi của bạn", reports[2], StringComparison.Ordinal);
        Assert.Contains("#/meetings[0].type", reports[3], StringComparison.Ordinal);
        Assert.Contains("chỉ quản trị viên cấp cao nhất được nhập", reports[4], StringComparison.Ordinal);
        Assert.Equal(1, factory.WithDb(db => db.Meetings.Count(m => m.Title == "Đối thoại nhập từ tệp")));
        Assert.Equal(0, factory.WithDb(db => db.Meetings.Count(m => m.Title == "Đối thoại ngoài phạm vi")));
        Assert.False(factory.WithDb(db => db.Units.Any(u => u.Code == "p-moi")));
    }

    /// <summary>Issue 14, item 7, on the third way a file comes in: the report names each file whole, never cut at a slash.</summary>
    [Fact]
    public async Task A_file_name_with_a_slash_is_reported_whole()
    {
        var admin = await factory.SignInAsync("quantri.toanquoc");
        var response = await UploadAsync(admin, ("Hội nghị ngày 1/2.json", "không phải JSON"), ("..\\..\\a.json", "x"), ("a\\b.json", "x"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headings = Html.Parse(await response.Content.ReadAsStringAsync()).Nodes("//article[@class='import-file']/h3")
            .Select(h => HtmlAgilityPack.HtmlEntity.DeEntitize(h.InnerText)).ToList();
        Assert.Equal(["Hội nghị ngày 1／2.json", "a.json", "a／b.json"], headings.Select(h => h[..h.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Fact]
    public async Task Not_json_at_all_is_refused_with_a_message()
    {
        var admin = await factory.SignInAsync("quantri.toanquoc");
        var response = await UploadAsync(admin, ("photo.json", "\u0089PNG not json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("bị từ chối", Html.Parse(await response.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deep")]
    [InlineData("wrong-types")]
    [InlineData("empty")]
    [InlineData("bom-and-nulls")]
    public async Task Malformed_json_is_refused_per_file_and_creates_nothing(string kind)
    {
        var json = kind switch
        {
            "deep" => new string('[', 5000) + new string(']', 5000),
            "wrong-types" => """{"unit":42,"heldOn":"tomorrow","speeches":"many","recommendations":[null,1,true]}""",
            "empty" => "",
            _ => "\uFEFF{\u0000}",
        };
        var admin = await factory.SignInAsync("quantri.toanquoc");
        var before = factory.WithDb(db => db.Meetings.Count());
        var response = await UploadAsync(admin, ($"{kind}.json", json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("bị từ chối", Html.Parse(await response.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(before, factory.WithDb(db => db.Meetings.Count()));
    }

    [Fact]
    public async Task Roles_without_import_rights_are_refused()
    {
        var leader = await factory.SignInAsync("lanhdao.kyphuong");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/Meetings/Import")).StatusCode);
    }

    [Fact]
    public async Task The_command_line_import_creates_then_skips_and_fails_on_a_missing_file()
    {
        var file = Path.Combine(factory.DataDirectory, "cli.json");
        await File.WriteAllTextAsync(file, Meeting("p-ky-phuong", "Đối thoại nhập bằng dòng lệnh"));
        var output = new StringWriter();

        Assert.Equal(0, await CommandLine.RunAsync(factory.Services, ["import", "--as", "thuky.kyphuong", file], output));
        Assert.Equal(0, await CommandLine.RunAsync(factory.Services, ["import", "--as", "thuky.kyphuong", file], output));
        Assert.Equal(1, await CommandLine.RunAsync(factory.Services, ["import", "--as", "thuky.kyphuong", file + ".missing"], output));
        Assert.Equal(2, await CommandLine.RunAsync(factory.Services, ["import", file], output));
        Assert.Equal(2, await CommandLine.RunAsync(factory.Services, ["import", "--as", "khong.co.ai", file], output));

        Assert.Contains("1 created", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 skipped", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, factory.WithDb(db => db.Meetings.Count(m => m.Title == "Đối thoại nhập bằng dòng lệnh")));
        Assert.Equal("thuky.kyphuong", factory.WithDb(db => db.Meetings.Single(m => m.Title == "Đối thoại nhập bằng dòng lệnh").CreatedBy));
    }

    /// <summary>The command line is a door like the page: an account without the role is told that, not that the unit is outside its scope.</summary>
    [Fact]
    public async Task The_command_line_import_refuses_an_account_without_the_role_as_such()
    {
        var file = Path.Combine(factory.DataDirectory, "cli-leader.json");
        await File.WriteAllTextAsync(file, Meeting("p-ky-phuong", "Đối thoại nhập bởi lãnh đạo"));
        var output = new StringWriter();

        Assert.Equal(1, await CommandLine.RunAsync(factory.Services, ["import", "--as", "lanhdao.kyphuong", file], output));

        Assert.Contains("không có quyền nhập hồ sơ", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("phạm vi", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, factory.WithDb(db => db.Meetings.Count(m => m.Title == "Đối thoại nhập bởi lãnh đạo")));
    }

    /// <summary>The command line is a door like the page: a ward recorder cannot write another ward's records through it.</summary>
    [Fact]
    public async Task The_command_line_import_applies_the_named_users_scope()
    {
        var file = Path.Combine(factory.DataDirectory, "cli-outside.json");
        await File.WriteAllTextAsync(file, Meeting("p-tran-phu", "Đối thoại của phường khác qua dòng lệnh"));
        var output = new StringWriter();

        Assert.Equal(1, await CommandLine.RunAsync(factory.Services, ["import", "--as", "thuky.kyphuong", file], output));
        Assert.Contains("nằm ngoài phạm vi của bạn", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, factory.WithDb(db => db.Meetings.Count(m => m.Title == "Đối thoại của phường khác qua dòng lệnh")));
    }
}
