using System.Net;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class SnapshotTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Resolved(HtmlAgilityPack.HtmlDocument page) =>
        HtmlAgilityPack.HtmlEntity.DeEntitize(page.Nodes("//table[contains(@class,'figures')]/tbody/tr")
            .Single(tr => HtmlAgilityPack.HtmlEntity.DeEntitize(tr.SelectSingleNode("th")!.InnerText).Trim() == "Đã giải quyết")
            .SelectNodes("td")![0].InnerText).Trim();

    [Fact]
    public async Task A_frozen_report_stays_as_it_was_records_its_readers_and_is_listed_for_its_unit()
    {
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "ha-tinh").Id);
        var leader = await factory.SignInAsync("lanhdao.hatinh");
        var summaryUrl = $"/Reports/Quarterly?unit={unit}&year=2022";
        var token = await leader.GetAntiforgeryTokenAsync(summaryUrl);
        var frozen = await leader.PostAsync($"/Reports/Quarterly?handler=Freeze&unit={unit}&year=2022",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, frozen.StatusCode);
        var snapshotUrl = frozen.Headers.Location!.OriginalString;
        Assert.StartsWith("/Reports/Snapshots/", snapshotUrl, StringComparison.Ordinal);
        Assert.StartsWith("0", Resolved(await leader.GetHtmlAsync(snapshotUrl)), StringComparison.Ordinal);

        // An answer resolves a recommendation afterwards: the live summary moves, the frozen report does not.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
            var r = await db.Recommendations.Include(x => x.Meeting).Include(x => x.Responses).FirstAsync(x => x.Content.StartsWith("Công tác nhân sự BCH"));
            r.Respond(ResponseKind.Resolved, new DateOnly(2022, 9, 1), r.AddressedToOrganisationId, null, "Đã kiện toàn", new Actor("test", DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        Assert.StartsWith("1", HtmlAgilityPack.HtmlEntity.DeEntitize((await leader.GetHtmlAsync(summaryUrl)).Nodes("//table[contains(@class,'figures')]/tbody/tr")
            .Single(tr => HtmlAgilityPack.HtmlEntity.DeEntitize(tr.SelectSingleNode("th")!.InnerText).Trim() == "Đã giải quyết").SelectNodes("td")![0].InnerText).Trim(), StringComparison.Ordinal);
        Assert.StartsWith("0", Resolved(await leader.GetHtmlAsync(snapshotUrl)), StringComparison.Ordinal);

        var tracker = await factory.SignInAsync("theodoi.hatinh");
        await tracker.GetHtmlAsync(snapshotUrl);
        await tracker.GetHtmlAsync(snapshotUrl);
        var readers = (await leader.GetHtmlAsync(snapshotUrl)).Node("//section[@aria-labelledby='readers']").InnerText;
        Assert.Contains("lanhdao.hatinh", readers, StringComparison.Ordinal);
        Assert.Contains("theodoi.hatinh", readers, StringComparison.Ordinal);
        Assert.Equal(2, factory.WithDb(db => db.Snapshots.SelectMany(s => s.Receipts).Count()));

        var list = await leader.GetHtmlAsync($"/Reports/Snapshots?unit={unit}");
        Assert.Contains("Tổng hợp Tỉnh Hà Tĩnh — Năm 2022", list.Text(), StringComparison.Ordinal);

        var district = await factory.SignInAsync("lanhdao.kyanh");
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync(snapshotUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync($"/Reports/Snapshots?unit={unit}")).StatusCode);
    }

    [Fact]
    public async Task Only_leaders_and_administrators_freeze()
    {
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "ha-tinh").Id);
        var tracker = await factory.SignInAsync("theodoi.hatinh");
        var token = await tracker.GetAntiforgeryTokenAsync($"/Reports/Quarterly?unit={unit}&year=2022");
        var response = await tracker.PostAsync($"/Reports/Quarterly?handler=Freeze&unit={unit}&year=2022",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
