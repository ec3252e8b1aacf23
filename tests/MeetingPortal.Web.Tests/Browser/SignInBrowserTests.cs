using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingPortal.Web.Tests.Browser;

public sealed class SignInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_user_signs_in_with_the_keyboard_and_sees_the_five_seed_meetings()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn"));
        Assert.Empty(await page.SeriousViolationsAsync());

        // The user-name field has focus on arrival; Tab moves to the password; Enter submits.
        await Expect(page.GetByLabel("Tên đăng nhập")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("quantri.toanquoc");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Support.PortalFactory.DemoPassword);
        await page.Keyboard.PressAsync("Enter");

        // Sign-in lands on the home (issue 17); the meetings are one link away in the header.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trang chủ", Exact = true, Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(await page.SeriousViolationsAsync());
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Hội nghị", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hội nghị", Exact = true })).ToBeVisibleAsync();
        var rows = page.Locator("table.data-table tbody tr");
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hội nghị giao ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quý I/2024" })).ToBeVisibleAsync();
        Assert.Empty(await page.SeriousViolationsAsync());

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Đảng ủy phường Kỳ Phương") }).ClickAsync();
        await Expect(page.GetByText("Lê Quang Hòa").First).ToBeVisibleAsync();
        await Expect(page.Locator(".recommendation")).ToHaveCountAsync(6);
        Assert.Empty(await page.SeriousViolationsAsync());
    }

    [Fact]
    public async Task A_wrong_password_shows_the_message_and_keeps_the_user_name()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Tên đăng nhập").FillAsync("thuky.kyphuong");
        await page.GetByLabel("Mật khẩu").FillAsync("Sai#MatKhau-123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
        await Expect(page.GetByLabel("Tên đăng nhập")).ToHaveValueAsync("thuky.kyphuong");
        Assert.Empty(await page.SeriousViolationsAsync());
    }
}
