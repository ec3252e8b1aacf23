using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingPortal.Web.Tests.Browser;

public sealed class RecommendationFlowBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Content = "Đề nghị nâng cấp nhà văn hóa tổ dân phố 7 đã xuống cấp";

    private static async Task ExpectStatusAsync(IPage page, string message) =>
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(message);

    [Fact]
    public async Task A_recommendation_goes_from_raised_to_resolved_through_a_forward_and_an_unsatisfied_answer()
    {
        // Raised: a recorder logs a meeting with one recommendation and no addressee.
        var recorder = await fixture.SignInAsync("thuky.kyphuong");
        await recorder.GotoAsync("/Meetings/Create");
        await recorder.GetByLabel("Tên hội nghị").FillAsync("Đối thoại về thiết chế văn hóa");
        await recorder.GetByLabel("Cơ quan tổ chức").FillAsync("Đảng ủy phường Kỳ Phương");
        await recorder.Locator("#speech-0-content").FillAsync("Ý kiến về nhà văn hóa các tổ dân phố.");
        await recorder.GetByRole(AriaRole.Button, new() { Name = "Thêm kiến nghị vào phát biểu 1" }).ClickAsync();
        await recorder.Locator("#speech-0-rec-0-content").FillAsync(Content);
        await recorder.Locator("#speech-0-rec-0-raised-by").FillAsync("Ủy ban MTTQ phường Kỳ Phương");
        await recorder.GetByRole(AriaRole.Button, new() { Name = "Lưu và công bố" }).First.ClickAsync();
        await ExpectStatusAsync(recorder, "Đã lưu và công bố hồ sơ.");
        await recorder.GetByRole(AriaRole.Link, new() { Name = Content }).ClickAsync();
        await Expect(recorder.Locator(".eyebrow .badge")).ToHaveTextAsync("Mới");
        var url = recorder.Url;

        // Assigned by the tracker, due date from the rules.
        var tracker = await fixture.SignInAsync("theodoi.kyphuong");
        await tracker.GotoAsync(url);
        await tracker.GetByLabel("Cơ quan giải quyết", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Đảng ủy phường Kỳ Phương" });
        await tracker.GetByRole(AriaRole.Button, new() { Name = "Giao", Exact = true }).ClickAsync();
        await ExpectStatusAsync(tracker, "Đã giao cơ quan giải quyết.");

        // Forwarded by the ward's responder to the town's commission.
        var responder = await fixture.SignInAsync("traloi.kyphuong");
        await responder.GotoAsync("/Recommendations/Queue");
        await responder.GetByRole(AriaRole.Link, new() { Name = Content }).ClickAsync();
        await responder.GetByLabel("Chuyển đến", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Ban Dân vận Thị ủy" });
        await responder.Locator("#forward-reason").FillAsync("Kinh phí nâng cấp thuộc thẩm quyền thị xã");
        await responder.GetByRole(AriaRole.Button, new() { Name = "Chuyển", Exact = true }).ClickAsync();
        await ExpectStatusAsync(responder, "Đã chuyển kiến nghị.");

        // Answered at the town (recorded by its administrator).
        var town = await fixture.SignInAsync("quantri.kyanh");
        await town.GotoAsync(url);
        await town.GetByLabel("Hình thức trả lời").SelectOptionAsync("Explained");
        await town.GetByLabel("Nội dung trả lời").FillAsync("Thị xã sẽ xem xét trong kế hoạch năm sau.");
        await town.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận" }).ClickAsync();
        await ExpectStatusAsync(town, "Đã ghi nhận trả lời.");

        // Judged unsatisfactory by the raising side: reopened with the reason.
        await recorder.GotoAsync(url);
        await recorder.GetByLabel("Nhận xét (bắt buộc khi chưa hài lòng)").FillAsync("Chưa có thời hạn cụ thể");
        await recorder.GetByRole(AriaRole.Button, new() { Name = "Chưa hài lòng, mở lại" }).ClickAsync();
        await ExpectStatusAsync(recorder, "Đã ghi nhận đánh giá.");
        await Expect(recorder.Locator(".eyebrow .badge")).ToHaveTextAsync("Đã giao");

        // Resolved by the town.
        await town.GotoAsync(url);
        await town.GetByLabel("Hình thức trả lời").SelectOptionAsync("Resolved");
        await town.GetByLabel("Nội dung trả lời").FillAsync("Đã bố trí kinh phí, khởi công tháng 12.");
        await town.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận" }).ClickAsync();
        await ExpectStatusAsync(town, "Đã ghi nhận trả lời.");

        // The raising ward sees the whole way.
        await tracker.GotoAsync(url);
        await Expect(tracker.Locator(".eyebrow .badge")).ToHaveTextAsync("Đã giải quyết");
        var history = tracker.Locator("section.history");
        foreach (var step in new[] { "Giao", "Chuyển", "Trả lời", "Chưa hài lòng", "Mở lại", "Chưa có thời hạn cụ thể", "Theo dõi Phường Kỳ Phương (demo)", "Trả lời Phường Kỳ Phương (demo)", "Quản trị Thị xã Kỳ Anh (demo)", "Thư ký Phường Kỳ Phương (demo)" })
        {
            await Expect(history).ToContainTextAsync(step);
        }

        await Expect(tracker.GetByText("Đảng ủy phường Kỳ Phương → Ban Dân vận Thị ủy")).ToBeVisibleAsync();
        Assert.Empty(await tracker.SeriousViolationsAsync());
    }
}
