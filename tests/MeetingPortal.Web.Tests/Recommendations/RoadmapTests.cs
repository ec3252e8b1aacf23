using System.Net;
using MeetingPortal.Domain.Notifications;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Monitoring;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Recommendations;

/// <summary>
/// Issue 18, deliver 3 (ADR 0025 section 3): an accepted recommendation gets a roadmap on its page, its milestones are
/// reported done, and "on a roadmap" and "roadmap overdue" are counted in the tracker, the summary and the monitor
/// ("not done if a roadmap's overdue milestone is counted nowhere").
/// </summary>
public sealed class RoadmapTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly Actor By = new("test", DateTime.UtcNow);

    /// <summary>
    /// The <paramref name="skip"/>-th published recommendation of Kỳ Phương addressed to traloi.kyphuong's body, brought
    /// to "accepted" (tiếp thu) as its latest answer; with <paramref name="plan"/>, given that roadmap straight away. With
    /// <paramref name="unit"/>, one of that unit addressed to any body (for its tracker to act on).
    /// </summary>
    private async Task<int> AcceptedAsync(int skip, Action<Recommendation>? plan = null, string? unit = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var body = await db.Users.Where(u => u.UserName == "traloi.kyphuong").Select(u => u.OrganisationId).SingleAsync();
        var id = await db.Recommendations.Where(r => r.Meeting!.Unit!.Code == (unit ?? "p-ky-phuong") && r.Meeting.Status == Domain.Meetings.MeetingStatus.Published
                && r.AddressedToOrganisationId != null && (unit != null || r.AddressedToOrganisationId == body))
            .OrderBy(r => r.Id).Select(r => r.Id).Skip(skip).FirstAsync();
        var r = await db.Recommendations.Include(x => x.Meeting).Include(x => x.Responses).Include(x => x.Events).Include(x => x.Hops)
            .Include(x => x.Roadmap).ThenInclude(m => m!.Milestones).AsSplitQuery().SingleAsync(x => x.Id == id);
        if (r.State.Allows(RecommendationAction.Reopen))
        {
            r.Reopen("kiểm tra lộ trình", By);
        }

        r.Respond(ResponseKind.Accepted, r.Meeting!.HeldOn.AddDays(10), r.AddressedToOrganisationId, null, "Tiếp thu, sẽ giải quyết theo lộ trình", By);
        plan?.Invoke(r);
        await db.SaveChangesAsync();
        return id;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_responder_draws_up_a_roadmap_and_bad_input_is_said_beside_its_field_with_nothing_lost_or_saved()
    {
        var id = await AcceptedAsync(0);
        var responder = await factory.SignInAsync("traloi.kyphuong");
        var url = $"/Recommendations/{id}";
        var page = await responder.GetHtmlAsync(url);
        var form = HtmlForm.From(page, url, "//form[contains(@action,'handler=Roadmap') and not(contains(@action,'RoadmapRows'))]");
        form["Plan.PlannedResolutionOn"] = "2027-06-30";
        form["Plan.Milestones[0].Content"] = "Lập hồ sơ dự án";
        form["Plan.Milestones[0].DueOn"] = "2027-01-31";
        form["Plan.Milestones[0].SharePercent"] = "60";
        form["Plan.Milestones[1].Content"] = "Hoàn thành thi công";
        form["Plan.Milestones[1].DueOn"] = "2027-06-30";
        form["Plan.Milestones[1].SharePercent"] = "40";

        // Shares falling with the dates: the message beside the later row's share, what was typed kept, no roadmap saved.
        var refused = await responder.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("tăng dần", again.Node("//*[@id='plan-share-1-error']").InnerText, StringComparison.Ordinal);
        Assert.Equal("Hoàn thành thi công", again.Node("//input[@id='plan-content-1']").GetAttributeValue("value", ""));
        Assert.Equal("2027-06-30", again.Node("//input[@id='plan-date']").GetAttributeValue("value", ""));
        Assert.False(factory.WithDb(db => db.Roadmaps.Any(m => m.RecommendationId == id)));

        // "Add rows" without a script: the same rows kept and three more blank ones; nothing saved.
        var rowsForm = HtmlForm.From(again, url, "//form[contains(@action,'handler=Roadmap') and not(contains(@action,'RoadmapRows'))]");
        var rowCount = again.Nodes("//fieldset[contains(@class,'milestone-row')]").Count;
        var rowsAction = again.Node("//button[contains(@formaction,'RoadmapRows')]").GetAttributeValue("formaction", "");
        var more = Html.Parse(await (await responder.PostAsync(WebUtility.HtmlDecode(rowsAction), new FormUrlEncodedContent(rowsForm.Fields))).Content.ReadAsStringAsync());
        Assert.Equal(rowCount + 3, more.Nodes("//fieldset[contains(@class,'milestone-row')]").Count);
        Assert.Equal("Lập hồ sơ dự án", more.Node("//input[@id='plan-content-0']").GetAttributeValue("value", ""));

        form = HtmlForm.From(again, url, "//form[contains(@action,'handler=Roadmap') and not(contains(@action,'RoadmapRows'))]");
        form["Plan.Milestones[0].SharePercent"] = "40";
        form["Plan.Milestones[1].SharePercent"] = "100";

        // A planned date no plan reaches (31/12/9999 was accepted in the issue 18 trial) is refused beside its field.
        form["Plan.PlannedResolutionOn"] = "9999-12-31";
        var far = Html.Parse(await (await responder.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields))).Content.ReadAsStringAsync());
        Assert.Contains("không được sau năm 2200", far.Text(), StringComparison.Ordinal);
        Assert.False(factory.WithDb(db => db.Roadmaps.Any(m => m.RecommendationId == id)));
        form = HtmlForm.From(again, url, "//form[contains(@action,'handler=Roadmap') and not(contains(@action,'RoadmapRows'))]");
        form["Plan.Milestones[0].SharePercent"] = "40";
        form["Plan.Milestones[1].SharePercent"] = "100";
        Assert.Equal(HttpStatusCode.Redirect, (await responder.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields))).StatusCode);

        var shown = await responder.GetHtmlAsync(url);
        Assert.Equal("0", shown.Node("//*[@id='roadmap-progress-text']").GetAttributeValue("data-progress", ""));
        Assert.Equal(2, shown.Nodes("//ol[contains(@class,'milestones')]/li").Count);
        factory.WithDb(db =>
        {
            var roadmap = db.Roadmaps.Include(m => m.Milestones).Single(m => m.RecommendationId == id);
            Assert.Equal(new DateOnly(2027, 6, 30), roadmap.PlannedResolutionOn);
            Assert.Equal([40, 100], roadmap.Milestones.OrderBy(m => m.DueOn).Select(m => m.SharePercent));
            Assert.Contains(db.RecommendationEvents.Where(e => e.RecommendationId == id), e => e.Kind == RecommendationEventKind.RoadmapPlanned);
            // The raising unit is told (Kon Tum 2024: "the raisers are told").
            Assert.True(db.Notifications.Any(n => n.RecommendationId == id && n.Kind == NotificationKind.RoadmapPlanned));
            return 0;
        });
    }

    [Fact]
    public async Task A_milestone_is_reported_done_with_its_date_checked_and_the_progress_rises()
    {
        var id = await AcceptedAsync(1, r => r.PlanRoadmap(new DateOnly(2027, 12, 31), r.AddressedToOrganisationId!.Value,
            [new(null, "Khảo sát hiện trạng", r.Meeting!.HeldOn.AddDays(30), 25), new(null, "Hoàn thành", new DateOnly(2027, 12, 31), 100)], By));
        var milestoneId = factory.WithDb(db => db.RoadmapMilestones.Where(m => db.Roadmaps.Any(x => x.Id == m.RoadmapId && x.RecommendationId == id)).OrderBy(m => m.DueOn).Select(m => m.Id).First());
        var responder = await factory.SignInAsync("traloi.kyphuong");
        var url = $"/Recommendations/{id}";
        var page = await responder.GetHtmlAsync(url);
        Assert.Equal("true", page.Node("//*[@data-roadmap-overdue]").GetAttributeValue("data-roadmap-overdue", ""));

        var form = HtmlForm.From(page, url, $"//li[@data-milestone='{milestoneId}']//form");
        form["Done.DoneOn"] = "2099-01-01";
        var refused = await responder.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("hôm nay", again.Node($"//*[@id='done-on-{milestoneId}-error']").InnerText, StringComparison.Ordinal);
        Assert.Null(factory.WithDb(db => db.RoadmapMilestones.Single(m => m.Id == milestoneId).DoneOn));

        // A note too long is said as a note's, beside its field (it read "Lý do quá dài" in the issue 18 trial).
        form["Done.DoneOn"] = Iso(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)));
        form["Done.Text"] = new string('x', 2_001);
        var longNote = Html.Parse(await (await responder.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields))).Content.ReadAsStringAsync());
        Assert.Contains("Ghi chú quá dài", longNote.Node($"//*[@id='done-note-{milestoneId}-error']").InnerText, StringComparison.Ordinal);
        Assert.Null(factory.WithDb(db => db.RoadmapMilestones.Single(m => m.Id == milestoneId).DoneOn));

        form["Done.Text"] = "Đã khảo sát xong";
        Assert.Equal(HttpStatusCode.Redirect, (await responder.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields))).StatusCode);
        var shown = await responder.GetHtmlAsync(url);
        Assert.Equal("25", shown.Node("//*[@id='roadmap-progress-text']").GetAttributeValue("data-progress", ""));
        Assert.Empty(shown.Nodes("//*[@data-roadmap-overdue]"));
    }

    [Fact]
    public async Task Out_of_scope_is_404_and_a_role_that_may_not_plan_is_403_with_nothing_saved()
    {
        var id = await AcceptedAsync(2);
        var responder = await factory.SignInAsync("traloi.kyphuong");
        var url = $"/Recommendations/{id}";
        var form = HtmlForm.From(await responder.GetHtmlAsync(url), url, "//form[contains(@action,'handler=Roadmap') and not(contains(@action,'RoadmapRows'))]");
        form["Plan.PlannedResolutionOn"] = "2027-06-30";
        form["Plan.Milestones[0].Content"] = "Một mốc";
        form["Plan.Milestones[0].DueOn"] = "2027-06-30";
        form["Plan.Milestones[0].SharePercent"] = "100";
        form.Fields.Remove("__FormToken");

        var leader = await factory.SignInAsync("lanhdao.kyphuong");
        Assert.Empty((await leader.GetHtmlAsync(url)).Nodes("//form[contains(@action,'handler=Roadmap')]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsync(form.Action, new FormUrlEncodedContent(await WithTokenAsync(leader, url, form)))).StatusCode);
        var outside = await factory.SignInAsync("theodoi.tranphu");
        Assert.Equal(HttpStatusCode.NotFound, (await outside.PostAsync(form.Action, new FormUrlEncodedContent(await WithTokenAsync(outside, "/Recommendations", form)))).StatusCode);
        Assert.False(factory.WithDb(db => db.Roadmaps.Any(m => m.RecommendationId == id)));
    }

    [Fact]
    public async Task Hostile_values_in_each_field_of_the_roadmap_forms_never_answer_500()
    {
        var id = await AcceptedAsync(0, r => r.PlanRoadmap(new DateOnly(2027, 12, 31), r.AddressedToOrganisationId!.Value,
            [new(null, "Mốc có sẵn", new DateOnly(2027, 6, 30), 50)], By), unit: "tp-ha-tinh");
        var responder = await factory.SignInAsync("theodoi.tphatinh");
        var url = $"/Recommendations/{id}";
        var page = await responder.GetHtmlAsync(url);
        var forms = HtmlForm.AllFrom(page, url).Where(f => f.Action.Contains("handler=Roadmap", StringComparison.Ordinal) || f.Action.Contains("handler=Milestone", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, forms.Count);
        foreach (var form in forms)
        {
            foreach (var field in form.Fields.Keys.Where(k => !k.StartsWith("__", StringComparison.Ordinal) && !k.EndsWith("Version", StringComparison.Ordinal)).ToList())
            {
                foreach (var value in HostileInputs.PerField)
                {
                    var fields = new Dictionary<string, string>(form.Fields) { [field] = value };
                    fields.Remove("__FormToken");
                    // A value that happens to be valid saves, and the posts after it meet a stale version: still never a 500.
                    var response = await responder.PostAsync(form.Action, new FormUrlEncodedContent(fields));
                    Assert.True((int)response.StatusCode < 500, $"{form.Action} {field}={HostileInputs.Label(value)}: {(int)response.StatusCode}");
                }
            }
        }
    }

    private static async Task<Dictionary<string, string>> WithTokenAsync(HttpClient client, string url, HtmlForm form)
    {
        var fields = new Dictionary<string, string>(form.Fields) { ["__RequestVerificationToken"] = await client.GetAntiforgeryTokenAsync(url) };
        return fields;
    }

    [Fact]
    public async Task An_overdue_milestone_is_counted_in_the_tracker_the_summary_and_the_monitor_apart_from_the_unanswered()
    {
        var id = await AcceptedAsync(3, r => r.PlanRoadmap(new DateOnly(2027, 12, 31), r.AddressedToOrganisationId!.Value,
            [new(null, "Bố trí vốn", r.Meeting!.HeldOn.AddDays(20), 50), new(null, "Hoàn thành", new DateOnly(2027, 12, 31), 100)], By));
        // Another on a roadmap kept to so far: on a roadmap, not overdue.
        var calm = await AcceptedAsync(1, r => r.PlanRoadmap(new DateOnly(2027, 12, 31), r.AddressedToOrganisationId!.Value,
            [new(null, "Hoàn thành", new DateOnly(2027, 12, 31), 100)], By), unit: "tp-ha-tinh");
        var year = factory.WithDb(db => db.Recommendations.Where(r => r.Id == id).Select(r => r.Meeting!.HeldOn.Year).Single());
        var province = await factory.SignInAsync("theodoi.hatinh");
        var overdueList = await province.GetHtmlAsync("/Recommendations?roadmapOverdue=true");
        // The tracker's own filter form offers both roadmap criteria, ticked as the link set them (issue 18 trial).
        Assert.Equal("checked", overdueList.Node("//input[@id='roadmapOverdue']").GetAttributeValue("checked", ""));
        Assert.Empty(overdueList.Nodes("//input[@id='onRoadmap' and @checked]"));
        Assert.NotEmpty(overdueList.Nodes($"//a[@href='/Recommendations/{id}']"));
        Assert.Empty(overdueList.Nodes($"//a[@href='/Recommendations/{calm}']"));
        var onRoadmap = await province.GetHtmlAsync("/Recommendations?onRoadmap=true");
        Assert.NotEmpty(onRoadmap.Nodes($"//a[@href='/Recommendations/{id}']"));
        Assert.NotEmpty(onRoadmap.Nodes($"//a[@href='/Recommendations/{calm}']"));

        var tracker = await factory.SignInAsync("theodoi.kyphuong");
        var unanswered = await tracker.GetHtmlAsync("/Recommendations?overdue=true");
        Assert.Empty(unanswered.Nodes($"//a[@href='/Recommendations/{id}']"));

        var summary = await tracker.GetHtmlAsync($"/Reports/Quarterly?year={year}");
        var figure = summary.Nodes("//a[contains(@class,'figure') and contains(@href,'roadmapOverdue=true')]").First();
        Assert.True(int.Parse(figure.GetAttributeValue("data-count", "0"), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var listed = await tracker.GetHtmlAsync(WebUtility.HtmlDecode(figure.GetAttributeValue("href", "")));
        Assert.NotEmpty(listed.Nodes($"//a[@href='/Recommendations/{id}']"));

        // The tracker's home counts them as a list of its own, opening the same criterion.
        var home = (await tracker.GetHtmlAsync("/")).Node("//li[@data-count='RoadmapOverdue']");
        Assert.True(int.Parse(home.GetAttributeValue("data-value", "0"), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Contains("roadmapOverdue=true", home.SelectSingleNode("a")!.GetAttributeValue("href", ""), StringComparison.Ordinal);

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<RecommendationMonitor>().RunOnceAsync(CancellationToken.None);
        }

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<RecommendationMonitor>().RunOnceAsync(CancellationToken.None);
        }

        var told = factory.WithDb(db => db.Notifications.Where(n => n.RecommendationId == id && n.Kind == NotificationKind.RoadmapOverdue)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.UserName!).ToList());
        Assert.Contains("traloi.kyphuong", told);
        Assert.Contains("theodoi.kyphuong", told);
        // Once each, however often the check runs.
        Assert.Equal(told.Count, told.Distinct().Count());
        // The bell says which milestone is overdue and from when (two of one item read as one repeated line in the trial).
        var summaries = factory.WithDb(db => db.Notifications.Where(n => n.RecommendationId == id && n.Kind == NotificationKind.RoadmapOverdue)
            .Select(n => new { n.Summary, n.DueOn }).ToList());
        Assert.All(summaries, n => Assert.StartsWith($"{n.DueOn!.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)} · Bố trí vốn · ", n.Summary, StringComparison.Ordinal));
    }
}
