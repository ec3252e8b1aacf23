using HtmlAgilityPack;
using MeetingPortal.Web.Infrastructure;
using MeetingPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace MeetingPortal.Web.Tests.Home;

/// <summary>
/// Issue 17, deliver 7: "There is no emblem or owning agency, no contact or version in the footer, no help on the
/// sign-in page." The owning agency, emblem and contact come from the "Portal" settings and are shown in the header and
/// footer with the version; the sign-in page says where an account comes from.
/// </summary>
public sealed class PortalIdentityTests(PortalIdentityTests.AgencyFactory factory) : IClassFixture<PortalIdentityTests.AgencyFactory>
{
    private const string Agency = "Ban Dân vận Tỉnh ủy (thử)";
    private const string Contact = "Văn phòng, điện thoại 0239 000 0000";

    /// <summary>A portal configured with an owning agency, an emblem and a contact line.</summary>
    public sealed class AgencyFactory : PortalFactory
    {
        protected override bool StartsFromTemplate => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:OwningAgency", Agency);
            builder.UseSetting("Portal:EmblemPath", "/favicon.ico");
            builder.UseSetting("Portal:Contact", Contact);
        }
    }

    [Fact]
    public async Task The_header_and_footer_name_the_owning_agency_its_emblem_the_contact_and_the_version()
    {
        var client = await factory.SignInAsync("lanhdao.kyphuong");
        var page = await client.GetHtmlAsync("/");

        Assert.Equal(Agency, HtmlEntity.DeEntitize(page.Node("//header//span[@class='brand-agency']").InnerText).Trim());
        var emblem = page.Node("//header//img[@class='brand-emblem']");
        Assert.Equal("/favicon.ico", emblem.GetAttributeValue("src", ""));
        Assert.Equal(string.Empty, emblem.GetAttributeValue("alt", "missing"));
        var footer = HtmlEntity.DeEntitize(page.Node("//footer").InnerText);
        Assert.Contains("Cơ quan chủ quản: " + Agency, footer, StringComparison.Ordinal);
        Assert.Contains("Phiên bản " + PortalIdentityOptions.Version, footer, StringComparison.Ordinal);
        Assert.Contains(Contact, footer, StringComparison.Ordinal);
        Assert.DoesNotContain("+", PortalIdentityOptions.Version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_says_where_an_account_comes_from_and_whom_to_ask()
    {
        var page = await factory.CreateBrowserLikeClient().GetHtmlAsync("/Account/SignIn");

        var help = HtmlEntity.DeEntitize(page.Node("//section[@class='sign-in-help']").InnerText);
        Assert.Contains("quản trị của đơn vị", help, StringComparison.Ordinal);
        Assert.Contains(Contact, help, StringComparison.Ordinal);
    }
}

/// <summary>Without the settings, no agency is claimed: the header names the portal only, the footer its version.</summary>
public sealed class PortalWithoutIdentityTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Nothing_is_claimed_when_nothing_is_configured()
    {
        var page = await factory.CreateBrowserLikeClient().GetHtmlAsync("/Account/SignIn");

        Assert.Empty(page.DocumentNode.SelectNodes("//*[@class='brand-agency' or @class='brand-emblem' or @class='footer-contact']") ?? Enumerable.Empty<HtmlNode>());
        Assert.Contains("Phiên bản ", HtmlEntity.DeEntitize(page.Node("//footer").InnerText), StringComparison.Ordinal);
    }
}
