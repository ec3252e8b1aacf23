using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class LocalizationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Vietnamese_is_the_default_and_English_is_chosen_by_cookie()
    {
        var client = await factory.SignInAsync("lanhdao.kyphuong");
        var vietnamese = await client.GetHtmlAsync("/Meetings");
        Assert.Contains("Đăng xuất", vietnamese.Text(), StringComparison.Ordinal);
        Assert.Contains("28/06/2022", vietnamese.Text(), StringComparison.Ordinal);

        await client.GetAsync("/Culture?culture=en-US&returnUrl=%2FMeetings");
        var english = await client.GetHtmlAsync("/Meetings");
        Assert.Equal("en", english.Node("//html").GetAttributeValue("lang", ""));
        Assert.Contains("Sign out", english.Text(), StringComparison.Ordinal);
        Assert.Contains("28/06/2022", english.Text(), StringComparison.Ordinal);
    }
}
