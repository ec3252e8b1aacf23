using System.Net;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class SnapshotTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] RomanQuarters = ["I", "II", "III", "IV"];

    private static string Resolved(HtmlAgilityPack.HtmlDocument page) =>
        HtmlAgilityPack.HtmlEntity.DeEntitize(page.Nodes("//table[contains(@class,'figures')]/tbody/tr")
            .Single(tr => HtmlAgilityPack.HtmlEntity.DeEntitize(tr.SelectSingleNode("th")!.InnerText).Trim() == "Đã giải quyết")
            .SelectNodes("td")![0].InnerText).Trim();

    /// <summary>
    /// Issue 15, item 3: a quarter still running (Q4/2026 on 30/11/2026) could be frozen, so an official report's
    /// figures would no longer be the period's. The summary of a period that has not ended offers no freeze and says
    /// when it can be; a post anyway is refused with that reason and stores nothing.
    /// </summary>
    [Fact]
    public async Task A_period_that_has_not_ended_cannot_be_frozen()
    {
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "tx-ky-anh").Id);
        var today = factory.Services.GetRequiredService<CalendarService>().Today;
        var quarter = MeetingPortal.Domain.Meetings.ReviewPeriod.QuarterOf(today).Number;
        var summaryUrl = $"/Reports/Quarterly?unit={unit}&year={today.Year}&quarter={quarter}";
        var leader = await factory.SignInAsync("lanhdao.kyanh");
        var before = factory.WithDb(db => db.Snapshots.Count());

        // Not even the confirmation offers a freeze.
        var page = await leader.GetHtmlAsync(summaryUrl + "&confirmFreeze=true");
        Assert.Null(page.DocumentNode.SelectSingleNode("//form[contains(@action,'handler=Freeze')]"));
        Assert.Contains("Kỳ này chưa kết thúc", page.Text(), StringComparison.Ordinal);

        var token = await leader.GetAntiforgeryTokenAsync(summaryUrl);
        var refused = await leader.PostAsync($"/Reports/Quarterly?handler=Freeze&unit={unit}&year={today.Year}&quarter={quarter}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var answer = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains($"Không chốt được Quý {RomanQuarters[quarter - 1]}/{today.Year}: kỳ chưa kết thúc", answer.Node("//div[@class='error-summary']").InnerText, StringComparison.Ordinal);
        Assert.Equal(before, factory.WithDb(db => db.Snapshots.Count()));
    }

    /// <summary>
    /// Issue 15, item 3: freezing was one click with no confirmation. The summary's button opens a confirmation that
    /// names the unit and the period; a post without it (or confirming another unit or period) stores nothing and asks
    /// for the confirmation.
    /// </summary>
    [Fact]
    public async Task Freezing_asks_to_confirm_the_unit_and_the_period()
    {
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "tx-ky-anh").Id);
        var summaryUrl = $"/Reports/Quarterly?unit={unit}&year=2023";
        var leader = await factory.SignInAsync("lanhdao.kyanh");
        var before = factory.WithDb(db => db.Snapshots.Count());

        var summary = await leader.GetHtmlAsync(summaryUrl);
        Assert.Null(summary.DocumentNode.SelectSingleNode("//form[contains(@action,'handler=Freeze')]"));
        var confirm = await leader.GetHtmlAsync(summaryUrl + "&confirmFreeze=true");
        Assert.Contains("Chốt báo cáo chính thức của Thị xã Kỳ Anh cho Năm 2023?", confirm.Node("//section[@aria-labelledby='confirm-freeze']").InnerText, StringComparison.Ordinal);

        foreach (var confirmation in new[] { "", $"{unit}:Year-2022-1", $"{unit + 1}:Year-2023-1" })
        {
            var refused = await leader.PostFieldsAsync(summaryUrl, $"/Reports/Quarterly?handler=Freeze&unit={unit}&year=2023", ("confirmation", confirmation));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Chưa xác nhận", Html.Parse(await refused.Content.ReadAsStringAsync()).Node("//div[@class='error-summary']").InnerText, StringComparison.Ordinal);
        }

        Assert.Equal(before, factory.WithDb(db => db.Snapshots.Count()));
        Assert.Equal(HttpStatusCode.Redirect, (await leader.FreezeAsync(summaryUrl)).StatusCode);
        Assert.Equal(before + 1, factory.WithDb(db => db.Snapshots.Count()));
    }

    [Fact]
    public async Task A_frozen_report_stays_as_it_was_records_its_readers_and_is_listed_for_its_unit()
    {
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "ha-tinh").Id);
        var leader = await factory.SignInAsync("lanhdao.hatinh");
        var summaryUrl = $"/Reports/Quarterly?unit={unit}&year=2022";
        var frozen = await leader.FreezeAsync(summaryUrl);
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
        Assert.Contains("Lãnh đạo Tỉnh Hà Tĩnh (demo)", readers, StringComparison.Ordinal);
        Assert.Contains("Theo dõi Tỉnh Hà Tĩnh (demo)", readers, StringComparison.Ordinal);
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
