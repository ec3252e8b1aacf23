using System.Net;
using MeetingPortal.Application.Recommendations;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Web.Tests.Plans;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Raising;

/// <summary>
/// Issue 18, deliver 2 and "not done if" (ADR 0026): at the meeting a gathered recommendation is raised from the agenda,
/// its text copied into the meeting's record, never typed again; what was gathered but not raised stays visible; the
/// raising body hears of the answer; the agenda carries the unit's unresolved matters over, each once.
/// </summary>
public sealed class DialogueAgendaTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly ReviewPeriod Q2Of2022 = new(PeriodKind.Quarter, 2022, 2);

    private Task<HttpResponseMessage> PostAsync(HttpClient client, int entry, string handler, int item, params (string Name, string Value)[] fields) =>
        client.PostFieldsAsync($"/Plans/Agenda/{entry}", $"/Plans/Agenda/{entry}?handler={handler}&item={item}", [.. fields, ("version", PlanFixtures.Id(factory.Gathered(item).Version))]);

    [Fact]
    public async Task A_gathered_recommendation_is_raised_at_the_meeting_without_typing_it_again()
    {
        var front = factory.BodyOf(PortalRoutes.RaiserUser);
        var committee = factory.Body("p-ky-phuong", OrganisationKind.PartyCommittee);
        var meeting = factory.KyPhuongMeeting();
        factory.FreeKyPhuongMeeting();
        var entry = factory.AddEntry("p-ky-phuong", Q2Of2022, "Đối thoại với Mặt trận và các đoàn thể về công tác cán bộ cơ sở");
        const string lights = "Đề nghị lắp đặt hệ thống đèn chiếu sáng công cộng trên tuyến đường ven biển tổ dân phố Hải Phong.";
        var raised = factory.AddGathered(entry, front, lights);
        factory.WithDb(db =>
        {
            db.GatheredRecommendations.Single(g => g.Id == raised).AddressedToOrganisationId = committee;
            return db.SaveChanges();
        });
        var notRaised = factory.AddGathered(entry, front, "Đề nghị nạo vét kênh tiêu thoát nước nội đồng trước mùa mưa bão.");
        var recorder = await factory.SignInAsync("thuky.kyphuong");

        // Before the dialogue is held nothing is "not raised" yet: the count says what was sent and what is on the agenda.
        Assert.Equal("2 kiến nghị đã gửi; 0 đã đưa vào chương trình đối thoại.",
            (await (await factory.SignInAsync("thuky.kyphuong")).GetHtmlAsync($"/Plans/Agenda/{entry}")).Node("//section[@aria-labelledby='gathered']/p[@role='status']").InnerText.Trim());

        // Before the meeting is linked there is nothing to raise it at: said in words.
        var early = await PostAsync(recorder, entry, "Raise", raised, ("SpeechId", "1"));
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Chưa gắn hội nghị", Html.Parse(await early.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);

        var link = await recorder.PostFieldsAsync($"/Plans/Entry/{entry}", $"/Plans/Entry/{entry}?handler=Link", ("MeetingId", PlanFixtures.Id(meeting)), ("version", PlanFixtures.Id(factory.Stored(entry).Version)));
        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        var page = await recorder.GetHtmlAsync($"/Plans/Agenda/{entry}");
        Assert.Contains("Chưa được nêu tại đối thoại", page.Node($"//article[@aria-labelledby='g-{raised}']").InnerText, StringComparison.Ordinal);

        // No speech chosen: said beside the choice, and the record gains nothing.
        var count = factory.WithDb(db => db.Recommendations.Count(r => r.MeetingId == meeting));
        var noSpeech = await PostAsync(recorder, entry, "Raise", raised, ("SpeechId", ""));
        Assert.Equal(HttpStatusCode.OK, noSpeech.StatusCode);
        Assert.Contains("Vui lòng chọn ý kiến phát biểu của hội nghị đã nêu kiến nghị này", Html.Parse(await noSpeech.Content.ReadAsStringAsync()).Node($"//*[@id='speech-error-{raised}']").InnerText, StringComparison.Ordinal);
        Assert.Equal(count, factory.WithDb(db => db.Recommendations.Count(r => r.MeetingId == meeting)));

        // A leader may not arrange the agenda.
        var speech = factory.WithDb(db => db.Speeches.Where(s => s.MeetingId == meeting).OrderBy(s => s.Order).Select(s => s.Id).First());
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(await factory.SignInAsync("lanhdao.kyphuong"), entry, "Raise", raised, ("SpeechId", PlanFixtures.Id(speech)))).StatusCode);

        var version = factory.WithDb(db => db.Meetings.Single(m => m.Id == meeting).Version);
        var done = await PostAsync(recorder, entry, "Raise", raised, ("SpeechId", PlanFixtures.Id(speech)));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        // The published record changed as if through its form: a new version (an edit begun before is now stale) and a
        // line in its history naming what came in.
        Assert.Equal(version + 1, factory.WithDb(db => db.Meetings.Single(m => m.Id == meeting).Version));
        var history = (await recorder.GetHtmlAsync($"/Meetings/{meeting}")).Node("//section[@aria-labelledby='history']").InnerText;
        Assert.Contains("gửi trước đối thoại, đã nêu tại hội nghị", history, StringComparison.Ordinal);
        Assert.Contains(lights, history, StringComparison.Ordinal);
        var (state, recommendationId, _, _, _) = factory.Gathered(raised);
        Assert.Equal(GatheredRecommendationState.Raised, state);
        var made = factory.WithDb(db => db.Recommendations.AsNoTracking().Single(r => r.Id == recommendationId));
        Assert.Equal((lights, front, speech, committee), (made.Content, made.RaisedByOrganisationId, made.SpeechId, made.AddressedToOrganisationId));
        Assert.Contains(made.Status, RecommendationStatuses.AwaitingAnswer);
        Assert.Equal(count + 1, factory.WithDb(db => db.Recommendations.Count(r => r.MeetingId == meeting)));
        Assert.Contains(lights, (await recorder.GetHtmlAsync($"/Meetings/{meeting}")).Text(), StringComparison.Ordinal);

        // What was gathered and not raised stays on the agenda, and the Front sees both where they stand.
        page = await recorder.GetHtmlAsync($"/Plans/Agenda/{entry}");
        Assert.Contains("Chưa được nêu tại đối thoại", page.Node($"//article[@aria-labelledby='g-{notRaised}']").InnerText, StringComparison.Ordinal);
        Assert.Contains("Đã nêu tại đối thoại", page.Node($"//article[@aria-labelledby='g-{raised}']").InnerText, StringComparison.Ordinal);

        // Answered at the committee: the Front hears of it and reads it on its own page.
        var answered = await factory.RunAsync<RespondToRecommendation, MeetingPortal.Application.Common.UseCaseResult>("theodoi.kyphuong", (uc, user) =>
            uc.ExecuteAsync(user, new RespondCommand(made.Id, factory.WithDb(db => db.Recommendations.Single(r => r.Id == made.Id).Version), ResponseKind.Accepted, null, "Đảng ủy tiếp thu, giao Ủy ban nhân dân phường khảo sát, lắp đặt trong năm.", null), CancellationToken.None));
        Assert.True(answered.Succeeded);
        var raiserId = factory.WithDb(db => db.Users.Single(u => u.UserName == PortalRoutes.RaiserUser).Id);
        Assert.True(factory.WithDb(db => db.Notifications.Any(n => n.UserId == raiserId && n.RecommendationId == made.Id)));
        var raiser = await factory.SignInAsync(PortalRoutes.RaiserUser);
        Assert.NotEmpty((await raiser.GetHtmlAsync("/Notifications")).Nodes($"//a[@href='/Raising/Recommendation/{made.Id}']"));
        Assert.Contains("Đảng ủy tiếp thu", (await raiser.GetHtmlAsync($"/Raising/Recommendation/{made.Id}")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gathered_recommendation_typed_from_the_floor_is_linked_once_not_raised_twice()
    {
        var front = factory.BodyOf(PortalRoutes.RaiserUser);
        var meeting = factory.KyPhuongMeeting();
        factory.FreeKyPhuongMeeting();
        var entry = factory.AddEntry("p-ky-phuong", Q2Of2022, "Đối thoại về hoạt động của chi hội, chi đoàn");
        var first = factory.AddGathered(entry, front, "Kinh phí hoạt động của các chi hội, chi đoàn còn thiếu.");
        var second = factory.AddGathered(entry, front, "Phụ cấp của cán bộ tổ dân phố còn thấp.");
        var recorder = await factory.SignInAsync("thuky.kyphuong");
        await recorder.PostFieldsAsync($"/Plans/Entry/{entry}", $"/Plans/Entry/{entry}?handler=Link", ("MeetingId", PlanFixtures.Id(meeting)), ("version", PlanFixtures.Id(factory.Stored(entry).Version)));
        var recorded = factory.WithDb(db => db.Recommendations.Where(r => r.MeetingId == meeting && !db.GatheredRecommendations.Any(g => g.RecommendationId == r.Id)).OrderBy(r => r.Order).Select(r => r.Id).First());

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(recorder, entry, "Link", first, ("RecommendationId", PlanFixtures.Id(recorded)))).StatusCode);
        Assert.Equal(recorded, factory.Gathered(first).RecommendationId);

        // The same recommendation for a second one is refused beside the choice; so is one of another meeting.
        var other = factory.WithDb(db => db.Recommendations.Where(r => r.MeetingId != meeting).Select(r => r.Id).First());
        foreach (var id in new[] { recorded, other })
        {
            var refused = await PostAsync(recorder, entry, "Link", second, ("RecommendationId", PlanFixtures.Id(id)));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Vui lòng chọn một kiến nghị", Html.Parse(await refused.Content.ReadAsStringAsync()).Node($"//*[@id='recorded-error-{second}']").InnerText, StringComparison.Ordinal);
            Assert.Null(factory.Gathered(second).RecommendationId);
        }
    }

    [Fact]
    public async Task The_agenda_carries_the_unit_s_unresolved_matters_over_each_once_with_how_often_and_since_when()
    {
        var seedMeeting = factory.KyPhuongMeeting();
        var (unitId, seedRec, seedText) = factory.WithDb(db => db.Recommendations.Where(r => r.MeetingId == seedMeeting).OrderBy(r => r.Order)
            .Select(r => new { r.Meeting!.UnitId, r.Id, r.Content }).AsEnumerable().Select(r => (r.UnitId, r.Id, r.Content)).First());
        var host = factory.Body("p-ky-phuong", OrganisationKind.PartyCommittee);
        const string again = "Nhắc lại: nhân sự ban chấp hành các chi hội, chi đoàn vẫn chưa được kiện toàn.";
        factory.WithDb(db =>
        {
            var m = new Meeting(unitId, MeetingType.Dialogue, "Đối thoại năm 2023", new DateOnly(2023, 6, 20));
            m.SetHost(host, HostBoard.Standing);
            var speech = m.AddSpeech(SpeechKind.Recommendation, "Ý kiến của Mặt trận", null, null, null);
            var r = m.RaiseRecommendation(speech, again, null, null);
            m.Publish(new DateTime(2023, 6, 21, 9, 0, 0, DateTimeKind.Utc));
            db.Meetings.Add(m);
            db.SaveChanges();
            r.LinkAsRecurrenceOf(db.Recommendations.Single(x => x.Id == seedRec), new DateOnly(2022, 6, 28), new DateOnly(2023, 6, 20));
            return db.SaveChanges();
        });
        var entry = factory.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Quarter, 2024, 2), "Đối thoại năm 2024");

        var page = await (await factory.SignInAsync("lanhdao.kyphuong")).GetHtmlAsync($"/Plans/Agenda/{entry}");
        var rows = page.Nodes("//table//tbody/tr");
        var matter = rows.Single(tr => tr.InnerText.Contains("Nhắc lại: nhân sự", StringComparison.Ordinal));
        Assert.Contains("2", matter.SelectNodes("td")![1].InnerText, StringComparison.Ordinal);
        Assert.Contains("28/06/2022", matter.SelectNodes("td")![2].InnerText, StringComparison.Ordinal);
        // The earlier raising of the same matter is not a row of its own.
        Assert.DoesNotContain(rows, tr => tr.InnerText.Contains(seedText[..40], StringComparison.Ordinal));
        Assert.Equal(rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Node("//section[@aria-labelledby='carried']//p[@data-total]").GetAttributeValue("data-total", ""));
    }
}
