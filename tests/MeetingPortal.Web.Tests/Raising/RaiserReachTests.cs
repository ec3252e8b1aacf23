using System.Net;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Raising;

/// <summary>
/// Issue 18, "not done if": a raising-side user sees nothing beyond what their body raised (ADR 0026). Every route of the
/// portal is opened as Kỳ Phương's Front: the committees' pages answer 403 (or 404 for a record), only the raising
/// side's own pages, the account's, the bell and the public pages open.
/// </summary>
public sealed class RaiserReachTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] OpenToRaisers = ["", "Index", "Notifications", "Notifications/Index", "Account/ChangePassword", "Account/AccessDenied"];

    public static TheoryData<string> CommitteeRoutes()
    {
        var data = new TheoryData<string>();
        foreach (var (route, entry) in PortalRoutes.Matrix)
        {
            if (entry.Access != RouteAccess.Public && !OpenToRaisers.Contains(route) && !route.StartsWith("Raising", StringComparison.Ordinal)
                && !route.StartsWith("Public", StringComparison.Ordinal))
            {
                data.Add(route);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CommitteeRoutes))]
    public async Task A_raiser_opens_no_page_of_the_committees_records(string route)
    {
        var records = await PortalRoutes.RecordsAsync(factory);
        var url = PortalRoutes.Url(route, records);
        var raiser = await factory.SignInAsync(PortalRoutes.RaiserUser);
        var response = await raiser.GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url} as a raiser: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task The_home_leads_a_raiser_to_their_own_list_and_the_menu_offers_only_their_pages()
    {
        var raiser = await factory.SignInAsync(PortalRoutes.RaiserUser);
        var home = await raiser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/Raising", home.Headers.Location!.OriginalString);

        var page = await raiser.GetHtmlAsync("/Raising");
        var links = page.Nodes("//nav//a").Select(a => a.GetAttributeValue("href", "")).ToList();
        Assert.Contains("/Raising", links);
        Assert.Contains("/Raising/Gathered", links);
        Assert.Contains("/Notifications", links);
        foreach (var closed in new[] { "/Meetings", "/Recommendations", "/Directives", "/Plans", "/Reports/Quarterly", "/Admin" })
        {
            Assert.DoesNotContain(closed, links);
        }
    }

    [Fact]
    public async Task The_403_and_404_pages_lead_a_raiser_back_to_their_own_list_and_staff_to_the_meetings()
    {
        var raiser = await factory.SignInAsync(PortalRoutes.RaiserUser);
        foreach (var (url, code) in new[] { ("/Meetings", HttpStatusCode.Forbidden), ("/Raising/Send/999999", HttpStatusCode.NotFound), ("/Account/AccessDenied", HttpStatusCode.Forbidden) })
        {
            var response = await raiser.GetAsync(url);
            Assert.Equal(code, response.StatusCode);
            var links = Html.Parse(await response.Content.ReadAsStringAsync()).Nodes("//main//a").Select(a => a.GetAttributeValue("href", "")).ToList();
            Assert.Contains("/Raising", links);
            Assert.DoesNotContain("/Meetings", links);
        }

        var staff = await factory.SignInAsync("theodoi.kyphuong");
        var notFound = await staff.GetAsync("/Meetings/999999");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        var staffLinks = Html.Parse(await notFound.Content.ReadAsStringAsync()).Nodes("//main//a").Select(a => a.GetAttributeValue("href", "")).ToList();
        Assert.Contains("/Meetings", staffLinks);
        Assert.DoesNotContain("/Raising", staffLinks);
    }
}
