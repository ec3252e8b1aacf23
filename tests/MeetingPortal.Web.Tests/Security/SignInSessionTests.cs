using System.Net;
using MeetingPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Security;

/// <summary>
/// Issue 14, item 1 (ASVS 3.3.1): sign-out ended only the browser's cookie; a copy of it opened records for up to
/// eight hours. Sessions are kept on the server now (DatabaseTicketStore), so ending one ends every copy.
/// </summary>
public sealed class SignInSessionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly Uri Portal = new("http://localhost");

    private async Task<(HttpClient Client, string AuthCookie)> SignInKeepingTheCookieAsync(string userName, string password = PortalFactory.DemoPassword)
    {
        var cookies = new CookieContainer();
        var client = factory.CreateDefaultClient(Portal, new CookieContainerHandler(cookies));
        var response = await client.PostSignInAsync(userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, cookies.GetCookies(Portal)["MeetingPortal.Auth"]!.Value);
    }

    private HttpClient WithCopiedCookie(string authCookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", "MeetingPortal.Auth=" + authCookie);
        return client;
    }

    private int MeetingOfKyPhuong() => factory.WithDb(db => db.Meetings.First(m => m.Unit!.Code == "p-ky-phuong").Id);

    [Fact]
    public async Task A_copied_cookie_stops_working_when_its_session_signs_out()
    {
        var (client, cookie) = await SignInKeepingTheCookieAsync("lanhdao.kyphuong");
        var copy = WithCopiedCookie(cookie);
        var meeting = $"/Meetings/{MeetingOfKyPhuong()}";
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync(meeting)).StatusCode);

        var token = await client.GetAntiforgeryTokenAsync("/Account/SignOut");
        var signOut = await client.PostAsync("/Account/SignOut", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var afterwards = await copy.GetAsync(meeting);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/Account/SignIn", afterwards.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cookie_carries_a_key_and_the_session_is_a_row_on_the_server()
    {
        var before = factory.WithDb(db => db.SignInSessions.Count());
        var (_, cookie) = await SignInKeepingTheCookieAsync("theodoi.kyphuong");

        Assert.Equal(before + 1, factory.WithDb(db => db.SignInSessions.Count()));
        // A whole ticket (claims, roles, unit path) made the cookie well over a kilobyte; a key is far smaller.
        Assert.True(cookie.Length < 700, $"cookie of {cookie.Length} characters");
    }

    [Fact]
    public async Task No_session_outlives_twelve_hours_from_sign_in_however_active()
    {
        var (_, cookie) = await SignInKeepingTheCookieAsync("traloi.kyphuong");
        var copy = WithCopiedCookie(cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/Meetings")).StatusCode);

        // Signed in twelve hours ago and used all along (the idle limit was moved on each time).
        factory.WithDb(db => db.SignInSessions.Where(s => s.UserId == db.Users.Single(u => u.UserName == "traloi.kyphuong").Id)
            .ExecuteUpdate(set => set.SetProperty(s => s.StartedAtUtc, s => s.StartedAtUtc.AddHours(-12))));

        Assert.Equal(HttpStatusCode.Redirect, (await copy.GetAsync("/Meetings")).StatusCode);
    }

    [Fact]
    public async Task A_changed_password_ends_the_accounts_other_sessions_and_keeps_this_one()
    {
        const string user = "thuky.kyanh";
        var (_, otherCookie) = await SignInKeepingTheCookieAsync(user);
        var other = WithCopiedCookie(otherCookie);
        var (changer, _) = await SignInKeepingTheCookieAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/Meetings")).StatusCode);

        var changed = await changer.PostFieldsAsync("/Account/ChangePassword", "/Account/ChangePassword",
            ("Input.CurrentPassword", PortalFactory.DemoPassword), ("Input.NewPassword", "Moi#MatKhau-2026"), ("Input.ConfirmPassword", "Moi#MatKhau-2026"));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await changer.GetAsync("/Meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/Meetings")).StatusCode);
    }
}
