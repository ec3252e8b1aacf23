using System.Net;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Security;

/// <summary>
/// Issue 14, item 4: the exports, the minutes and the downloads sent no Cache-Control, so a shared computer's
/// browser or a proxy could keep a copy. Every answer to a signed-in user says no-store.
/// </summary>
public sealed class PrivateResponsesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> PrivateUrls() =>
    [
        "/Meetings",
        "/Meetings/Export?id={meeting}",
        "/Meetings/{meeting}/Minutes",
        "/Recommendations?handler=Export&format=xlsx",
        "/Recommendations?handler=Export&format=csv",
        "/Reports/Quarterly?handler=Export&format=xlsx&year=2022",
        "/Reports/Quarterly?handler=Export&format=csv&year=2022",
    ];

    [Theory]
    [MemberData(nameof(PrivateUrls))]
    public async Task Every_answer_to_a_signed_in_user_says_no_store(string url)
    {
        var meeting = factory.WithDb(db => db.Meetings.First(m => m.Unit!.Code == "p-ky-phuong").Id);
        var leader = await factory.SignInAsync("lanhdao.kyphuong");

        var response = await leader.GetAsync(url.Replace("{meeting}", meeting.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{url}: Cache-Control {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task The_stylesheet_stays_cacheable()
    {
        var response = await factory.CreateClient().GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }
}
