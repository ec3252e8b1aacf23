using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingPortal.Web.Tests.Browser;

public sealed class DrillDownBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// Issue 15, item 6, on a 390 px phone and with the keyboard: the national leader follows "Đã trả lời" of 2022, picks
    /// the theme "Kinh phí hoạt động" in the tracker's form (1, not the 2 the dropped criterion gave), sees every
    /// criterion as a chip, the chips wrapping inside the screen, and removes "answered" alone.
    /// </summary>
    [Fact]
    public async Task On_a_phone_a_leader_refines_a_figure_and_removes_one_criterion_with_the_keyboard()
    {
        var unit = fixture.WithDb(db => db.Units.Single(u => u.Code == "viet-nam").Id);
        var page = await fixture.SignInAsync("lanhdao.toanquoc");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/Reports/Quarterly?unit={unit}&year=2022");

        var row = page.Locator("table.figures tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextRegex = new Regex("^\\s*Đã trả lời\\s*$") }) });
        var figure = row.Locator("a.figure").First;
        await Expect(figure).ToHaveTextAsync("9");
        await page.TabToAsync(figure);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Theo dõi kiến nghị" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-total]")).ToHaveAttributeAsync("data-total", "9");

        // On a phone the tracker's filters fold behind "Lọc (N)", N the criteria the figure carried (issue 17, deliver 3).
        var fold = page.Locator("details.filter-fold > summary");
        await Expect(fold).ToHaveTextAsync("Lọc (5)");
        await page.TabToAsync(fold);
        await page.Keyboard.PressAsync("Enter");
        var filters = page.Locator("form.filters");
        await filters.GetByLabel("Lĩnh vực", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Kinh phí hoạt động" });
        await page.TabToAsync(filters.GetByRole(AriaRole.Button, new() { Name = "Lọc", Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-total]")).ToHaveAttributeAsync("data-total", "1");

        var chips = page.Locator("ul.chips > li");
        await Expect(chips).ToHaveCountAsync(6);
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var chip in await chips.AllAsync())
        {
            boxes.Add((await chip.BoundingBoxAsync())!);
        }

        Assert.All(boxes, b => Assert.True(b.X >= 0 && b.X + b.Width <= 390, $"a chip spans {b.X}-{b.X + b.Width} px"));
        Assert.True(boxes.Select(b => b.Y).Distinct().Count() > 1, "the chips stay on one line");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
        Assert.Empty(await page.SeriousViolationsAsync());

        var removeAnswered = page.GetByRole(AriaRole.Link, new() { Name = "Bỏ lọc: Đã trả lời", Exact = true });
        await page.TabToAsync(removeAnswered);
        await page.Keyboard.PressAsync("Enter");
        await Expect(removeAnswered).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bỏ lọc: Lĩnh vực: Kinh phí hoạt động", Exact = true })).ToBeVisibleAsync();
        await Expect(chips).ToHaveCountAsync(5);
        await Expect(page.Locator("[data-total]")).ToHaveAttributeAsync("data-total", "2");
    }
}
