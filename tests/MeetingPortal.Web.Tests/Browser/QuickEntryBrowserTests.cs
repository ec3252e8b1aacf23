using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingPortal.Web.Tests.Browser;

/// <summary>
/// Issue 17, item 2 (ADR 0022): logging a meeting of two speeches and three recommendations takes one page load with
/// scripts on (rows added, moved and removed in place, fields checked as typed, Enter saving nothing), and still works
/// with scripts off by a round trip per button.
/// </summary>
public sealed class QuickEntryBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Speaker = "Lê Quang Hòa";
    private const string Body = "Ủy ban MTTQ phường Kỳ Phương";
    private const string Host = "Đảng ủy phường Kỳ Phương";
    private const string NewHost = "Ban vận động khu dân cư tổ 3 phường Kỳ Phương";

    [Fact]
    public async Task With_scripts_on_a_meeting_of_two_speeches_and_three_recommendations_is_logged_in_one_page_load()
    {
        const string title = "Đối thoại nhanh với hội viên phụ nữ";
        var page = await fixture.SignInAsync("thuky.kyphuong");
        // Every navigation of the page counts, a change of address within the page too.
        var loads = 0;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                loads++;
            }
        };
        await page.GotoAsync("/Meetings/Create");
        var meetings = MeetingCount();

        // Checked as typed, in the words a refused save uses.
        await page.Locator("#title").FillAsync("x");
        await page.Locator("#title").FillAsync(string.Empty);
        await Expect(page.Locator("#title-error")).ToHaveTextAsync("Vui lòng nhập tên hội nghị.");
        await page.Locator("#title").FillAsync(title);
        await Expect(page.Locator("#title-error")).ToBeEmptyAsync();

        // Enter in a text box saves nothing.
        await page.Locator("#title").PressAsync("Enter");
        await page.WaitForTimeoutAsync(800);
        Assert.Equal(1, loads);
        Assert.Equal(meetings, MeetingCount());

        // A host new to the unit is offered its kind right there, named as typed.
        await page.Locator("#host").FillAsync(NewHost);
        await Expect(page.GetByLabel($"«{NewHost}» là tổ chức mới. Loại tổ chức:")).ToBeVisibleAsync();
        await page.Locator("#host-kind").SelectOptionAsync("FatherlandFront");

        // The periods offered follow the date as it is typed, and back; what is chosen stays chosen (the trial saw "Quý
        // I/2027" chosen by itself after each date typed).
        var heldOn = await page.Locator("#held-on").InputValueAsync();
        await TypeDateAsync(page, "2019-05-10");
        await Expect(page.Locator("#period option[value='Quarter-2019-2']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#period")).ToHaveValueAsync(string.Empty);
        // Chosen from the keyboard's place: the choice, redrawn by its own check, keeps the value and the focus.
        await page.Locator("#period").FocusAsync();
        await page.RunAndWaitForResponseAsync(() => page.Locator("#period").SelectOptionAsync("Quarter-2019-2"), r => r.Url.Contains("handler=Check", StringComparison.Ordinal));
        await page.WaitForTimeoutAsync(300);
        await Expect(page.Locator("#period")).ToHaveValueAsync("Quarter-2019-2");
        await Expect(page.Locator("#period")).ToBeFocusedAsync();
        await TypeDateAsync(page, "2019-05-11");
        await Expect(page.Locator("#period")).ToHaveValueAsync("Quarter-2019-2");
        await page.Locator("#period").SelectOptionAsync(string.Empty);
        await TypeDateAsync(page, heldOn);
        await Expect(page.Locator("#period option[value='Quarter-2019-2']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#period option[value^='Quarter-2018']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#period")).ToHaveValueAsync(string.Empty);

        // A participant typed is offered as a speaker.
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm người tham dự" }).ClickAsync();
        await Expect(page.Locator("#participant-0-name")).ToBeFocusedAsync();
        await page.Locator("#participant-0-name").FillAsync(Speaker);
        await Expect(page.Locator($"#meeting-speakers option[value='{Speaker}']")).ToHaveCountAsync(1);

        await page.Locator("#speech-0-speaker").FillAsync("Lê Văn Chương");
        await page.Locator("#speech-0-content").FillAsync("Báo cáo tình hình phong trào phụ nữ sáu tháng đầu năm.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm phát biểu" }).ClickAsync();
        await Expect(page.Locator("#speech-1-kind")).ToBeFocusedAsync();
        await page.Locator("#speech-1-kind").SelectOptionAsync("Recommendation");
        Assert.Equal("meeting-speakers", await page.Locator("#speech-1-speaker").GetAttributeAsync("list"));
        await page.Locator("#speech-1-speaker").FillAsync(Speaker);
        await page.Locator("#speech-1-org").FillAsync(Body);
        await page.Locator("#speech-1-content").FillAsync("Đề nghị hỗ trợ vốn vay, học nghề và nhà văn hóa.");
        string[] recommendations = ["Hỗ trợ vốn vay cho hội viên nghèo", "Mở lớp học nghề cho phụ nữ", "Sửa nhà văn hóa tổ dân phố 3"];
        for (var j = 0; j < recommendations.Length; j++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Thêm kiến nghị vào phát biểu 2" }).ClickAsync();
            await Expect(page.Locator($"#speech-1-rec-{j}-content")).ToBeFocusedAsync();
            await Expect(page.Locator($"#speech-1-rec-{j}-raised-by")).ToHaveValueAsync(Body);
            await page.Locator($"#speech-1-rec-{j}-content").FillAsync(recommendations[j]);
            await page.Locator($"#speech-1-rec-{j}-theme").SelectOptionAsync(new SelectOptionValue { Index = 2 });
            await page.Locator($"#speech-1-rec-{j}-addressed-to").FillAsync(Host);
        }

        // Moved and removed in place: a third speech added, moved above the second, and removed again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm phát biểu" }).ClickAsync();
        await page.Locator("#speech-2-content").FillAsync("Ý kiến thừa");
        await page.Locator("#speech-2-up").ClickAsync();
        await Expect(page.Locator("#speech-1-content")).ToHaveValueAsync("Ý kiến thừa");
        await Expect(page.Locator("#speech-2-rec-2-content")).ToHaveValueAsync(recommendations[2]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Xóa phát biểu 2" }).ClickAsync();
        await Expect(page.Locator("#speech-2-content")).ToHaveCountAsync(0);
        await Expect(page.Locator("#speech-1-rec-2-content")).ToHaveValueAsync(recommendations[2]);
        Assert.Equal(title, await page.Locator("#title").InputValueAsync());

        Assert.Empty(await page.SeriousViolationsAsync());
        Assert.Equal(string.Empty, await HtmlValidator.ValidateAsync(new Dictionary<string, string> { ["quick-entry"] = await page.ContentAsync() }));
        Assert.Equal(1, loads);

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu và công bố" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu và công bố hồ sơ.");
        Assert.Equal(2, loads);
        var saved = fixture.WithDb(db => db.Meetings.AsNoTracking().Where(m => m.Title == title)
            .Select(m => new { Speeches = m.Speeches.Count, Recommendations = m.Recommendations.Count }).Single());
        Assert.Equal((2, 3), (saved.Speeches, saved.Recommendations));
        var host = fixture.WithDb(db => db.Meetings.AsNoTracking().Where(m => m.Title == title)
            .Join(db.Organisations, m => m.HostOrganisationId, o => (int?)o.Id, (_, o) => new { o.Name, o.Kind }).Single());
        Assert.Equal((NewHost, MeetingPortal.Domain.Organisations.OrganisationKind.FatherlandFront), (host.Name, host.Kind));
    }

    [Fact]
    public async Task With_scripts_off_rows_are_added_by_round_trips_participants_are_offered_as_speakers_and_the_meeting_saves()
    {
        const string title = "Đối thoại không cần JavaScript";
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, Locale = "vi-VN", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Tên đăng nhập").FillAsync("thuky.kyphuong");
        await page.GetByLabel("Mật khẩu").FillAsync(PortalFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.GotoAsync("/Meetings/Create");

        await page.Locator("#title").FillAsync(title);
        await page.Locator("#host").FillAsync(Host);
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm người tham dự" }).ClickAsync();
        await page.Locator("#participant-0-name").FillAsync(Speaker);
        await page.Locator("#speech-0-content").FillAsync("Báo cáo tình hình.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm phát biểu" }).ClickAsync();

        // The round trip kept what was typed and offers the participant as a speaker.
        await Expect(page.Locator("#participant-0-name")).ToHaveValueAsync(Speaker);
        await Expect(page.Locator($"#meeting-speakers option[value='{Speaker}']")).ToHaveCountAsync(1);
        Assert.Equal("meeting-speakers", await page.Locator("#speech-1-speaker").GetAttributeAsync("list"));
        await page.Locator("#speech-1-speaker").FillAsync(Speaker);
        await page.Locator("#speech-1-org").FillAsync(Body);
        await page.Locator("#speech-1-content").FillAsync("Đề nghị hỗ trợ vốn vay.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm kiến nghị vào phát biểu 2" }).ClickAsync();
        await page.Locator("#speech-1-rec-0-content").FillAsync("Hỗ trợ vốn vay cho hội viên nghèo");
        Assert.Equal(string.Empty, await HtmlValidator.ValidateAsync(new Dictionary<string, string> { ["round-trip"] = await page.ContentAsync() }));

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu bản nháp.");
        var saved = fixture.WithDb(db => db.Meetings.AsNoTracking().Where(m => m.Title == title)
            .Select(m => new { Speeches = m.Speeches.Count, Recommendations = m.Recommendations.Count }).Single());
        Assert.Equal((2, 1), (saved.Speeches, saved.Recommendations));
        await context.CloseAsync();
    }

    private int MeetingCount() => fixture.WithDb(db => db.Meetings.Count());

    /// <summary>Types a date into «Ngày họp» and waits for its check's answer to be swapped in.</summary>
    private static async Task TypeDateAsync(IPage page, string isoDate)
    {
        await page.RunAndWaitForResponseAsync(() => page.Locator("#held-on").FillAsync(isoDate), r => r.Url.Contains("handler=Check", StringComparison.Ordinal));
        await page.WaitForTimeoutAsync(300);
    }
}
