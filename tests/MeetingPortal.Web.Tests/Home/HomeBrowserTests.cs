using MeetingPortal.Web.Tests.Browser;

namespace MeetingPortal.Web.Tests.Home;

/// <summary>Issue 17, deliver 1: the home as each demo role lands on it passes axe-core and the HTML standard, and fits a 390 px phone.</summary>
public sealed class HomeBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Every_roles_home_has_no_serious_violation_conforms_and_fits_a_phone()
    {
        string[] users = ["lanhdao.hatinh", "lanhdao.kyanh", "theodoi.kyphuong", "traloi.kyphuong", "thuky.kyphuong", "quantri.toanquoc"];
        var failures = new List<string>();
        var sources = new Dictionary<string, string>();
        foreach (var user in users)
        {
            // Signing in lands on the home (the fixture waits for "/").
            var page = await fixture.SignInAsync(user);
            failures.AddRange((await page.SeriousViolationsAsync()).Select(v => $"{user}: {v}"));
            var response = await page.GotoAsync("/");
            sources[$"home-{user}"] = await response!.TextAsync();
            await page.SetViewportSizeAsync(390, 844);
            await page.ReloadAsync();
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > 390)
            {
                failures.Add($"{user}: {width} px wide at 390 px");
            }
        }

        Assert.Empty(failures);
        var report = await HtmlValidator.ValidateAsync(sources);
        Assert.True(report.Length == 0, report);
    }
}
