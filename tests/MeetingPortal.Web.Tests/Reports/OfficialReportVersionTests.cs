using System.Net;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Reports;

/// <summary>
/// Issue 15, item 3 and deliver 3: an official report is the screen, frozen; a unit has one report per period, and
/// freezing again makes a numbered version with a reason while the earlier one stays readable, marked replaced.
/// </summary>
public sealed class OfficialReportVersionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Every report table of a page as (table id, row label, cell texts), whitespace folded.</summary>
    private static List<string> Tables(HtmlAgilityPack.HtmlDocument page) =>
        page.Nodes("//table[contains(@class,'report-table')]/tbody/tr")
            .Select(tr => string.Join(" | ", tr.SelectNodes("th|td")!.Select(c => System.Text.RegularExpressions.Regex.Replace(HtmlAgilityPack.HtmlEntity.DeEntitize(c.InnerText), @"\s+", " ").Trim())))
            .ToList();

    [Fact]
    public async Task The_frozen_report_holds_every_table_of_the_screen_with_both_parts_percentages_and_changes()
    {
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "tx-ky-anh").Id);
        var leader = await factory.SignInAsync("lanhdao.kyanh");
        var summaryUrl = $"/Reports/Quarterly?unit={unit}&year=2022&quarter=2";
        var screen = await leader.GetHtmlAsync(summaryUrl);

        var frozen = await leader.FreezeAsync(summaryUrl);
        Assert.Equal(HttpStatusCode.Redirect, frozen.StatusCode);
        var report = await leader.GetHtmlAsync(frozen.Headers.Location!.OriginalString);

        var expected = Tables(screen);
        Assert.Contains(expected, row => row.StartsWith("Đã trả lời | 6 / 6 (100%) |", StringComparison.Ordinal));
        Assert.Contains(expected, row => row.StartsWith("Kiến nghị | 6 | 0 | +6", StringComparison.Ordinal));
        Assert.Equal(expected, Tables(report));
        Assert.Equal(
            screen.Nodes("//section[contains(@class,'report-section')]/h2").Select(h => h.InnerText.Trim()),
            report.Nodes("//section[contains(@class,'report-section')]/h2").Select(h => h.InnerText.Trim()));
        Assert.Equal(screen.Node("//dl[@class='definitions']").InnerText, report.Node("//dl[@class='definitions']").InnerText);
        Assert.Empty(report.Nodes("//table[contains(@class,'report-table')]//a"));
    }

    [Fact]
    public async Task Freezing_again_needs_a_reason_and_makes_version_two_while_version_one_stays_readable_marked_replaced()
    {
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "p-ky-phuong").Id);
        var leader = await factory.SignInAsync("lanhdao.kyphuong");
        var summaryUrl = $"/Reports/Quarterly?unit={unit}&year=2022&half=1";
        var first = await leader.FreezeAsync(summaryUrl);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        // The same confirmation sent again (a second click) makes no second report: it asks for a reason.
        var again = await HtmlForm.LoadAsync(leader, summaryUrl + "&confirmFreeze=true", "//form[@method='post' and contains(@class,'freeze-form')]");
        var refused = await leader.PostAsync(again.Action, new FormUrlEncodedContent(again.Fields));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Chốt lại sẽ tạo bản 2: hãy ghi lý do", Html.Parse(await refused.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(1, factory.WithDb(db => db.Snapshots.Count(s => s.UnitId == unit)));

        again.Fields["Reason"] = "Bổ sung trả lời của Đảng ủy phường nhận sau ngày chốt";
        var second = await leader.PostAsync(again.Action, new FormUrlEncodedContent(again.Fields));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var versions = factory.WithDb(db => db.Snapshots.Where(s => s.UnitId == unit).OrderBy(s => s.Version).Select(s => new { s.Id, s.Version, s.Reason, Replaced = s.ReplacedAtUtc != null }).ToList());
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal([true, false], versions.Select(v => v.Replaced));
        Assert.Equal("Bổ sung trả lời của Đảng ủy phường nhận sau ngày chốt", versions[1].Reason);

        var old = await leader.GetHtmlAsync($"/Reports/Snapshots/{versions[0].Id}");
        Assert.Contains("Bản này đã được thay thế.", old.Node("//p[@role='status']").InnerText, StringComparison.Ordinal);
        Assert.Contains($"/Reports/Snapshots/{versions[1].Id}", old.Node("//p[@role='status']").InnerHtml, StringComparison.Ordinal);
        Assert.NotEmpty(Tables(old));
        var list = (await leader.GetHtmlAsync($"/Reports/Snapshots?unit={unit}")).Text();
        Assert.Contains("Đã có bản thay thế", list, StringComparison.Ordinal);
        Assert.Contains("Hiện hành", list, StringComparison.Ordinal);
    }
}
