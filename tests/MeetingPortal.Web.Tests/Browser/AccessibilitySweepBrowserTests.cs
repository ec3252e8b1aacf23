using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingPortal.Web.Tests.Browser;

/// <summary>axe-core and the HTML standard over every page an administrator reaches, with real records in them.</summary>
public sealed class AccessibilitySweepBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Every_page_has_no_serious_or_critical_violation()
    {
        var (meeting, recommendation, directive) = fixture.WithDb(db => (
            db.Meetings.Single(m => m.Title.StartsWith("Đảng ủy phường Kỳ Phương")).Id,
            db.Recommendations.First(r => r.Content.StartsWith("Công tác nhân sự")).Id,
            db.Directives.First().Id));
        var page = await fixture.SignInAsync("quantri.toanquoc");

        string[] urls =
        [
            "/Meetings", "/Meetings?q=kinh+phi&from=abc", $"/Meetings/{meeting}", $"/Meetings/{meeting}/Edit", $"/Meetings/{meeting}/Attachments",
            "/Meetings/Create", "/Meetings/Import", "/Recommendations", "/Recommendations?overdue=true", $"/Recommendations/{recommendation}",
            "/Directives", $"/Directives/{directive}", "/Notifications", "/Admin/Calendar", "/Admin/DueRules", "/Account/SignOut", "/Status/404",
            "/Reports/Quarterly?year=2022", "/Reports/Quarterly?year=2022&quarter=2", "/Reports/Snapshots", "/Admin/Audit",
        ];
        var failures = new List<string>();
        var sources = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            var response = await page.GotoAsync(url);
            failures.AddRange((await page.SeriousViolationsAsync()).Select(v => $"{url}: {v}"));
            // The source as served, not the browser's repaired DOM.
            sources[$"page{sources.Count:00}"] = await response!.TextAsync();
        }

        Assert.Empty(failures);
        var report = await HtmlValidator.ValidateAsync(sources);
        Assert.True(report.Length == 0, string.Join(", ", urls.Select((u, i) => $"page{i:00}={u}")) + "\n" + report);
    }
}
