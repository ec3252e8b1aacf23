using MeetingPortal.Web.Tests.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingPortal.Web.Tests.Results;

/// <summary>
/// Issue 18, deliver 5 and 7: the results notice and the public page in a real browser: axe-core without a serious
/// violation, the HTML standard, no page wider than a 390 px phone, and the results published with the keyboard alone.
/// </summary>
public sealed class ResultsPagesBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_results_pages_have_no_serious_violation_conform_fit_a_phone_and_publish_by_keyboard()
    {
        await ResultsFixtures.PrepareAsync(fixture);
        var meeting = ResultsFixtures.Meeting(fixture);
        var (draft, _) = ResultsFixtures.Draft(fixture, "Đối thoại nháp (trình duyệt)", "Kiến nghị nháp.");
        var recorder = await fixture.SignInAsync("thuky.kyphuong");
        var failures = new List<string>();
        var sources = new Dictionary<string, string>();
        async Task CheckAsync(IPage page, string name, IResponse response)
        {
            Assert.True(response.Ok, $"{name} answered {response.Status}");
            foreach (var width in new[] { 1366, 390 })
            {
                await page.SetViewportSizeAsync(width, 844);
                failures.AddRange((await page.SeriousViolationsAsync()).Select(v => $"{name} at {width} px: {v}"));
                var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                if (scrollWidth > width)
                {
                    failures.Add($"{name}: {scrollWidth} px wide at {width} px");
                }
            }

            sources[$"results{sources.Count:00}"] = await response.TextAsync();
        }

        await CheckAsync(recorder, "notice", (await recorder.GotoAsync($"/Meetings/{meeting}/Results"))!);
        await CheckAsync(recorder, "draft notice", (await recorder.GotoAsync($"/Meetings/{draft}/Results"))!);

        // By keyboard: the first item marked, the page published, the form sent with Enter.
        await recorder.GotoAsync($"/Meetings/{meeting}/Results");
        await recorder.Locator("#public-1").FocusAsync();
        await recorder.Keyboard.PressAsync("Space");
        await recorder.Locator("#Publish").FocusAsync();
        await recorder.Keyboard.PressAsync("Space");
        await recorder.Keyboard.PressAsync("Tab");
        await Expect(recorder.GetByRole(AriaRole.Button, new() { Name = "Lưu phần công khai" })).ToBeFocusedAsync();
        await recorder.Keyboard.PressAsync("Enter");
        await recorder.WaitForURLAsync($"**/Meetings/{meeting}/Results");
        await Expect(recorder.Locator("[role=status]")).ToContainTextAsync("Đã lưu: kết quả của hội nghị được công khai.");
        await CheckAsync(recorder, "notice published", (await recorder.ReloadAsync())!);
        var href = await recorder.Locator("[data-public-link] a").GetAttributeAsync("href");
        Assert.StartsWith("/Public/Results/", href, StringComparison.Ordinal);

        var anonymous = await fixture.NewPageAsync();
        await CheckAsync(anonymous, "public page", (await anonymous.GotoAsync(href!))!);
        await Expect(anonymous.Locator("li[data-result-item]")).ToHaveCountAsync(1);

        Assert.Empty(failures);
        var report = await HtmlValidator.ValidateAsync(sources);
        Assert.True(report.Length == 0, string.Join(", ", sources.Keys) + "\n" + report);
    }
}
