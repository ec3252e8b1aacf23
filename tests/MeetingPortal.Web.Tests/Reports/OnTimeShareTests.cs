using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Reports;

/// <summary>
/// Issue 15, item 1: a ward's six recommendations to its Party committee, one answered: the province summary showed
/// "1 / 1 (100%)" and ranked the body first. The on-time share now counts every item that fell due, answered or not;
/// items without a due date are a figure of their own; a body is ranked only with five items due.
/// </summary>
public sealed class OnTimeShareTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly Actor By = new("test", new DateTime(2021, 8, 10, 3, 0, 0, DateTimeKind.Utc));

    /// <summary>Six items of a published ward meeting held on <paramref name="held"/> to the ward's Party committee; <paramref name="dueOn"/> for the five unanswered.</summary>
    private void Publish(string title, DateOnly held, DateOnly? dueOn)
    {
        factory.WithDb(db =>
        {
            var unit = db.Units.Single(u => u.Code == "p-ky-phuong");
            var body = db.Organisations.Single(o => o.Name == "Đảng ủy phường Kỳ Phương").Id;
            var meeting = new Meeting(unit.Id, MeetingType.Dialogue, title, held) { HostOrganisationId = body };
            var speech = meeting.AddSpeech(SpeechKind.Opinion, "Ý kiến của đại biểu", null, null, null);
            var items = Enumerable.Range(1, 6).Select(i => meeting.RaiseRecommendation(speech, $"{title}: kiến nghị {i}", null, null)).ToList();
            meeting.Publish(By.AtUtc);
            db.Meetings.Add(meeting);
            db.SaveChanges();
            items[0].AssignTo(body, Deadline.Given(held.AddDays(20)), By);
            items[0].Respond(ResponseKind.Accepted, held.AddDays(5), body, null, "Tiếp thu", By);
            foreach (var item in items.Skip(1))
            {
                item.AssignTo(body, dueOn is { } d ? Deadline.Given(d) : Deadline.None, By);
            }

            db.SaveChanges();
            return 0;
        });
    }

    [Fact]
    public async Task Five_unanswered_items_without_a_due_date_are_shown_apart_and_the_body_is_not_ranked()
    {
        Publish("Đối thoại không đặt hạn", new DateOnly(2021, 8, 10), dueOn: null);
        var province = factory.WithDb(db => db.Units.Single(u => u.Code == "ha-tinh").Id);
        var page = await (await factory.SignInAsync("lanhdao.hatinh")).GetHtmlAsync($"/Reports/Quarterly?unit={province}&year=2021&quarter=3");

        Assert.Equal("1 / 1 (100%)", page.Cell("Trả lời đúng hạn / đã đến hạn", 1, "figures"));
        Assert.Equal("5", page.Cell("Không có hạn trả lời", 1, "figures"));
        Assert.Equal("—", page.Cell("Đảng ủy phường Kỳ Phương", 1, "scorecards"));
        Assert.Equal("1 / 1 (100%)", page.Cell("Đảng ủy phường Kỳ Phương", 3, "scorecards"));
        Assert.Equal("5", page.Cell("Đảng ủy phường Kỳ Phương", 4, "scorecards"));
    }

    [Fact]
    public async Task Five_overdue_unanswered_items_count_in_the_share_and_the_body_is_ranked_at_one_in_six()
    {
        Publish("Đối thoại quá hạn", new DateOnly(2021, 11, 10), dueOn: new DateOnly(2021, 11, 30));
        var province = factory.WithDb(db => db.Units.Single(u => u.Code == "ha-tinh").Id);
        var page = await (await factory.SignInAsync("lanhdao.hatinh")).GetHtmlAsync($"/Reports/Quarterly?unit={province}&year=2021&month=11");

        Assert.Equal("1 / 6 (17%)", page.Cell("Trả lời đúng hạn / đã đến hạn", 1, "figures"));
        Assert.Equal("1", page.Cell("Đảng ủy phường Kỳ Phương", 1, "scorecards"));
        Assert.Equal("1 / 6 (17%)", page.Cell("Đảng ủy phường Kỳ Phương", 3, "scorecards"));
        Assert.Contains("Đảng ủy phường Kỳ Phương 17%", page.Node("//section[@aria-labelledby='attention']").InnerText, StringComparison.Ordinal);
    }
}
