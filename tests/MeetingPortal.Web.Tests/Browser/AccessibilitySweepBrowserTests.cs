using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingPortal.Web.Tests.Browser;

/// <summary>axe-core over every page an administrator reaches, with real records in them.</summary>
public sealed class AccessibilitySweepBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Every_page_has_no_serious_or_critical_violation()
    {
        var (meeting, recommendation, directive) = fixture.WithDb(db => (
            db.Meetings.Single(m => m.Title.StartsWith("Đảng ủy phường Kỳ Phương")).Id,
            db.Recommendations.First(r => r.Content.StartsWith("Công tác nhân sự")).Id,
            db.Directives.First().Id));
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Tên đăng nhập").FillAsync("quantri.toanquoc");
        await page.GetByLabel("Mật khẩu").FillAsync(Support.PortalFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Meetings$"));

        string[] urls =
        [
            "/Meetings", "/Meetings?q=kinh+phi&from=abc", $"/Meetings/{meeting}", $"/Meetings/{meeting}/Edit", $"/Meetings/{meeting}/Attachments",
            "/Meetings/Create", "/Meetings/Import", "/Recommendations", "/Recommendations?overdue=true", $"/Recommendations/{recommendation}",
            "/Directives", $"/Directives/{directive}", "/Notifications", "/Admin/Calendar", "/Admin/DueRules", "/Account/SignOut", "/Status/404",
        ];
        var failures = new List<string>();
        foreach (var url in urls)
        {
            await page.GotoAsync(url);
            failures.AddRange((await page.SeriousViolationsAsync()).Select(v => $"{url}: {v}"));
        }

        Assert.Empty(failures);
    }
}
