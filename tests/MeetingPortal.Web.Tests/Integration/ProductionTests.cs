using System.Net;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Web.Infrastructure;
using MeetingPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>
/// The portal as it runs in Production, over HTTPS (issue 14, item 8: the outside probe ran in Development): seed
/// meetings but no demo accounts, a friendly error page without a stack trace, HSTS, Secure cookies, and the
/// security headers on error answers too.
/// </summary>
public sealed class ProductionTests(ProductionTests.ProductionFactory factory) : IClassFixture<ProductionTests.ProductionFactory>
{
    /// <summary>A request carrying this header makes the page it reaches throw, as a fault in a handler would.</summary>
    private const string ThrowHeader = "X-Test-Throw";

    private const string Password = "Production#Test-2026";

    public sealed class ProductionFactory : PortalFactory
    {
        protected override string EnvironmentName => "Production";

        protected override bool DemoData => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.Configure<MvcOptions>(options => options.Filters.Add(new ThrowingFilter())));
        }
    }

    private sealed class ThrowingFilter : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            // Not on the error page the fault leads to, which is the page under test.
            if (context.HttpContext.Request.Headers.ContainsKey(ThrowHeader) && context.HttpContext.Request.Path != "/Error")
            {
                throw new InvalidOperationException("A fault deep in MeetingPortal that no user should read about.");
            }
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }

    // HSTS is never sent to localhost; the portal is reached by its name over HTTPS.
    private HttpClient Https() => factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://portal.example.vn"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    private async Task<string> AnAccountAsync(string userName)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByNameAsync(userName) is null)
        {
            var unit = factory.WithDb(db => db.Units.OrderBy(u => u.Path).First().Id);
            var created = await users.CreateAsync(new ApplicationUser { UserName = userName, FullName = "Kiểm thử", UnitId = unit }, Password);
            Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Code)));
        }

        return userName;
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.Contains("Strict-Transport-Security"), $"{what}: no HSTS");
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task No_demo_accounts_exist_and_demo_sign_in_fails()
    {
        var response = await Https().PostSignInAsync("quantri.toanquoc", PortalFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The only accounts are the ones this class makes for itself.
        Assert.Equal(0, factory.WithDb(db => db.Users.Count(u => !u.UserName!.StartsWith("kiemthu_"))));
        Assert.Equal(5, factory.WithDb(db => db.Meetings.Count()));
    }

    [Fact]
    public async Task Every_cookie_is_Secure_and_the_sign_in_cookie_HttpOnly_and_SameSite()
    {
        var client = Https();
        var form = await client.GetAsync("/Account/SignIn");
        AssertSecurityHeaders(form, "sign-in page");
        var response = await client.PostSignInAsync(await AnAccountAsync("kiemthu_cookie"), Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var culture = await client.GetAsync("/Culture?culture=en-US&returnUrl=/Meetings");

        var cookies = new[] { form, response, culture }.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var values) ? values : []).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        var auth = Assert.Single(cookies, c => c.StartsWith("MeetingPortal.Auth=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("; httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_fault_answers_a_friendly_page_without_a_stack_trace_and_with_the_headers()
    {
        var client = Https();
        client.DefaultRequestHeaders.Add(ThrowHeader, "1");

        var response = await client.GetAsync("/Account/SignIn");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Đã có lỗi xảy ra", Html.Parse(body).Text(), StringComparison.Ordinal);
        foreach (var leak in new[] { "InvalidOperationException", "no user should read", "   at ", ".cs:line" })
        {
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
        }

        AssertSecurityHeaders(response, "error page");
    }

    [Theory]
    [InlineData("/Khong/Co/Trang/Nay", HttpStatusCode.NotFound)]
    [InlineData("/Meetings/999999", HttpStatusCode.NotFound)]
    public async Task Status_pages_carry_the_headers_too(string url, HttpStatusCode status)
    {
        var client = Https();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostSignInAsync(await AnAccountAsync("kiemthu_status"), Password)).StatusCode);

        var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response, url);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{url}: Cache-Control {response.Headers.CacheControl}");
    }
}
