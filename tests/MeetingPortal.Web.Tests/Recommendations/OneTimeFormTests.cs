using System.Globalization;
using System.Net;
using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Recommendations;

/// <summary>
/// Issue 13, fault 7: a double click on "Lưu nháp" made two meetings. Every form that creates or acts
/// carries a one-time token; the second post of a token is sent where the first went and changes nothing.
/// </summary>
public sealed class OneTimeFormTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static FormUrlEncodedContent Encode(HtmlForm form, string? op = null) =>
        new(op is null ? form.Fields : form.Fields.Append(new KeyValuePair<string, string>("op", op)));

    [Fact]
    public async Task A_meeting_form_posted_twice_makes_one_meeting_and_both_answers_lead_to_it()
    {
        var client = await factory.SignInAsync("thuky.kyphuong");
        var form = await HtmlForm.LoadAsync(client, "/Meetings/Create");
        form["Input.Title"] = "Đối thoại bấm lưu hai lần";
        form["Input.Speeches[0].Content"] = "Báo cáo";
        var before = factory.WithDb(db => db.Meetings.Count());

        var first = await client.PostAsync(form.Action, Encode(form, "save"));
        var second = await client.PostAsync(form.Action, Encode(form, "save"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(before + 1, factory.WithDb(db => db.Meetings.Count()));
    }

    [Fact]
    public async Task Two_posts_of_one_form_at_the_same_moment_make_one_meeting()
    {
        var client = await factory.SignInAsync("thuky.kyphuong");
        var form = await HtmlForm.LoadAsync(client, "/Meetings/Create");
        form["Input.Title"] = "Đối thoại gửi cùng lúc từ hai thẻ";
        form["Input.Speeches[0].Content"] = "Báo cáo";

        var answers = await Task.WhenAll(client.PostAsync(form.Action, Encode(form, "save")), client.PostAsync(form.Action, Encode(form, "save")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Equal(answers[0].Headers.Location, answers[1].Headers.Location);
        Assert.Equal(1, factory.WithDb(db => db.Meetings.Count(m => m.Title == "Đối thoại gửi cùng lúc từ hai thẻ")));
    }

    [Fact]
    public async Task A_refused_post_frees_its_token_for_the_corrected_form()
    {
        var client = await factory.SignInAsync("thuky.kyphuong");
        var form = await HtmlForm.LoadAsync(client, "/Meetings/Create");
        form["Input.Title"] = string.Empty;
        form["Input.Speeches[0].Content"] = "Báo cáo";
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(form.Action, Encode(form, "save"))).StatusCode);

        form["Input.Title"] = "Đối thoại sửa lỗi rồi lưu";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(form.Action, Encode(form, "save"))).StatusCode);
        Assert.Equal(1, factory.WithDb(db => db.Meetings.Count(m => m.Title == "Đối thoại sửa lỗi rồi lưu")));
    }

    /// <summary>
    /// A double click on a form with a mistake: the replay waiting on the refused first post answered 409. Now it is
    /// acted on itself once the first frees its token (and shows the same messages).
    /// </summary>
    [Fact]
    public async Task A_replay_waiting_on_a_refused_post_is_acted_on_when_the_first_frees_its_token()
    {
        using var first = factory.Services.CreateScope();
        using var second = factory.Services.CreateScope();
        var firstStore = first.ServiceProvider.GetRequiredService<MeetingPortal.Infrastructure.Submissions.FormSubmissions>();
        var secondStore = second.ServiceProvider.GetRequiredService<MeetingPortal.Infrastructure.Submissions.FormSubmissions>();
        Assert.True((await firstStore.ClaimOrAwaitAsync("refused-token", "thuky.kyphuong", CancellationToken.None)).Claimed);

        var replay = secondStore.ClaimOrAwaitAsync("refused-token", "thuky.kyphuong", CancellationToken.None);
        await Task.Delay(500);
        Assert.False(replay.IsCompleted);
        await firstStore.ForgetAsync("refused-token", "thuky.kyphuong", CancellationToken.None);

        Assert.Equal((true, (string?)null), await replay);
    }

    /// <summary>A replay of a post that succeeded is sent where the first went and is not acted on.</summary>
    [Fact]
    public async Task A_replay_of_a_post_that_succeeded_is_sent_where_the_first_went()
    {
        using var scope = factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<MeetingPortal.Infrastructure.Submissions.FormSubmissions>();
        Assert.True((await store.ClaimOrAwaitAsync("done-token", "thuky.kyphuong", CancellationToken.None)).Claimed);
        await store.CompleteAsync("done-token", "thuky.kyphuong", "/Meetings/1", CancellationToken.None);

        Assert.Equal((false, "/Meetings/1"), await store.ClaimOrAwaitAsync("done-token", "thuky.kyphuong", CancellationToken.None));
    }

    /// <summary>Tokens are forgotten after a day by the housekeeping round, whether or not the due-date check runs (it used to do this, and is off in some installations).</summary>
    [Fact]
    public async Task Tokens_older_than_a_day_are_forgotten_and_newer_ones_kept()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        db.FormSubmissions.Add(new MeetingPortal.Infrastructure.Submissions.FormSubmission("old-token", "thuky.kyphuong", now.AddDays(-2)));
        db.FormSubmissions.Add(new MeetingPortal.Infrastructure.Submissions.FormSubmission("new-token", "thuky.kyphuong", now.AddHours(-1)));
        await db.SaveChangesAsync();

        await scope.ServiceProvider.GetRequiredService<MeetingPortal.Infrastructure.Submissions.FormSubmissions>().ForgetExpiredAsync(CancellationToken.None);

        Assert.Equal(["new-token"], factory.WithDb(d => d.FormSubmissions.Where(s => s.Token.EndsWith("-token")).Select(s => s.Token).ToList()));
    }

    [Fact]
    public async Task An_upload_sent_twice_imports_once_and_shows_the_same_report()
    {
        var client = await factory.SignInAsync("thuky.kyphuong");
        var page = await client.GetHtmlAsync("/Meetings/Import");
        var hidden = page.Node("//form[@method='post']").SelectNodes(".//input[@type='hidden']")!
            .Select(h => (h.GetAttributeValue("name", ""), h.GetAttributeValue("value", ""))).ToList();
        const string json = """
            {"formatVersion":1,"meetings":[{"unit":"p-ky-phuong","type":"dialogue","title":"Tệp gửi hai lần","heldOn":"2026-11-02",
             "speeches":[{"kind":"opinion","content":"Ý kiến"}]}]}
            """;
        MultipartFormDataContent Upload()
        {
            var content = new MultipartFormDataContent();
            foreach (var (name, value) in hidden)
            {
                content.Add(new StringContent(value), name);
            }

            content.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json)), "files", "twice.json");
            return content;
        }

        var first = await client.PostAsync("/Meetings/Import", Upload());
        var second = await client.PostAsync("/Meetings/Import", Upload());

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, factory.WithDb(db => db.Meetings.Count(m => m.Title == "Tệp gửi hai lần")));
        Assert.Contains("Tệp gửi hai lần", (await client.GetHtmlAsync(second.Headers.Location!.OriginalString)).Text(), StringComparison.Ordinal);
    }

    private static readonly string[] ActionNames = ["Assign", "Respond", "Forward", "Return", "Close", "Reopen", "Judge", "Link", "Unlink"];

    public static TheoryData<string> Actions() => new(ActionNames);

    /// <summary>Every recommendation action, posted twice with one token: one change, and both answers lead back to the recommendation.</summary>
    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Every_recommendation_action_posted_twice_acts_once(string action)
    {
        var (id, earlier) = await PrepareAsync(action);
        var client = await factory.SignInAsync("theodoi.kyphuong");
        var url = $"/Recommendations/{id}";
        var page = await client.GetHtmlAsync(url);
        var form = action is "Link"
            ? HtmlForm.From(page, url, "//form[contains(@action,'handler=Unlink') or contains(@action,'handler=Reopen') or contains(@action,'handler=Close') or contains(@action,'handler=Assign')]")
            : HtmlForm.From(page, url, $"//form[contains(@action,'handler={action}')]");
        var target = action is "Link" ? $"{url}?handler=Link" : form.Action;
        var bodies = page.Nodes("//select[@id='assign-body' or @id='forward-body']/option").Select(o => o.GetAttributeValue("value", "")).Where(v => v.Length > 0).ToList();
        switch (action)
        {
            case "Assign":
                form["Assign.OrganisationId"] = bodies[^1];
                break;
            case "Respond":
                form["Respond.Kind"] = "Accepted";
                form["Respond.Content"] = "Tiếp thu, sẽ bố trí";
                break;
            case "Forward":
                form["Forward.OrganisationId"] = bodies.First(b => b != factory.WithDb(db => db.Recommendations.Single(r => r.Id == id).AddressedToOrganisationId)?.ToString(CultureInfo.InvariantCulture));
                form["Forward.Reason"] = "Vượt thẩm quyền";
                break;
            case "Return" or "Reopen":
                form["Reason.Text"] = "Không thuộc thẩm quyền";
                break;
            case "Judge":
                form.Fields["satisfied"] = "true";
                break;
            case "Link":
                // Linking is offered among the suggestions; the post carries the token of any form on the page and the version the user saw.
                form.Fields["earlierId"] = earlier.ToString(CultureInfo.InvariantCulture);
                form.Fields["Reason.Version"] = factory.WithDb(db => db.Recommendations.Single(r => r.Id == id).Version).ToString(CultureInfo.InvariantCulture);
                break;
        }

        var eventsBefore = EventCount(id);
        var versionBefore = factory.WithDb(db => db.Recommendations.Single(r => r.Id == id).Version);
        HttpContent Body() => action == "Respond" ? Multipart(form) : new FormUrlEncodedContent(form.Fields);

        var first = await client.PostAsync(target, Body());
        var second = await client.PostAsync(target, Body());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(versionBefore + 1, factory.WithDb(db => db.Recommendations.Single(r => r.Id == id).Version));
        // One event in the recommendation's history for each action that writes one (linking is not a step of its own).
        Assert.Equal(action is "Link" or "Unlink" ? 0 : 1, EventCount(id) - eventsBefore);
    }

    private int EventCount(int id) => factory.WithDb(db => db.RecommendationEvents.Count(e => e.RecommendationId == id));

    private static MultipartFormDataContent Multipart(HtmlForm form)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in form.Fields)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }

    /// <summary>A new published meeting of Kỳ Phương with two recommendations, the second put in a state the action applies to, through the domain.</summary>
    private async Task<(int Id, int Earlier)> PrepareAsync(string action)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var unit = await db.Units.Where(u => u.Code == "p-ky-phuong").Select(u => u.Id).SingleAsync();
        var body = await db.Organisations.Where(o => o.Name == "Đảng ủy phường Kỳ Phương").Select(o => o.Id).SingleAsync();
        var other = await db.Organisations.Where(o => o.Name == "Ủy ban nhân dân phường Kỳ Phương").Select(o => o.Id).SingleAsync();
        var meeting = new Meeting(unit, MeetingType.Dialogue, $"Đối thoại thử thao tác {action}", new DateOnly(2026, 11, 2)) { HostOrganisationId = body };
        var speech = meeting.AddSpeech(SpeechKind.Recommendation, "Ý kiến", null, null, null);
        var r = meeting.RaiseRecommendation(speech, $"Kiến nghị thử thao tác {action}", body, null);
        meeting.Publish(DateTime.UtcNow);
        db.Meetings.Add(meeting);

        // The earlier raising belongs to an earlier meeting: items of one meeting are never linked as a recurrence.
        var before = new Meeting(unit, MeetingType.Dialogue, $"Đối thoại trước ({action})", new DateOnly(2026, 10, 2)) { HostOrganisationId = body };
        var earlier = before.RaiseRecommendation(before.AddSpeech(SpeechKind.Recommendation, "Ý kiến", null, null, null), $"Kiến nghị trước ({action})", body, null);
        before.Publish(DateTime.UtcNow);
        db.Meetings.Add(before);
        await db.SaveChangesAsync();

        var by = new Actor("test", DateTime.UtcNow);
        var day = new DateOnly(2026, 11, 3);
        if (action != "Link" && action != "Unlink")
        {
            r.AssignTo(body, Deadline.None, by);
        }

        switch (action)
        {
            case "Return":
                r.Forward(other, Deadline.None, "Chuyển thử", by);
                break;
            case "Close":
                r.Respond(ResponseKind.Resolved, day, body, null, "Đã giải quyết", by);
                break;
            case "Reopen" or "Judge":
                r.Respond(ResponseKind.Accepted, day, body, null, "Tiếp thu", by);
                break;
            case "Unlink":
                r.LinkAsRecurrenceOf(earlier, meeting.HeldOn, meeting.HeldOn);
                break;
        }

        await db.SaveChangesAsync();
        return (r.Id, earlier.Id);
    }
}
