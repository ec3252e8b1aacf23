using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingPortal.Web.Tests.Browser;

/// <summary>
/// Issue 17, deliver 10: the focus indicator has at least 3:1 contrast against the ground around it (WCAG 2.2, 1.4.11
/// and 2.4.13), on the light page and on the dark header, for every element a keyboard user reaches.
/// </summary>
public sealed class FocusBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // For the focused element: the outline's colour and the colour of the nearest ground behind the element
    // (the first ancestor with an opaque background), and the ratio between them by WCAG's relative luminance.
    private const string FocusContrastScript = """
        () => {
            const e = document.activeElement;
            const s = getComputedStyle(e);
            const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
            const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
            let ground = e.parentElement, bg = 'rgb(255, 255, 255)';
            while (ground) {
                const c = getComputedStyle(ground).backgroundColor;
                const parts = rgb(c);
                if (parts.length === 3 || (parts.length === 4 && parts[3] === 1)) { bg = c; break; }
                ground = ground.parentElement;
            }
            const a = lum(rgb(s.outlineColor)), b = lum(rgb(bg));
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            return { what: e.tagName + ' ' + (e.textContent || e.name || '').trim().slice(0, 40), style: s.outlineStyle, width: parseFloat(s.outlineWidth), ratio };
        }
        """;

    [Theory]
    [InlineData("/Account/SignIn", null)]
    [InlineData("/Meetings", "thuky.kyphuong")]
    [InlineData("/Recommendations", "theodoi.kyphuong")]
    public async Task Every_element_reached_with_Tab_shows_a_focus_ring_of_at_least_3_to_1(string path, string? account)
    {
        var page = account is null ? await fixture.NewPageAsync() : await fixture.SignInAsync(account);
        await page.GotoAsync(path);

        var weak = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<JsonElement>(FocusContrastScript);
            var what = focus.GetProperty("what").GetString();
            if (what!.StartsWith("BODY", StringComparison.Ordinal))
            {
                break;
            }

            var ratio = focus.GetProperty("ratio").GetDouble();
            if (focus.GetProperty("style").GetString() == "none" || focus.GetProperty("width").GetDouble() < 2 || ratio < 3)
            {
                weak.Add($"{what}: {focus.GetProperty("style").GetString()} {focus.GetProperty("width").GetDouble()}px, {ratio:0.0}:1");
            }
        }

        Assert.Empty(weak);
    }

    [Fact]
    public async Task A_refused_sign_in_puts_focus_on_the_error_summary()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Tên đăng nhập").FillAsync("thuky.kyphuong");
        await page.GetByLabel("Mật khẩu").FillAsync("Sai#MatKhau-123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        Assert.Empty(await page.SeriousViolationsAsync());
    }

    [Fact]
    public async Task A_refused_meeting_save_puts_focus_on_the_summary_whose_items_lead_to_their_fields()
    {
        var page = await fixture.SignInAsync("thuky.kyphuong");
        await page.GotoAsync("/Meetings/Create");
        await page.GetByLabel("Cơ quan tổ chức").FillAsync("Đảng ủy phường Kỳ Phương");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).Last.ClickAsync();

        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        var link = summary.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("tên hội nghị", System.Text.RegularExpressions.RegexOptions.IgnoreCase) });
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByLabel("Tên hội nghị")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Cơ quan tổ chức")).ToHaveValueAsync("Đảng ủy phường Kỳ Phương");
        Assert.Empty(await page.SeriousViolationsAsync());
    }

    [Fact]
    public async Task Adding_a_row_keeps_focus_on_the_new_row_even_when_the_form_has_errors()
    {
        var page = await fixture.SignInAsync("thuky.kyphuong");
        await page.GotoAsync("/Meetings/Create");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).Last.ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm phát biểu" }).ClickAsync();
        await Expect(page.Locator("#speech-1-kind")).ToBeFocusedAsync();
    }
}
