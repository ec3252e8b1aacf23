using System.Net;
using HtmlAgilityPack;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Home;

/// <summary>
/// Issue 17, deliver 1: a home per role after sign-in. Each role sees its part and no action it may not take, a user
/// with several roles sees the part of each, every count equals the count of the list it links to, and another
/// unit's items are never counted.
/// </summary>
public sealed class HomeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string CreateLink = "//main//a[@href='/Meetings/Create']";
    private const string ImportLink = "//main//a[@href='/Meetings/Import']";

    private static List<string> Parts(HtmlDocument page) =>
        page.Nodes("//section[@data-part]").Select(s => s.GetAttributeValue("data-part", string.Empty)).ToList();

    [Theory]
    [InlineData("lanhdao.kyphuong", "leader", false)]
    [InlineData("theodoi.kyphuong", "tracker", false)]
    [InlineData("traloi.kyphuong", "responder", false)]
    [InlineData("thuky.kyphuong", "recorder", true)]
    [InlineData("lanhdao.hatinh", "leader", false)]
    [InlineData("theodoi.toanquoc", "tracker", false)]
    public async Task Each_role_sees_its_part_and_no_action_it_may_not_take(string user, string part, bool writesRecords)
    {
        var client = await factory.SignInAsync(user);

        var page = await client.GetHtmlAsync("/");

        Assert.Equal([part], Parts(page));
        Assert.Equal(writesRecords, page.Nodes(CreateLink).Count > 0);
        Assert.Equal(writesRecords, page.Nodes(ImportLink).Count > 0);
        // The header's first link is the home.
        Assert.Equal("/", page.Node("//header//nav//li[1]/a").GetAttributeValue("href", null));
    }

    [Fact]
    public async Task An_administrator_sees_the_hub_and_what_administrators_may_do()
    {
        var client = await factory.SignInAsync("quantri.kyphuong");

        var page = await client.GetHtmlAsync("/");

        // Administrators may write records and give recommendations to bodies (the named operations say so), so those parts are theirs too.
        Assert.Equal(["tracker", "recorder", "admin"], Parts(page));
        Assert.Single(page.Nodes("//section[@data-part='admin']//a[@href='/Admin']"));
        Assert.Single(page.Nodes(CreateLink));
    }

    [Fact]
    public async Task A_user_with_several_roles_sees_the_part_of_each()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var leader = (await users.FindByNameAsync("lanhdao.tranphu"))!;
            Assert.True((await users.AddToRoleAsync(leader, Roles.Recorder)).Succeeded);
        }

        var client = await factory.SignInAsync("lanhdao.tranphu");

        var page = await client.GetHtmlAsync("/");

        Assert.Equal(["leader", "recorder"], Parts(page));
        Assert.Single(page.Nodes(CreateLink));
    }

    [Fact]
    public async Task Sign_in_lands_on_the_home()
    {
        var client = factory.CreateBrowserLikeClient();

        var response = await client.PostSignInAsync("traloi.kyphuong", PortalFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var home = await client.GetHtmlAsync("/");
        Assert.Equal("Trang chủ", home.Node("//main//h1").InnerText.Trim());
    }

    [Fact]
    public async Task The_trackers_counts_equal_the_lists_they_open()
    {
        // One item due soon, one overdue, one reopened and given again (DueDates), the rest out of reach.
        await DueDates.SetAllThreeAsync(factory.Services);
        var client = await factory.SignInAsync("theodoi.kyphuong");

        var page = await client.GetHtmlAsync("/");

        var counts = page.Nodes("//section[@data-part='tracker']/ul/li[@data-count]");
        Assert.Equal(["New", "DueSoon", "Overdue", "Reopened", "RoadmapOverdue"], counts.Select(c => c.GetAttributeValue("data-count", string.Empty)));
        foreach (var count in counts)
        {
            await AssertLinkCountsAsync(client, count, "//p[@data-total]");
        }

        Assert.Equal(1, Value(counts.Single(c => c.GetAttributeValue("data-count", string.Empty) == "DueSoon")));
        Assert.True(Value(counts.Single(c => c.GetAttributeValue("data-count", string.Empty) == "Overdue")) >= 2);
        // Reopened: awaiting an answer, and the last reopening or reply in its history is a reopening (read here from the rows, in memory).
        var reopened = factory.WithDb(db => db.Recommendations.Include(r => r.Events).Where(r => r.Meeting!.Unit!.Code == "p-ky-phuong").AsEnumerable()
            .Count(r => RecommendationStatuses.AwaitingAnswer.Contains(r.Status)
                && r.Events.OrderBy(e => e.Id).LastOrDefault(e => e.Kind is RecommendationEventKind.Reopened or RecommendationEventKind.Responded)?.Kind == RecommendationEventKind.Reopened));
        Assert.InRange(reopened, 1, int.MaxValue);
        Assert.Equal(reopened, Value(counts.Single(c => c.GetAttributeValue("data-count", string.Empty) == "Reopened")));
    }

    [Fact]
    public async Task The_leaders_counts_equal_the_lists_they_open()
    {
        await DueDates.SetAllThreeAsync(factory.Services);
        var client = await factory.SignInAsync("lanhdao.kyanh");

        var page = await client.GetHtmlAsync("/");

        var leader = "//section[@data-part='leader']";
        var overdue = page.Node($"{leader}//li[@data-count='overdue']");
        Assert.True(Value(overdue) >= 2);
        await AssertLinkCountsAsync(client, overdue, "//p[@data-total]");
        var byUnit = page.Nodes($"{leader}//li[@data-unit]");
        var kyPhuong = factory.WithDb(db => db.Units.Single(u => u.Code == "p-ky-phuong").Id);
        Assert.Contains(byUnit, u => u.GetAttributeValue("data-unit", 0) == kyPhuong);
        foreach (var unit in byUnit)
        {
            await AssertLinkCountsAsync(client, unit, "//p[@data-total]");
        }

        var awaited = page.Node($"{leader}//li[@data-count='reports-awaited']");
        var received = await client.GetHtmlAsync(Href(awaited));
        Assert.Equal(Value(awaited), received.Nodes("//section[@class='received-not-sent']//tbody/tr").Count);
        Assert.NotNull(page.DocumentNode.SelectSingleNode($"{leader}//li[@data-count='summary']/a[starts-with(@href,'/Reports/Quarterly')]"));
        Assert.Empty(page.Nodes(CreateLink));
    }

    [Fact]
    public async Task The_responders_queue_and_the_recorders_drafts_equal_their_lists()
    {
        await DueDates.SetAllThreeAsync(factory.Services);
        var responder = await factory.SignInAsync("traloi.kyphuong");
        var queue = (await responder.GetHtmlAsync("/")).Node("//section[@data-part='responder']//*[@data-count='queue']");
        Assert.True(Value(queue) >= 3);
        await AssertLinkCountsAsync(responder, queue, "//p[@data-total]");

        var recorder = await factory.SignInAsync("thuky.kyphuong");
        var drafts = (await recorder.GetHtmlAsync("/")).Node("//section[@data-part='recorder']//*[@data-count='drafts']");
        await AssertLinkCountsAsync(recorder, drafts, "//p[@data-total]");
    }

    [Fact]
    public async Task Another_units_items_are_never_counted()
    {
        // Overdue items in Kỳ Phương (Thị xã Kỳ Anh), none left in Trần Phú (Thành phố Hà Tĩnh).
        await DueDates.SetAllThreeAsync(factory.Services);
        var overdueContent = DueDates.Overdue;

        var tracker = await factory.SignInAsync("theodoi.tranphu");
        var trackerPage = await tracker.GetHtmlAsync("/");
        var lanhdao = await factory.SignInAsync("lanhdao.tphatinh");
        var leaderPage = await lanhdao.GetHtmlAsync("/");

        Assert.Equal(0, Value(trackerPage.Node("//section[@data-part='tracker']/ul/li[@data-count='Overdue']")));
        Assert.DoesNotContain(overdueContent, trackerPage.Text(), StringComparison.Ordinal);
        Assert.Equal(0, Value(leaderPage.Node("//section[@data-part='leader']//li[@data-count='overdue']")));
        Assert.DoesNotContain("Kỳ Phương", leaderPage.Node("//main").InnerText, StringComparison.Ordinal);
        Assert.DoesNotContain("Kỳ Anh", leaderPage.Node("//main").InnerText, StringComparison.Ordinal);
    }

    private static int Value(HtmlNode node) => node.GetAttributeValue("data-value", -1);

    private static string Href(HtmlNode node) => WebUtility.HtmlDecode(node.SelectSingleNode(".//a")!.GetAttributeValue("href", string.Empty));

    /// <summary>The count on <paramref name="node"/> is the count the list its first link opens shows at <paramref name="totalXPath"/>.</summary>
    private static async Task AssertLinkCountsAsync(HttpClient client, HtmlNode node, string totalXPath)
    {
        var href = Href(node);
        var list = await client.GetHtmlAsync(href);
        Assert.True(Value(node) == list.Node(totalXPath).GetAttributeValue("data-total", -1), $"{href}: home says {Value(node)}, the list {list.Node(totalXPath).GetAttributeValue("data-total", -1)}");
    }
}
