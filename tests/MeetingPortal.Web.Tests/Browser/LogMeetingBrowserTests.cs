using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingPortal.Web.Tests.Browser;

public sealed class LogMeetingBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Title = "Đối thoại với hội viên nông dân tổ dân phố 5";
    private static readonly string[] SpeakersInOrder = ["Lê Văn Chương", "Lê Quang Hòa", "Kết luận: giao Ủy ban MTTQ"];

    [Fact]
    public async Task A_recorder_logs_publishes_finds_and_downloads_a_meeting_with_the_keyboard_alone()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await Expect(page.GetByLabel("Tên đăng nhập")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("thuky.kyphuong");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Support.PortalFactory.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));

        await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Ghi hội nghị mới" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ghi hội nghị mới" })).ToBeVisibleAsync();
        Assert.Empty(await page.SeriousViolationsAsync());

        await page.TabAndTypeAsync(page.GetByLabel("Tên hội nghị"), Title);
        await page.TabAndTypeAsync(page.GetByLabel("Cơ quan tổ chức"), "Đảng ủy phường Kỳ Phương");
        // Speech 1: a report (the first row's default kind).
        await page.TabAndTypeAsync(page.Locator("#speech-0-speaker"), "Lê Văn Chương");
        await page.TabAndTypeAsync(page.Locator("#speech-0-content"), "Báo cáo tình hình phong trào nông dân sáu tháng đầu năm.");

        // Speech 2: a recommendation speech with two recommendations.
        await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Thêm phát biểu" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#speech-1-kind")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Lê Quang Hòa");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Chủ tịch UBMTTQ");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Ủy ban MTTQ phường Kỳ Phương");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Đề nghị hỗ trợ kinh phí cho chi hội và giống lúa mới.");

        foreach (var (index, content, theme) in new[] { (0, "Hỗ trợ kinh phí hoạt động cho chi hội nông dân", 2), (1, "Hỗ trợ giống lúa chịu hạn cho hội viên", 6) })
        {
            await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Thêm kiến nghị vào phát biểu 2" }));
            await page.Keyboard.PressAsync("Enter");
            await page.TypeHereAsync(page.Locator($"#speech-1-rec-{index}-content"), content);
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.Locator($"#speech-1-rec-{index}-raised-by")).ToHaveValueAsync("Ủy ban MTTQ phường Kỳ Phương");
            await page.Keyboard.PressAsync("Tab");
            for (var i = 0; i < theme; i++)
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }

            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("Đảng ủy phường Kỳ Phương");
        }

        // Speech 3: the conclusion, moved into place by kind.
        await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Thêm phát biểu" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#speech-2-kind")).ToBeFocusedAsync();
        for (var i = 0; i < 4; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await page.TabAndTypeAsync(page.Locator("#speech-2-speaker"), "Lê Văn Chương");
        await page.TabAndTypeAsync(page.Locator("#speech-2-content"), "Kết luận: giao Ủy ban MTTQ phường tổng hợp kiến nghị gửi cấp trên.");
        Assert.Equal(Title, await page.GetByLabel("Tên hội nghị").InputValueAsync());
        Assert.Empty(await page.SeriousViolationsAsync());

        await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Lưu và công bố" }).First);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu và công bố hồ sơ.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Title })).ToBeVisibleAsync();
        await Expect(page.Locator("ol.speeches > li")).ToHaveCountAsync(3);
        await Expect(page.Locator(".recommendation")).ToHaveCountAsync(2);
        Assert.Empty(await page.SeriousViolationsAsync());
        var detailUrl = page.Url;

        await page.GotoAsync("/Meetings");
        await page.TabAndTypeAsync(page.GetByRole(AriaRole.Searchbox, new() { Name = "Tìm kiếm" }), "doi thoai hoi vien nong dan");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("table.data-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = Title })).ToBeVisibleAsync();
        Assert.Empty(await page.SeriousViolationsAsync());

        await page.GotoAsync(detailUrl);
        await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Tải biên bản (DOCX)" }));
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        using (var document = WordprocessingDocument.Open(path!, false))
        {
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            var order = SpeakersInOrder.Select(s => text.IndexOf(s, StringComparison.Ordinal)).ToList();
            Assert.DoesNotContain(-1, order);
            Assert.Equal(order.Order(), order);
        }

        await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Sửa hồ sơ" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sửa hồ sơ hội nghị" })).ToBeVisibleAsync();
        Assert.Empty(await page.SeriousViolationsAsync());
    }
}
