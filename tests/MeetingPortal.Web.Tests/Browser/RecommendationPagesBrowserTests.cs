using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingPortal.Web.Tests.Browser;

public sealed class RecommendationPagesBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Tracker_detail_and_queue_have_no_serious_accessibility_violations()
    {
        var tracker = await fixture.SignInAsync("theodoi.kyphuong");
        await tracker.GotoAsync("/Recommendations");
        await Expect(tracker.GetByRole(AriaRole.Heading, new() { Name = "Theo dõi kiến nghị" })).ToBeVisibleAsync();
        Assert.Empty(await tracker.SeriousViolationsAsync());

        await tracker.Locator("table.data-table tbody tr a").First.ClickAsync();
        await Expect(tracker.GetByRole(AriaRole.Heading, new() { Name = "Mở lại kiến nghị" })).ToBeVisibleAsync();
        Assert.Empty(await tracker.SeriousViolationsAsync());

        // Reopen one so the responder's queue has an item to answer.
        await tracker.GetByLabel("Lý do").FillAsync("Cần trả lời cụ thể hơn");
        await tracker.GetByRole(AriaRole.Button, new() { Name = "Mở lại", Exact = true }).ClickAsync();
        await Expect(tracker.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã mở lại kiến nghị.");

        var responder = await fixture.SignInAsync("traloi.kyphuong");
        await responder.GotoAsync("/Recommendations/Queue");
        await Expect(responder.Locator("article.queue-item")).ToHaveCountAsync(1);
        Assert.Empty(await responder.SeriousViolationsAsync());
    }
}
