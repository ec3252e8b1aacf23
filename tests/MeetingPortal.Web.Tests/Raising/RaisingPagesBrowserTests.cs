using MeetingPortal.Domain.Meetings;
using MeetingPortal.Web.Tests.Browser;
using MeetingPortal.Web.Tests.Plans;
using MeetingPortal.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingPortal.Web.Tests.Raising;

/// <summary>
/// Issue 18, deliver 2 and 7 (ADR 0026): the raising side's pages and the agenda in a real browser: axe-core without a
/// serious violation, the HTML standard, no page wider than a 390 px phone, and a recommendation sent with the keyboard.
/// </summary>
public sealed class RaisingPagesBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Every_raising_page_and_the_agenda_have_no_serious_violation_conform_and_fit_a_phone()
    {
        var front = fixture.BodyOf(PortalRoutes.RaiserUser);
        var meeting = fixture.KyPhuongMeeting();
        var raisedAt = fixture.WithDb(db => db.Recommendations.Where(r => r.MeetingId == meeting).OrderBy(r => r.Id).Select(r => r.Id).First());
        fixture.RaisedBy(raisedAt, front);
        fixture.FreeKyPhuongMeeting();
        var held = fixture.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Quarter, 2022, 2), "Đối thoại về công tác cán bộ cơ sở");
        var gatheredHeld = fixture.AddGathered(held, front, "Đề nghị quan tâm bố trí kinh phí hoạt động cho các chi hội ở tổ dân phố, nhất là chi hội mới thành lập sau sáp nhập.");
        fixture.WithDb(db =>
        {
            db.PlannedDialogues.Single(p => p.Id == held).LinkMeeting(db.Meetings.Single(m => m.Id == meeting));
            return db.SaveChanges();
        });
        var next = fixture.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Quarter, DateTime.UtcNow.Year + 1, 1), "Đối thoại đầu năm với đoàn viên, hội viên và Nhân dân");
        var open = fixture.AddGathered(next, front, "Đề nghị sửa chữa nhà văn hóa tổ dân phố 5 đã xuống cấp.");
        // The unit's public results listed on /Raising.
        Results.ResultsFixtures.Publish(fixture, meeting, raisedAt);
        var raiser = await fixture.SignInAsync(PortalRoutes.RaiserUser);
        var recorder = await fixture.SignInAsync("thuky.kyphuong");
        (IPage Page, string Url)[] visits =
        [
            (raiser, "/Raising"), (raiser, "/Raising?open=true"), (raiser, $"/Raising/Recommendation/{raisedAt}"), (raiser, "/Raising/Gathered"),
            (raiser, $"/Raising/Send?entry={next}"), (raiser, $"/Raising/Send/{open}"), (raiser, $"/Raising/Send/{gatheredHeld}"), (raiser, "/Notifications"),
            (recorder, $"/Plans/Agenda/{held}"), (recorder, $"/Plans/Agenda/{next}"),
        ];

        var failures = new List<string>();
        var sources = new Dictionary<string, string>();
        foreach (var width in new[] { 1366, 390 })
        {
            foreach (var (page, url) in visits)
            {
                await page.SetViewportSizeAsync(width, 844);
                var response = await page.GotoAsync(url);
                Assert.True(response!.Ok, $"{url} answered {response.Status}");
                failures.AddRange((await page.SeriousViolationsAsync()).Select(v => $"{url} at {width} px: {v}"));
                var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                if (scrollWidth > width)
                {
                    failures.Add($"{url}: {scrollWidth} px wide at {width} px");
                }

                if (width == 1366)
                {
                    sources[$"raising{sources.Count:00}"] = await response.TextAsync();
                }
            }
        }

        // A refused raise on the agenda, its message beside the speech's choice.
        await recorder.GotoAsync($"/Plans/Agenda/{held}");
        await recorder.Locator($"form[action*='item={gatheredHeld}'][action*='Raise'] button").ClickAsync();
        await Expect(recorder.Locator($"#speech-error-{gatheredHeld}")).ToContainTextAsync("Vui lòng chọn ý kiến phát biểu");
        failures.AddRange((await recorder.SeriousViolationsAsync()).Select(v => $"refused raise: {v}"));
        sources["refused-raise"] = await recorder.ContentAsync();

        Assert.Empty(failures);
        var report = await HtmlValidator.ValidateAsync(sources);
        Assert.True(report.Length == 0, string.Join(", ", visits.Select((v, i) => $"raising{i:00}={v.Url}")) + "\n" + report);
    }

    [Fact]
    public async Task The_front_sends_a_recommendation_with_the_keyboard_alone_and_a_refusal_keeps_what_was_chosen()
    {
        var next = fixture.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Quarter, DateTime.UtcNow.Year + 1, 2), "Đối thoại với thanh niên về việc làm");
        var page = await fixture.SignInAsync(PortalRoutes.RaiserUser);
        await page.GotoAsync("/Raising/Gathered");
        await page.TabToAsync(page.Locator($"a[href='/Raising/Send?entry={next}']"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Gửi kiến nghị trước đối thoại");

        // Sent empty: the message is beside the field.
        await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Gửi kiến nghị" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#Input_Content-error")).ToContainTextAsync("Vui lòng nhập nội dung kiến nghị");

        await page.TabAndTypeAsync(page.Locator("#Input_Content"), "Đề nghị mở lớp dạy nghề điện dân dụng cho thanh niên tổ dân phố.");
        await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Gửi kiến nghị" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Đã gửi kiến nghị.");
        await Expect(page.Locator("main")).ToContainTextAsync("Đề nghị mở lớp dạy nghề điện dân dụng");
    }
}
