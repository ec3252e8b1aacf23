using MeetingPortal.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingPortal.Web.Tests.Browser;

/// <summary>Issue 17, deliver 4: after an answer in the queue the next item has the keyboard focus in a real browser.</summary>
public sealed class QueueBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Responder = "traloi.kyphuong";

    [Fact]
    public async Task After_an_answer_the_next_item_of_the_queue_has_the_focus()
    {
        await fixture.ReopenAnsweredAsync(Responder, 3);
        var page = await fixture.SignInAsync(Responder);
        await page.GotoAsync("/Recommendations/Queue");
        var items = page.Locator("article.queue-item");
        await Expect(items).ToHaveCountAsync(3);
        var second = await items.Nth(1).Locator("select[name='Respond.Kind']").GetAttributeAsync("id");

        await items.First.Locator("textarea[name='Respond.Content']").FillAsync("Đảng ủy tiếp thu, giao UBND phường thực hiện.");
        await items.First.GetByRole(AriaRole.Button, new() { Name = "Gửi trả lời" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã ghi nhận trả lời." })).ToBeVisibleAsync();
        await Expect(items).ToHaveCountAsync(2);
        Assert.Equal(second, await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''"));
    }
}
