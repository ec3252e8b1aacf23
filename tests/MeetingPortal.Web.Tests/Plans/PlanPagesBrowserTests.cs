using MeetingPortal.Domain.Meetings;
using MeetingPortal.Web.Tests.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingPortal.Web.Tests.Plans;

/// <summary>
/// Issue 18, deliver 1 and 7: the plan pages in a real browser: axe-core without a serious violation, the HTML standard,
/// no page wider than a 390 px phone, and an entry added with the keyboard alone.
/// </summary>
public sealed class PlanPagesBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Every_plan_page_has_no_serious_violation_conforms_and_fits_a_phone()
    {
        var held = fixture.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Quarter, 2022, 2), "Đối thoại về công tác cán bộ cơ sở", fixture.KyPhuongMeeting());
        var late = fixture.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Month, 2022, 8), "Đối thoại với đoàn viên, hội viên về giải phóng mặt bằng và tái định cư khu kinh tế Vũng Áng");
        var cancelled = fixture.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Quarter, 2022, 4), "Đối thoại về trật tự đô thị");
        fixture.WithDb(db =>
        {
            db.PlannedDialogues.Single(p => p.Id == cancelled).Cancel("Gộp vào hội nghị quý III", new DateOnly(2022, 9, 1));
            return db.SaveChanges();
        });
        var kyAnh = fixture.Unit("tx-ky-anh");
        var recorder = await fixture.SignInAsync("thuky.kyphuong");
        var leader = await fixture.SignInAsync("lanhdao.kyanh");
        (IPage Page, string Url)[] visits =
        [
            (recorder, "/Plans?year=2022"), (recorder, $"/Plans/Entry/{held}"), (recorder, $"/Plans/Entry/{late}"), (recorder, $"/Plans/Entry/{cancelled}"),
            (recorder, "/Plans/Edit?year=2022"), (recorder, $"/Plans/Edit/{late}"), (recorder, "/Plans?year=2031"),
            (leader, $"/Plans/Progress?unitId={kyAnh}&year=2022"), (leader, "/Plans/Progress?year=2022"), (leader, $"/Plans/Entry/{late}"),
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
                    sources[$"plan{sources.Count:00}"] = await response.TextAsync();
                }
            }
        }

        // A refused save, with its messages beside the fields and the summary that takes the focus.
        await recorder.SetViewportSizeAsync(390, 844);
        await recorder.GotoAsync("/Plans/Edit?year=2022");
        await recorder.GetByRole(AriaRole.Button, new() { Name = "Lưu kế hoạch" }).ClickAsync();
        await Expect(recorder.Locator("#Input_Period-error")).ToContainTextAsync("Vui lòng chọn tháng hoặc quý");
        failures.AddRange((await recorder.SeriousViolationsAsync()).Select(v => $"refused save: {v}"));
        sources["refused"] = await recorder.ContentAsync();

        Assert.Empty(failures);
        var report = await HtmlValidator.ValidateAsync(sources);
        Assert.True(report.Length == 0, string.Join(", ", visits.Select((v, i) => $"plan{i:00}={v.Url}")) + "\n" + report);
    }

    [Fact]
    public async Task A_recorder_adds_a_dialogue_to_the_plan_with_the_keyboard_alone()
    {
        var page = await fixture.SignInAsync("thuky.kyphuong");
        await page.GotoAsync("/Plans?year=2028");
        await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Thêm đối thoại vào kế hoạch" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Thêm đối thoại vào kế hoạch năm 2028");

        await page.TabToAsync(page.Locator("#Input_Period"));
        // In a closed select, the arrow keys choose: the first option after the prompt is quarter I.
        await page.Keyboard.PressAsync("ArrowDown");
        await page.TabAndTypeAsync(page.Locator("#Input_Topic"), "Đối thoại với thanh niên về việc làm");
        await page.TabToAsync(page.Locator("#counterpart-0"));
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Lưu kế hoạch" }));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu đối thoại trong kế hoạch.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Đối thoại với thanh niên về việc làm");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Quý I/2028");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Ủy ban MTTQ phường Kỳ Phương");
    }
}
