using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HtmlAgilityPack;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Meetings;

/// <summary>
/// Issue 16, deliver 5: unknown is a value. "Hình thức: Trực tiếp" stood on the four seed meetings whose report
/// does not say how they were held (a default shown as a fact); now every fact a source may leave out (format,
/// start time, place, chair, host) reads "Không nêu" on the page, in the list and is left out of the export.
/// </summary>
public sealed class NotStatedFactsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>The text of the record's fact labelled <paramref name="label"/> in the facts list of a meeting's page.</summary>
    internal static string Fact(HtmlDocument page, string label)
    {
        var term = page.Nodes("//dl[contains(@class,'facts')]/dt").FirstOrDefault(dt => HtmlEntity.DeEntitize(dt.InnerText).Trim() == label)
            ?? throw new Xunit.Sdk.XunitException($"No fact labelled {label}.");
        var value = term.SelectSingleNode("following-sibling::dd[1]")!;
        return System.Text.RegularExpressions.Regex.Replace(HtmlEntity.DeEntitize(value.InnerText), @"\s+", " ").Trim();
    }

    private int IdOf(string title) => factory.WithDb(db => db.Meetings.Single(m => m.Title == title).Id);

    [Theory]
    [InlineData(SeedTitles.KyPhuong)]
    [InlineData(SeedTitles.HongLinh)]
    [InlineData(SeedTitles.District)]
    [InlineData(SeedTitles.Hue)]
    public async Task A_seed_whose_report_does_not_say_how_it_was_held_reads_not_stated(string title)
    {
        var client = await factory.SignInAsync("lanhdao.toanquoc");
        var page = await client.GetHtmlAsync($"/Meetings/{IdOf(title)}");

        Assert.Equal("Không nêu", Fact(page, "Hình thức"));
        Assert.DoesNotContain("Trực tiếp", page.Text(), StringComparison.Ordinal);
        Assert.Equal(MeetingFormat.NotStated, factory.WithDb(db => db.Meetings.Single(m => m.Title == title).Format));
    }

    [Fact]
    public async Task What_a_source_states_is_shown_and_what_it_leaves_out_reads_not_stated()
    {
        var client = await factory.SignInAsync("lanhdao.toanquoc");

        var haTinh = await client.GetHtmlAsync($"/Meetings/{IdOf(SeedTitles.TpHaTinh)}");
        Assert.StartsWith("Trực tuyến", Fact(haTinh, "Hình thức"), StringComparison.Ordinal);
        Assert.Equal("Không nêu", Fact(haTinh, "Địa điểm"));
        Assert.Equal("Không nêu", Fact(haTinh, "Giờ bắt đầu"));

        // Kỳ Phương's report names no chair (the Party secretary concluded): the page does not guess one.
        var kyPhuong = await client.GetHtmlAsync($"/Meetings/{IdOf(SeedTitles.KyPhuong)}");
        Assert.Equal("Không nêu", Fact(kyPhuong, "Chủ trì"));

        var hue = await client.GetHtmlAsync($"/Meetings/{IdOf(SeedTitles.Hue)}");
        Assert.StartsWith("Phan Ngọc Thọ", Fact(hue, "Chủ trì"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_shows_not_stated_in_the_format_column()
    {
        var client = await factory.SignInAsync("lanhdao.kyphuong");
        var page = await client.GetHtmlAsync("/Meetings");
        var row = page.Nodes("//table[contains(@class,'data-table')]/tbody/tr").Single(tr => HtmlEntity.DeEntitize(tr.InnerText).Contains(SeedTitles.KyPhuong, StringComparison.Ordinal));
        Assert.Contains("Không nêu", HtmlEntity.DeEntitize(row.InnerText), StringComparison.Ordinal);
        Assert.DoesNotContain("Trực tiếp", HtmlEntity.DeEntitize(row.InnerText), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_record_starts_with_the_format_not_stated_and_keeps_it_when_left_so()
    {
        var client = await factory.SignInAsync("thuky.kyphuong");
        var form = await HtmlForm.LoadAsync(client, "/Meetings/Create");
        Assert.Equal("NotStated", form["Input.Format"]);
        form["Input.Title"] = "Đối thoại không nêu hình thức";
        form["Input.HeldOn"] = "2026-11-20";
        form["Input.Speeches[0].Content"] = "Ủy ban MTTQ phường báo cáo kết quả.";

        var saved = await form.PostAsync(client, "save");

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", Html.Parse(await saved.Content.ReadAsStringAsync()).Nodes("//*[contains(@class,'field-error') or contains(@class,'error')]").Select(n => n.InnerText.Trim()).Where(t => t.Length > 0)));
        Assert.Equal(MeetingFormat.NotStated, factory.WithDb(db => db.Meetings.Single(m => m.Title == "Đối thoại không nêu hình thức").Format));
        var page = await client.GetHtmlAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal("Không nêu", Fact(page, "Hình thức"));
    }

    [Fact]
    public async Task Connected_points_without_an_online_format_are_refused_beside_the_field()
    {
        var client = await factory.SignInAsync("thuky.kyphuong");
        var form = await HtmlForm.LoadAsync(client, "/Meetings/Create");
        form["Input.Title"] = "Đối thoại có điểm cầu nhưng không nêu hình thức";
        form["Input.HeldOn"] = "2026-11-20";
        form["Input.ConnectedPoints"] = "15";

        var response = await form.PostAsync(client, "save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Chỉ hội nghị trực tuyến hoặc kết hợp", page.Node("//*[@id='connected-points-error']").InnerText, StringComparison.Ordinal);
        Assert.Equal("15", HtmlForm.From(page, "/Meetings/Create")["Input.ConnectedPoints"]);
        Assert.False(factory.WithDb(db => db.Meetings.Any(m => m.Title == "Đối thoại có điểm cầu nhưng không nêu hình thức")));
    }

    [Fact]
    public async Task A_version_1_file_without_a_format_imports_as_not_stated_and_exports_without_one()
    {
        const string title = "Giao ban nhập từ tệp phiên bản 1";
        var json = $$"""
            {"formatVersion":1,"meetings":[{"unit":"p-ky-phuong","type":"periodicBriefing","title":"{{title}}","heldOn":"2023-02-10"}]}
            """;
        var client = await factory.SignInAsync("thuky.kyphuong");
        var token = await client.GetAntiforgeryTokenAsync("/Meetings/Import");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Add(file, "files", "v1.json");
        var imported = await client.PostAsync("/Meetings/Import", content);
        Assert.True(imported.IsSuccessStatusCode);

        var id = factory.WithDb(db => db.Meetings.Single(m => m.Title == title).Id);
        Assert.Equal(MeetingFormat.NotStated, factory.WithDb(db => db.Meetings.Single(m => m.Id == id).Format));
        var exported = JsonNode.Parse(await client.GetStringAsync($"/Meetings/Export?id={id}"))!;
        Assert.Equal(MeetingPortal.Infrastructure.Seeding.InterchangeDocument.CurrentVersion, exported["formatVersion"]!.GetValue<int>());
        Assert.Null(exported["meetings"]![0]!["format"]);
    }
}
