using System.Net;
using MeetingPortal.Web.Security;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Security;

/// <summary>
/// Issue 14, item 3: the current password could be guessed without limit on /Account/ChangePassword (twelve wrong
/// tries, then the right one changed it), so a stolen session was a password oracle. The fifth wrong current
/// password ends the session.
/// </summary>
public sealed class ChangeOwnPasswordTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current) =>
        client.PostFieldsAsync("/Account/ChangePassword", "/Account/ChangePassword",
            ("Input.CurrentPassword", current), ("Input.NewPassword", "Moi#MatKhau-2026"), ("Input.ConfirmPassword", "Moi#MatKhau-2026"));

    [Fact]
    public async Task The_fifth_wrong_current_password_ends_the_session_and_changes_nothing()
    {
        var thief = await factory.SignInAsync("lanhdao.hatinh");
        for (var i = 1; i < ChangeOwnPassword.WrongCurrentPasswordsAllowed; i++)
        {
            var wrong = await ChangeAsync(thief, "Doan#MatKhau-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            var page = Html.Parse(await wrong.Content.ReadAsStringAsync());
            Assert.False(string.IsNullOrWhiteSpace(page.Node("//span[@id='current-password-error']").InnerText));
        }

        var last = await ChangeAsync(thief, "Doan#MatKhau-5");
        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        Assert.Equal("/Account/SignIn", last.Headers.Location!.OriginalString);
        var signIn = Html.Parse(await thief.GetStringAsync("/Account/SignIn"));
        Assert.Contains("Phiên đăng nhập đã kết thúc", signIn.Text(), StringComparison.Ordinal);

        // The session is gone, so the right password cannot be tried with it any more; the password is unchanged.
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/Account/ChangePassword")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserLikeClient().PostSignInAsync("lanhdao.hatinh", PortalFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task The_right_current_password_after_a_few_wrong_ones_changes_it()
    {
        var user = await factory.SignInAsync("thuky.hatinh");
        for (var i = 1; i < ChangeOwnPassword.WrongCurrentPasswordsAllowed; i++)
        {
            await ChangeAsync(user, "Nham#MatKhau-" + i);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(user, PortalFactory.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserLikeClient().PostSignInAsync("thuky.hatinh", "Moi#MatKhau-2026")).StatusCode);
    }
}
