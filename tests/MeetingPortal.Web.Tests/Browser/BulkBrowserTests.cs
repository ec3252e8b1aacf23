using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingPortal.Web.Tests.Browser;

/// <summary>
/// Issue 18, deliver 4: bulk work in a browser. The tracker ticks rows and assigns them, the responder ticks queue items
/// and answers them with one text, each from the keyboard; the forms, a refused form and the result have no serious axe
/// violation, are valid HTML and do not scroll sideways on a 390 px phone; so do the answer templates' pages, and an
/// answer starts from a template with "Dùng mẫu".
/// </summary>
public sealed class BulkBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>The first <paramref name="take"/> published recommendations of Kỳ Phương, each awaiting an answer from <paramref name="body"/>'s body.</summary>
    private async Task<List<int>> AwaitingAsync(int take, string body)
    {
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var bodyId = await db.Users.Where(u => u.UserName == body).Select(u => u.OrganisationId!.Value).SingleAsync();
        var ids = await db.Recommendations.Where(r => r.Meeting!.Unit!.Code == "p-ky-phuong" && r.Meeting.Status == Domain.Meetings.MeetingStatus.Published)
            .OrderBy(r => r.Id).Select(r => r.Id).Take(take).ToListAsync();
        var by = new Actor("test", DateTime.UtcNow);
        foreach (var r in await db.Recommendations.Include(x => x.Meeting).Include(x => x.Responses).Include(x => x.Events).Include(x => x.Hops)
                     .Include(x => x.Roadmap).ThenInclude(m => m!.Milestones).AsSplitQuery().Where(x => ids.Contains(x.Id)).ToListAsync())
        {
            if (r.State.Allows(RecommendationAction.Reopen))
            {
                r.Reopen("kiểm tra xử lý hàng loạt", by);
            }

            r.AssignTo(bodyId, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40), by);
        }

        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>
    /// Enter in a field presses the form's first submit button: it was "Dùng mẫu", which put the template over what the
    /// responder typed instead of recording the answer.
    /// </summary>
    [Fact]
    public async Task Enter_in_the_answer_form_records_the_answer_typed_not_the_template()
    {
        var id = (await AwaitingAsync(6, "traloi.kyanh"))[^1];
        fixture.WithDb(db =>
        {
            db.AnswerTemplates.Add(new AnswerTemplate(db.Units.Single(u => u.Code == "tx-ky-anh").Id, "Giải trình", "Thị ủy giải trình như sau."));
            return db.SaveChanges();
        });
        var responder = await fixture.SignInAsync("traloi.kyanh");
        await responder.GotoAsync($"/Recommendations/{id}");

        await responder.GetByLabel("Mẫu trả lời").SelectOptionAsync(new SelectOptionValue { Label = "Giải trình" });
        await responder.GetByLabel("Nội dung trả lời").FillAsync("Thị xã đã bố trí kinh phí, triển khai trong quý tới.");
        await responder.GetByLabel("Ngày trả lời").FocusAsync();
        // The post the key sends, and its answer, before the database is read.
        await responder.RunAndWaitForResponseAsync(() => responder.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");

        Assert.Equal("Thị xã đã bố trí kinh phí, triển khai trong quý tới.",
            fixture.WithDb(db => db.Responses.Where(x => x.RecommendationId == id).OrderByDescending(x => x.Id).Select(x => x.Content).First()));
    }

    [Fact]
    public async Task A_tracker_assigns_ticked_rows_and_a_responder_answers_ticked_items_from_the_keyboard()
    {
        var ids = await AwaitingAsync(3, "traloi.kyanh");
        var template = fixture.WithDb(db =>
        {
            var t = new AnswerTemplate(db.Units.Single(u => u.Code == "tx-ky-anh").Id, "Tiếp thu, tìm phương án", "BTV Thị ủy tiếp thu và tiếp tục tìm các phương án giải quyết.");
            db.AnswerTemplates.Add(t);
            db.SaveChanges();
            return t.Id;
        });
        var failures = new List<string>();
        var sources = new Dictionary<string, string>();
        async Task CheckAsync(IPage page, string name)
        {
            failures.AddRange((await page.SeriousViolationsAsync()).Select(v => $"{name}: {v}"));
            sources[name.Replace(' ', '-')] = await page.ContentAsync();
        }

        var tracker = await fixture.SignInAsync("theodoi.kyanh");
        await tracker.GotoAsync("/Recommendations");
        await CheckAsync(tracker, "tracker");
        foreach (var id in ids.Take(2))
        {
            var box = tracker.Locator($"input[form='bulk-form'][value='{id}']");
            await box.FocusAsync();
            await tracker.Keyboard.PressAsync("Space");
            await Expect(box).ToBeCheckedAsync();
        }

        await tracker.GetByLabel("Việc cần làm").SelectOptionAsync("assign");
        await tracker.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).FocusAsync();
        await tracker.Keyboard.PressAsync("Enter");
        await Expect(tracker.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Giao nhiều kiến nghị cho một cơ quan");
        await Expect(tracker.Locator(".bulk-selection input:checked")).ToHaveCountAsync(2);
        await CheckAsync(tracker, "assign form");

        // No body chosen: said beside the field, the selection kept.
        await tracker.GetByRole(AriaRole.Button, new() { Name = "Giao các kiến nghị đã chọn" }).FocusAsync();
        await tracker.Keyboard.PressAsync("Enter");
        await Expect(tracker.Locator("#bulk-body-error")).ToContainTextAsync("chọn cơ quan");
        await Expect(tracker.Locator(".bulk-selection input:checked")).ToHaveCountAsync(2);
        await CheckAsync(tracker, "assign refused");

        await tracker.Locator("#bulk-body").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await tracker.GetByRole(AriaRole.Button, new() { Name = "Giao các kiến nghị đã chọn" }).FocusAsync();
        await tracker.Keyboard.PressAsync("Enter");
        await Expect(tracker.Locator(".bulk-done li")).ToHaveCountAsync(2);
        await CheckAsync(tracker, "assign result");

        await tracker.SetViewportSizeAsync(390, 844);
        foreach (var url in new[] { "/Recommendations", $"/Recommendations/Bulk?act=forward&ids={ids[0]}&ids={ids[1]}", $"/Recommendations/Bulk?act=close&ids={ids[0]}" })
        {
            await tracker.GotoAsync(url);
            Assert.True(await tracker.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, url);
        }

        // The responder of the body now holding them answers the first two with one text.
        var answered = await AwaitingAsync(2, "traloi.kyphuong");
        var responder = await fixture.SignInAsync("traloi.kyphuong");
        await responder.GotoAsync("/Recommendations/Queue");
        await CheckAsync(responder, "queue");
        foreach (var id in answered)
        {
            await responder.Locator($"#pick-{id}").FocusAsync();
            await responder.Keyboard.PressAsync("Space");
        }

        await responder.GetByRole(AriaRole.Button, new() { Name = "Trả lời chung các kiến nghị đã chọn" }).FocusAsync();
        await responder.Keyboard.PressAsync("Enter");
        await Expect(responder.Locator(".bulk-selection input:checked")).ToHaveCountAsync(2);
        await CheckAsync(responder, "answer form");
        // Start from the town's template without a script: "Dùng mẫu" fills the text and keeps the selection.
        await responder.GetByLabel("Mẫu trả lời").SelectOptionAsync(template.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await responder.GetByRole(AriaRole.Button, new() { Name = "Dùng mẫu" }).FocusAsync();
        await responder.Keyboard.PressAsync("Enter");
        await Expect(responder.GetByLabel("Nội dung trả lời")).ToHaveValueAsync("BTV Thị ủy tiếp thu và tiếp tục tìm các phương án giải quyết.");
        await Expect(responder.Locator(".bulk-selection input:checked")).ToHaveCountAsync(2);
        await responder.GetByLabel("Nội dung trả lời").FillAsync("BTV Đảng ủy tiếp thu và tiếp tục tìm các phương án giải quyết");
        await responder.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận trả lời cho các kiến nghị đã chọn" }).FocusAsync();
        await responder.Keyboard.PressAsync("Enter");
        await Expect(responder.Locator(".bulk-done li")).ToHaveCountAsync(2);
        await CheckAsync(responder, "answer result");
        await responder.SetViewportSizeAsync(390, 844);
        Assert.True(await responder.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "answer result");

        // The templates' pages as their tracker sees them, with the add and edit forms.
        await tracker.SetViewportSizeAsync(1280, 800);
        foreach (var url in new[] { "/Recommendations/Templates", $"/Recommendations/Templates/{template}" })
        {
            await tracker.GotoAsync(url);
            // The page's name, not its address: the validator writes each page to a file of that name.
            await CheckAsync(tracker, url.Contains("/Templates/", StringComparison.Ordinal) ? "template" : "templates");
            await tracker.SetViewportSizeAsync(390, 844);
            Assert.True(await tracker.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, url);
            await tracker.SetViewportSizeAsync(1280, 800);
        }

        Assert.Empty(failures);
        var report = await HtmlValidator.ValidateAsync(sources);
        Assert.True(report.Length == 0, report);
    }
}
