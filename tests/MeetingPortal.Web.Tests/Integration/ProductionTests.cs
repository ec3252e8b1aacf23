using System.Net;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>Production gets the seed meetings but never demo accounts.</summary>
public sealed class ProductionTests(ProductionTests.ProductionFactory factory) : IClassFixture<ProductionTests.ProductionFactory>
{
    public sealed class ProductionFactory : PortalFactory
    {
        protected override string EnvironmentName => "Production";

        protected override bool DemoData => false;
    }

    [Fact]
    public async Task No_demo_accounts_exist_and_demo_sign_in_fails()
    {
        var response = await factory.CreateBrowserLikeClient().PostSignInAsync("quantri.toanquoc", PortalFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, factory.WithDb(db => db.Users.Count()));
        Assert.Equal(5, factory.WithDb(db => db.Meetings.Count()));
    }
}
