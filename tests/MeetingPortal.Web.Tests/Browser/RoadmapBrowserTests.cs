using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingPortal.Web.Tests.Browser;

/// <summary>
/// Issue 18, deliver 3: the roadmap section of a recommendation (progress bar, milestones, the forms) in a browser:
/// drawn up with the keyboard, no serious axe violation, valid HTML, and no sideways scroll on a 390 px phone.
/// </summary>
public sealed class RoadmapBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>The first addressed recommendation of Kỳ Phương, brought to "accepted" as its latest answer.</summary>
    private async Task<int> AcceptedAsync(int skip)
    {
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var id = await db.Recommendations.Where(r => r.Meeting!.Unit!.Code == "p-ky-phuong" && r.AddressedToOrganisationId != null
                && r.Meeting.Status == Domain.Meetings.MeetingStatus.Published)
            .OrderBy(r => r.Id).Select(r => r.Id).Skip(skip).FirstAsync();
        var r = await db.Recommendations.Include(x => x.Meeting).Include(x => x.Responses).Include(x => x.Events).Include(x => x.Hops)
            .Include(x => x.Roadmap).ThenInclude(m => m!.Milestones).AsSplitQuery().SingleAsync(x => x.Id == id);
        var by = new Actor("test", DateTime.UtcNow);
        if (r.State.Allows(RecommendationAction.Reopen))
        {
            r.Reopen("kiểm tra lộ trình", by);
        }

        r.Respond(ResponseKind.Accepted, r.Meeting!.HeldOn.AddDays(5), r.AddressedToOrganisationId, null, "Tiếp thu, giải quyết theo lộ trình", by);
        await db.SaveChangesAsync();
        return id;
    }

    [Fact]
    public async Task A_tracker_draws_up_a_roadmap_with_the_keyboard_and_the_section_is_accessible_valid_and_fits_a_phone()
    {
        var id = await AcceptedAsync(0);
        var url = $"/Recommendations/{id}";
        var page = await fixture.SignInAsync("theodoi.kyphuong");
        await page.GotoAsync(url);

        // The whole form from the keyboard: each field reached by its label, the save button by Enter.
        await page.GetByLabel("Ngày dự kiến giải quyết xong").FillAsync("2027-06-30");
        await page.Locator("#plan-content-0").FillAsync("Lập hồ sơ, dự toán");
        await page.Locator("#plan-due-0").FillAsync("2022-01-01");
        await page.Locator("#plan-share-0").FillAsync("40");
        await page.Locator("#plan-content-1").FillAsync("Hoàn thành");
        await page.Locator("#plan-due-1").FillAsync("2027-06-30");
        await page.Locator("#plan-share-1").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu lộ trình" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // A milestone before the meeting: said beside its field, in Vietnamese, with everything typed kept.
        await Expect(page.Locator("#plan-due-0-error")).ToContainTextAsync("không được trước ngày hội nghị");
        await Expect(page.Locator("#plan-content-1")).ToHaveValueAsync("Hoàn thành");
        var failures = (await page.SeriousViolationsAsync()).ToList();
        var sources = new Dictionary<string, string> { ["refused"] = await page.ContentAsync() };

        var heldOn = fixture.WithDb(db => db.Recommendations.Where(r => r.Id == id).Select(r => r.Meeting!.HeldOn).Single());
        await page.Locator("#plan-due-0").FillAsync(heldOn.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu lộ trình" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Đã lưu lộ trình giải quyết.");

        // The progress bar with its share in words beside it, the overdue milestone said in words.
        await Expect(page.Locator("#roadmap-progress-text")).ToHaveTextAsync("Đạt 0%");
        await Expect(page.Locator("[data-roadmap-overdue]")).ToHaveTextAsync("Lộ trình quá hạn");
        failures.AddRange(await page.SeriousViolationsAsync());
        sources["shown"] = await (await page.GotoAsync(url))!.TextAsync();
        Assert.Empty(failures);
        var report = await HtmlValidator.ValidateAsync(sources);
        Assert.True(report.Length == 0, report);

        await page.SetViewportSizeAsync(390, 844);
        foreach (var phoneUrl in new[] { url, "/Recommendations?onRoadmap=true&roadmapOverdue=true" })
        {
            await page.GotoAsync(phoneUrl);
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, phoneUrl);
        }
    }
}
