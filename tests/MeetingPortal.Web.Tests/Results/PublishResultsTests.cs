using System.Net;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Results;

/// <summary>
/// Issue 18, deliver 5 (ADR 0025 section 5), through the page on real SQLite: the ward's recorder or leader publishes a
/// dialogue's results and marks the items the public sees; a tracker of the ward and a leader above are refused 403;
/// refused input (no number, an item of another meeting, a stale page, a draft) comes back beside the form with what was
/// chosen kept and nothing saved.
/// </summary>
public sealed class PublishResultsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int id) => $"/Meetings/{id}/Results";

    /// <summary>The public results of every meeting and the meetings' history: what a refused post must leave as it was.</summary>
    private string Fingerprint() => factory.WithDb(db => string.Join(",",
        db.PublicResults.Count(), db.PublicResults.Sum(p => p.Version), db.PublicResultItems.Count(), db.PublicResults.Count(p => p.IsPublished),
        db.History.Count(h => h.EntityType == nameof(Meeting)), db.Meetings.Sum(m => m.Version)));

    private PublicResults? Saved(int id) => factory.WithDb(db => db.PublicResults.AsNoTracking().Include(p => p.Items).SingleOrDefault(p => p.MeetingId == id));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, int id, int version, bool publish, params string[] items)
    {
        var fields = items.Select(i => ("PublicItems", i)).Append(("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (publish)
        {
            fields = fields.Append(("Publish", "true"));
        }

        return await client.PostFieldsAsync(Url(id), Url(id), [.. fields]);
    }

    [Fact]
    public async Task The_wards_recorder_publishes_the_results_with_the_items_marked_and_its_leader_takes_them_down()
    {
        var id = ResultsFixtures.Meeting(factory);
        var items = ResultsFixtures.Items(factory, id);
        // As never published (another test of the class may have published it first).
        factory.WithDb(db => db.PublicResults.Where(p => p.MeetingId == id).ExecuteDelete());
        var recorder = await factory.SignInAsync("thuky.kyphuong");
        var page = await recorder.GetHtmlAsync(Url(id));
        Assert.Contains("Kết quả của hội nghị chưa được công khai.", page.Text(), StringComparison.Ordinal);
        // Off by default: the page and every item.
        Assert.Null(page.DocumentNode.SelectSingleNode("//input[@name='Publish' and @checked]"));
        Assert.Equal(items.Count, page.Nodes("//input[@name='PublicItems']").Count);
        Assert.Empty(page.Nodes("//input[@name='PublicItems' and @checked]"));

        var posted = await PostAsync(recorder, id, 0, true, $"{items[0].Id}", $"{items[^1].Id}");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(Url(id), posted.Headers.Location!.OriginalString);
        var saved = Saved(id)!;
        Assert.True(saved.IsPublished);
        Assert.Equal(new[] { items[0].Id, items[^1].Id }.Order(), saved.Items.Select(i => i.RecommendationId).Order());
        Assert.Contains(factory.WithDb(db => db.History.Where(h => h.EntityType == nameof(Meeting) && h.EntityId == id).Select(h => h.Reason).ToList()),
            r => r == "Công khai kết quả giải quyết kiến nghị (2 kiến nghị)");

        page = await recorder.GetHtmlAsync(Url(id));
        Assert.Contains("Đã lưu: kết quả của hội nghị được công khai.", page.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.DocumentNode.SelectSingleNode($"//a[@href='/Public/Results/{saved.PublicId}']"));
        Assert.Equal(2, page.Nodes("//input[@name='PublicItems' and @checked]").Count);
        var anonymous = factory.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/Public/Results/{saved.PublicId}")).StatusCode);

        // The ward's leader takes it down: the address answers 404, the id and the marks are kept for the next time.
        var leader = await factory.SignInAsync("lanhdao.kyphuong");
        var down = await PostAsync(leader, id, saved.Version, false, $"{items[0].Id}", $"{items[^1].Id}");
        Assert.Equal(HttpStatusCode.Redirect, down.StatusCode);
        Assert.False(Saved(id)!.IsPublished);
        Assert.Equal(saved.PublicId, Saved(id)!.PublicId);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Public/Results/{saved.PublicId}")).StatusCode);
    }

    [Theory]
    [InlineData("theodoi.kyphuong")]
    [InlineData("quantri.kyphuong")]
    [InlineData("traloi.kyphuong")]
    [InlineData("lanhdao.kyanh")]
    public async Task Others_in_scope_read_the_notice_but_may_not_publish(string user)
    {
        var id = ResultsFixtures.Meeting(factory);
        var items = ResultsFixtures.Items(factory, id);
        var client = await factory.SignInAsync(user);
        var page = await client.GetHtmlAsync(Url(id));
        Assert.Null(page.DocumentNode.SelectSingleNode("//section[@aria-labelledby='publish']"));
        var before = Fingerprint();
        var posted = await PostAsync(client, id, Saved(id)?.Version ?? 0, true, $"{items[0].Id}");
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        var garbled = await PostAsync(client, id, 0, true, "abc");
        Assert.Equal(HttpStatusCode.Forbidden, garbled.StatusCode);
        Assert.Equal(before, Fingerprint());
    }

    [Fact]
    public async Task Refused_input_is_said_beside_the_form_with_the_choices_kept_and_nothing_saved()
    {
        var id = ResultsFixtures.Meeting(factory);
        var items = ResultsFixtures.Items(factory, id);
        var other = ResultsFixtures.Items(factory, ResultsFixtures.Meeting(factory, SeedTitles.TpHaTinh))[0].Id;
        var recorder = await factory.SignInAsync("thuky.kyphuong");
        var before = Fingerprint();
        var version = Saved(id)?.Version ?? 0;

        // An item of another meeting: refused, the items chosen stay checked.
        var foreign = await PostAsync(recorder, id, version, true, $"{items[1].Id}", $"{other}");
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        var page = Html.Parse(await foreign.Content.ReadAsStringAsync());
        Assert.Equal("Kiến nghị được chọn không thuộc hội nghị này.", page.Node("//*[@id='Publish-error']").InnerText.Trim());
        Assert.NotNull(page.DocumentNode.SelectSingleNode($"//input[@name='PublicItems' and @value='{items[1].Id}' and @checked]"));
        Assert.NotNull(page.DocumentNode.SelectSingleNode("//input[@name='Publish' and @checked]"));

        // Not a number.
        var garbled = await PostAsync(recorder, id, version, true, "một");
        Assert.Equal(HttpStatusCode.OK, garbled.StatusCode);
        page = Html.Parse(await garbled.Content.ReadAsStringAsync());
        Assert.Equal("Lựa chọn công khai không hợp lệ; vui lòng chọn lại.", page.Node("//*[@id='Publish-error']").InnerText.Trim());

        // A page drawn before someone else saved.
        ResultsFixtures.Publish(factory, id, items[0].Id);
        before = Fingerprint();
        var stale = await PostAsync(recorder, id, version, false);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Người khác vừa thay đổi phần công khai kết quả", Html.Parse(await stale.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint());
        Assert.True(Saved(id)!.IsPublished);
    }

    [Fact]
    public async Task A_drafts_results_are_not_published()
    {
        var (draft, recommendation) = ResultsFixtures.Draft(factory, "Đối thoại nháp (công khai kết quả)", "Đề nghị lắp đèn đường tổ dân phố 5.");
        var recorder = await factory.SignInAsync("thuky.kyphuong");
        var before = Fingerprint();
        var posted = await PostAsync(recorder, draft, 0, true, $"{recommendation}");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Chỉ công khai được kết quả của hội nghị đã công bố.", Html.Parse(await posted.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint());
        Assert.Null(Saved(draft));
    }
}
