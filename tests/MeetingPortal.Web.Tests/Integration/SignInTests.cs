using System.Net;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class SignInTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Anonymous_user_is_sent_to_sign_in()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.GetAsync("/Meetings");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_page_and_health_are_open_without_sign_in()
    {
        var client = factory.CreateBrowserLikeClient();
        var page = await client.GetHtmlAsync("/Account/SignIn");
        Assert.NotNull(page.Node("//input[@name='Input.UserName']"));
        Assert.Equal("vi", page.Node("//html").GetAttributeValue("lang", ""));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Correct_password_signs_in_and_lands_on_the_home()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostSignInAsync("thuky.kyphuong", PortalFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);

        var meetings = await client.GetAsync("/Meetings");
        Assert.Equal(HttpStatusCode.OK, meetings.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_fails_with_a_Vietnamese_message_and_keeps_the_user_name()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostSignInAsync("theodoi.kyphuong", "Sai#MatKhau-123");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", page.Text(), StringComparison.Ordinal);
        Assert.Equal("theodoi.kyphuong", page.Node("//input[@name='Input.UserName']").GetAttributeValue("value", ""));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Meetings")).StatusCode);
    }

    [Fact]
    public async Task Unknown_user_gets_the_same_message_as_a_wrong_password()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostSignInAsync("khong.ton.tai", "Sai#MatKhau-123");
        var text = Html.Parse(await response.Content.ReadAsStringAsync()).Text();
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 14, item 5 (found by the hostile-input sweep): a "remember me" that is not a boolean (a tampered form)
    /// answered 500, since the checkbox drawn again converted the posted text back to a boolean.
    /// </summary>
    [Theory]
    [InlineData("abc")]
    [InlineData("1")]
    [InlineData("-1")]
    public async Task A_remember_me_that_is_not_a_boolean_is_drawn_unchecked_never_a_500(string value)
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostFieldsAsync("/Account/SignIn", "/Account/SignIn",
            // A name of its own per case: three wrong passwords for one name from one client make the next one wait.
            ("Input.UserName", "khong.ton.tai." + value), ("Input.Password", "Sai#MatKhau-123"), ("Input.RememberMe", value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", page.Text(), StringComparison.Ordinal);
        Assert.False(page.Node("//input[@name='Input.RememberMe' and @type='checkbox']").Attributes.Contains("checked"));
    }

    [Fact]
    public async Task Empty_fields_get_messages_beside_each_field()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostSignInAsync("", "");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        var userError = page.Node("//span[@id='username-error']").InnerText;
        var passwordError = page.Node("//span[@id='password-error']").InnerText;
        // Issue 17, deliver 5: the field is named in the sentence as a person writes it.
        Assert.Equal("Vui lòng nhập tên đăng nhập.", System.Net.WebUtility.HtmlDecode(userError).Trim());
        Assert.StartsWith("Vui lòng nhập mật khẩu", System.Net.WebUtility.HtmlDecode(passwordError).Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivated_user_cannot_sign_in()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByNameAsync("lanhdao.tranphu"))!;
            user.IsActive = false;
            await users.UpdateAsync(user);
        }

        var response = await factory.CreateBrowserLikeClient().PostSignInAsync("lanhdao.tranphu", PortalFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = await factory.SignInAsync("thuky.tphatinh");
        var token = await client.GetAntiforgeryTokenAsync("/Account/SignOut");
        var response = await client.PostAsync("/Account/SignOut", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Meetings")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_without_antiforgery_token_is_refused()
    {
        var client = await factory.SignInAsync("theodoi.tphatinh");
        var response = await client.PostAsync("/Account/SignOut", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Meetings")).StatusCode);
    }
}
