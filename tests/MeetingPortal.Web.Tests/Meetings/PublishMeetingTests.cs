using System.Net;
using MeetingPortal.Domain.Notifications;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Meetings;

/// <summary>
/// Issue 13, fault 5: a recommendation given to a body in the meeting form and published had no due date
/// and told nobody, so it could never become overdue. Assigning is one rule wherever it happens.
/// </summary>
public sealed class PublishMeetingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Body = "Đảng ủy phường Kỳ Phương";

    private async Task<(HttpClient Client, HtmlForm Form)> FormWithRecommendationAsync(string title, string content)
    {
        var client = await factory.SignInAsync("thuky.kyphuong");
        var form = await HtmlForm.LoadAsync(client, "/Meetings/Create");
        form["Input.Title"] = title;
        form["Input.HeldOn"] = "2026-11-20";
        form["Input.Host"] = Body;
        form["Input.Speeches[0].Kind"] = "Recommendation";
        form["Input.Speeches[0].Content"] = "Hội viên phản ánh khó khăn về kinh phí.";
        var response = await form.PostAsync(client, "add-rec:0");
        var added = HtmlForm.From(Html.Parse(await response.Content.ReadAsStringAsync()), "/Meetings/Create");
        added["Input.Speeches[0].Recommendations[0].Content"] = content;
        added["Input.Speeches[0].Recommendations[0].RaisedBy"] = "Ủy ban MTTQ phường Kỳ Phương";
        added["Input.Speeches[0].Recommendations[0].AddressedTo"] = Body;
        return (client, added);
    }

    private List<NotificationKind> NotificationsOf(string userName, string content) => factory.WithDb(db =>
        db.Notifications.Where(n => db.Recommendations.Any(r => r.Id == n.RecommendationId && r.Content == content) && db.Users.Any(u => u.Id == n.UserId && u.UserName == userName)).Select(n => n.Kind).ToList());

    [Fact]
    public async Task Publishing_a_recommendation_given_to_a_body_sets_the_rules_due_date_and_tells_the_body()
    {
        const string content = "Đề nghị bố trí kinh phí hoạt động cho chi hội (công bố)";
        var (client, form) = await FormWithRecommendationAsync("Đối thoại có kiến nghị giao ngay", content);

        var response = await form.PostAsync(client, "publish");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var scope = factory.Services.CreateScope();
        var calendar = scope.ServiceProvider.GetRequiredService<CalendarService>();
        var policy = await calendar.PolicyAsync(CancellationToken.None);
        var recommendation = factory.WithDb(db => db.Recommendations.Single(r => r.Content == content));
        Assert.Equal(RecommendationStatus.Assigned, recommendation.Status);
        // A ward's body: the ward-level rule (15 working days), counted from today.
        Assert.Equal(policy.Resolve(null, calendar.Today, null, 4).DueOn, recommendation.DueOn);
        Assert.Equal(15, recommendation.DueWorkingDays);
        Assert.Equal([NotificationKind.Assigned], NotificationsOf("traloi.kyphuong", content));
        var page = (await client.GetHtmlAsync($"/Recommendations/{recommendation.Id}")).Text();
        Assert.Contains("còn 15 ngày làm việc", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_tells_nobody_until_it_is_published()
    {
        const string content = "Đề nghị hỗ trợ tập huấn cho cán bộ chi hội (nháp)";
        var (client, form) = await FormWithRecommendationAsync("Đối thoại còn là bản nháp", content);

        var saved = await form.PostAsync(client, "save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Empty(NotificationsOf("traloi.kyphuong", content));
        Assert.NotNull(factory.WithDb(db => db.Recommendations.Single(r => r.Content == content).DueOn));

        var id = saved.Headers.Location!.OriginalString.Split('/')[^1];
        var edit = await HtmlForm.LoadAsync(client, $"/Meetings/{id}/Edit");
        Assert.Equal(HttpStatusCode.Redirect, (await edit.PostAsync(client, "publish")).StatusCode);
        Assert.Equal([NotificationKind.Assigned], NotificationsOf("traloi.kyphuong", content));
    }

    /// <summary>
    /// A draft is the recorder's work in progress: its recommendations were "Đã giao", in the body's queue and
    /// answerable before anyone had published the record. Follow-up starts with publication.
    /// </summary>
    [Fact]
    public async Task A_drafts_recommendations_are_neither_queued_nor_answerable_until_publication()
    {
        const string content = "Đề nghị sửa chữa hội trường khu dân cư (nháp chưa theo dõi)";
        var (client, form) = await FormWithRecommendationAsync("Đối thoại nháp chưa công bố", content);
        var saved = await form.PostAsync(client, "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (recommendationId, version) = factory.WithDb(db => db.Recommendations.Where(r => r.Content == content).Select(r => new { r.Id, r.Version }).AsEnumerable().Select(r => (r.Id, r.Version)).Single());
        var responder = await factory.SignInAsync("traloi.kyphuong");

        Assert.DoesNotContain(content, (await responder.GetHtmlAsync("/Recommendations/Queue")).Text(), StringComparison.Ordinal);
        var tracker = await factory.SignInAsync("theodoi.kyphuong");
        Assert.DoesNotContain(content, (await tracker.GetHtmlAsync("/Recommendations?dueWithin=30")).Text(), StringComparison.Ordinal);
        var page = await responder.GetHtmlAsync($"/Recommendations/{recommendationId}");
        Assert.Contains("Hội nghị còn là bản nháp", page.Text(), StringComparison.Ordinal);
        Assert.Null(page.DocumentNode.SelectSingleNode("//form[contains(@action,'handler=Respond')]"));
        var refused = await factory.RunAsync<Application.Recommendations.RespondToRecommendation, Application.Common.UseCaseResult>("traloi.kyphuong", (uc, user) =>
            uc.ExecuteAsync(user, new Application.Recommendations.RespondCommand(recommendationId, version, ResponseKind.Accepted, null, "Tiếp thu", null), CancellationToken.None));
        Assert.Equal(Application.Common.UseCaseStatus.Invalid, refused.Status);
        Assert.Contains(refused.Errors, e => e.Message.Contains("bản nháp", StringComparison.Ordinal));
        Assert.Equal(0, factory.WithDb(db => db.Responses.Count(r => r.RecommendationId == recommendationId)));

        var id = saved.Headers.Location!.OriginalString.Split('/')[^1];
        var edit = await HtmlForm.LoadAsync(client, $"/Meetings/{id}/Edit");
        Assert.Equal(HttpStatusCode.Redirect, (await edit.PostAsync(client, "publish")).StatusCode);
        Assert.Contains(content, (await responder.GetHtmlAsync("/Recommendations/Queue")).Text(), StringComparison.Ordinal);
        Assert.Contains(content, (await tracker.GetHtmlAsync("/Recommendations?dueWithin=30")).Text(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Once published, giving a recommendation to another body through the meeting form is a re-assignment: a
    /// Recorder was able to do it there without the Assign right the recommendation's own page asks for.
    /// </summary>
    [Fact]
    public async Task Changing_a_published_recommendations_body_in_the_form_needs_the_right_to_assign()
    {
        const string content = "Đề nghị hỗ trợ kinh phí sinh hoạt chi hội (giao lại)";
        var (client, form) = await FormWithRecommendationAsync("Đối thoại có kiến nghị giao lại", content);
        var published = await form.PostAsync(client, "publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var id = published.Headers.Location!.OriginalString.Split('/')[^1];
        int BodyId() => factory.WithDb(db => db.Recommendations.Where(r => r.Content == content).Select(r => r.AddressedToOrganisationId!.Value).Single());
        var before = BodyId();

        async Task<HttpResponseMessage> ReassignAsync(HttpClient who)
        {
            var edit = await HtmlForm.LoadAsync(who, $"/Meetings/{id}/Edit");
            edit["Input.Speeches[0].Recommendations[0].AddressedTo"] = "Ủy ban nhân dân phường Kỳ Phương";
            edit["Input.ChangeReason"] = "Giao lại cho Ủy ban";
            return await edit.PostAsync(who, "save");
        }

        var refused = await ReassignAsync(client);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("ở trang của kiến nghị", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, BodyId());

        Assert.Equal(HttpStatusCode.Redirect, (await ReassignAsync(await factory.SignInAsync("quantri.kyphuong"))).StatusCode);
        Assert.NotEqual(before, BodyId());
    }

    /// <summary>
    /// The same right by another route (found by a fresh tester): removing the published recommendation and adding
    /// it again with another body, in one save, re-assigned it and silently took it from the first body.
    /// </summary>
    [Fact]
    public async Task Removing_a_published_recommendation_from_its_body_or_adding_one_with_a_body_needs_the_right_to_assign()
    {
        const string content = "Đề nghị sửa chữa nhà văn hóa khu dân cư (xóa rồi thêm)";
        var (client, form) = await FormWithRecommendationAsync("Đối thoại có kiến nghị xóa rồi thêm", content);
        var published = await form.PostAsync(client, "publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var id = published.Headers.Location!.OriginalString.Split('/')[^1];
        var before = factory.WithDb(db => db.Recommendations.Where(r => r.Content == content).Select(r => new { r.Id, r.AddressedToOrganisationId }).Single());

        var edit = await HtmlForm.LoadAsync(client, $"/Meetings/{id}/Edit");
        edit["Input.ChangeReason"] = "Ghi lại kiến nghị";
        var removed = HtmlForm.From(Html.Parse(await (await edit.PostAsync(client, "remove-rec:0:0")).Content.ReadAsStringAsync()), $"/Meetings/{id}/Edit");
        var added = HtmlForm.From(Html.Parse(await (await removed.PostAsync(client, "add-rec:0")).Content.ReadAsStringAsync()), $"/Meetings/{id}/Edit");
        added["Input.Speeches[0].Recommendations[0].Content"] = content;
        added["Input.Speeches[0].Recommendations[0].RaisedBy"] = "Ủy ban MTTQ phường Kỳ Phương";
        added["Input.Speeches[0].Recommendations[0].AddressedTo"] = "Ủy ban nhân dân phường Kỳ Phương";
        var refused = await added.PostAsync(client, "save");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("ở trang của kiến nghị", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = factory.WithDb(db => db.Recommendations.Where(r => r.Content == content).Select(r => new { r.Id, r.AddressedToOrganisationId }).Single());
        Assert.Equal(before, after);
    }
}
