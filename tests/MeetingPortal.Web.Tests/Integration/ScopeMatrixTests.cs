using System.Net;
using MeetingPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>
/// Every route the portal has (<see cref="PortalRoutes.Matrix"/>), each with what it must answer. A page added without
/// an entry there fails the first test; a record page that leaks across units fails the second.
/// </summary>
public sealed class ScopeMatrixTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public void Every_route_has_an_entry_in_the_matrix()
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText?.Trim('/') ?? string.Empty).Distinct().ToList();
        Assert.NotEmpty(routes);
        var unlisted = routes.Where(r => !PortalRoutes.Matrix.ContainsKey(r)).ToList();
        var stale = PortalRoutes.Matrix.Keys.Where(k => !routes.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.True(unlisted.Count == 0, "Routes without an entry in the scope matrix: " + string.Join(", ", unlisted));
        Assert.True(stale.Count == 0, "Entries for routes that no longer exist: " + string.Join(", ", stale));
    }

    public static TheoryData<string> Routes()
    {
        var data = new TheoryData<string>();
        foreach (var route in PortalRoutes.Matrix.Keys)
        {
            data.Add(route);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_route_answers_as_its_entry_says(string route)
    {
        var entry = PortalRoutes.Matrix[route];
        var records = await PortalRoutes.RecordsAsync(factory);
        var url = PortalRoutes.Url(route, records);
        var anonymous = await factory.CreateBrowserLikeClient().GetAsync(url);
        if (entry.Access == RouteAccess.Public)
        {
            Assert.NotEqual(HttpStatusCode.InternalServerError, anonymous.StatusCode);
            Assert.False(anonymous.Headers.Location?.OriginalString.Contains("/Account/SignIn", StringComparison.Ordinal) ?? false, $"{url} asks an anonymous user to sign in");
            return;
        }

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/SignIn", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        if (entry.InScopeUser is { } allowed)
        {
            var response = await (await factory.SignInAsync(allowed)).GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{url} as {allowed}: {(int)response.StatusCode}");
        }

        if (entry.MissingRoleUser is { } lacking)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignInAsync(lacking)).GetAsync(url)).StatusCode);
        }

        if (entry.Access == RouteAccess.Record)
        {
            // A sibling ward, another district, and the province's other ward: none may learn the record exists.
            foreach (var outsider in new[] { "quantri.tranphu", "quantri.tphatinh", "thuky.tranphu" })
            {
                var response = await (await factory.SignInAsync(outsider)).GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} as {outsider}: {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task A_ward_does_not_see_the_record_of_the_level_above_it()
    {
        var records = await PortalRoutes.RecordsAsync(factory);
        var ward = await factory.SignInAsync("quantri.kyphuong");
        var parent = factory.WithDb(db => db.Meetings.Where(m => m.Unit!.Code == "tp-ha-tinh").Select(m => m.Id).First());
        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync($"/Meetings/{parent}")).StatusCode);
        var tranPhu = await factory.SignInAsync("quantri.tranphu");
        Assert.Equal(HttpStatusCode.NotFound, (await tranPhu.GetAsync($"/Meetings/{parent}")).StatusCode);
        Assert.True(records.ParentMeeting > 0);
    }
}
