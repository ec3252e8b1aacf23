using System.Net;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace MeetingPortal.Web.Tests.Security;

/// <summary>
/// Behind a load balancer every request comes from the balancer's address: without forwarded headers the wait after
/// wrong passwords would fall on every client at once, and a stranger could again hold an administrator out.
/// </summary>
public sealed class ForwardedClientAddressTests(ForwardedClientAddressTests.BehindProxyFactory factory) : IClassFixture<ForwardedClientAddressTests.BehindProxyFactory>
{
    private const string Proxy = "10.9.9.9";

    /// <summary>A portal told that <see cref="Proxy"/> is its load balancer.</summary>
    public sealed class BehindProxyFactory : PortalFactory
    {
        protected override bool StartsFromTemplate => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:KnownProxies:0", Proxy);
        }
    }

    private HttpClient Through(string client)
    {
        var http = factory.CreateBrowserLikeClient(Proxy);
        http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        return http;
    }

    [Fact]
    public async Task Wrong_passwords_behind_the_load_balancer_slow_only_the_client_that_sent_them()
    {
        var stranger = Through("198.51.100.7");
        for (var i = 0; i < PasswordThrottle.FreeFailures; i++)
        {
            await stranger.PostSignInAsync("quantri.kyanh", "Sai#MatKhau-123");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await stranger.PostSignInAsync("quantri.kyanh", PortalFactory.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Through("198.51.100.8").PostSignInAsync("quantri.kyanh", PortalFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task A_forwarded_address_from_a_client_that_is_not_the_proxy_is_not_believed()
    {
        var liar = factory.CreateBrowserLikeClient("192.0.2.50");
        liar.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.51");
        for (var i = 0; i < PasswordThrottle.FreeFailures; i++)
        {
            await liar.PostSignInAsync("quantri.tphatinh", "Sai#MatKhau-123");
        }

        // Changing the header does not make it a new client.
        liar.DefaultRequestHeaders.Remove("X-Forwarded-For");
        liar.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.52");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await liar.PostSignInAsync("quantri.tphatinh", PortalFactory.DemoPassword)).StatusCode);
    }
}
