using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;

namespace MeetingPortal.Domain.Tests;

/// <summary>Issue 18, deliver 6: a meeting's report on the unresolved recommendations of its unit's earlier dialogues.</summary>
public sealed class CarriedOverTests
{
    private const int Unit = 7;
    private static readonly DateOnly HeldOn = new(2022, 6, 28);

    private static Meeting NewMeeting() => new(Unit, MeetingType.Dialogue, "Đối thoại quý II", HeldOn);

    private static CarriedOverReport Earlier(int id, RecommendationStatus status = RecommendationStatus.Assigned, int unit = Unit, int daysBefore = 90, bool published = true) =>
        new(id, unit, HeldOn.AddDays(-daysBefore), published, status, 2, HeldOn.AddDays(-daysBefore - 90));

    [Fact]
    public void The_report_holds_the_given_lines_in_order_with_what_they_reported()
    {
        var meeting = NewMeeting();
        meeting.ReportCarriedOver([Earlier(11, RecommendationStatus.Answered), Earlier(12), Earlier(11)]);

        Assert.Equal([11, 12], meeting.CarriedOver.Select(c => c.RecommendationId));
        Assert.Equal([1, 2], meeting.CarriedOver.Select(c => c.Order));
        var first = meeting.CarriedOver[0];
        Assert.Equal(RecommendationStatus.Answered, first.ReportedStatus);
        Assert.Equal(2, first.TimesRaised);
        Assert.Equal(HeldOn.AddDays(-180), first.FirstRaisedOn);
    }

    [Fact]
    public void A_line_kept_keeps_what_it_reported_and_takes_its_new_place()
    {
        var meeting = NewMeeting();
        meeting.ReportCarriedOver([Earlier(11), Earlier(12)]);

        // Since then 12 was answered, and 11 resolved: the report still says what was said at the meeting.
        meeting.ReportCarriedOver([Earlier(12, RecommendationStatus.Answered), Earlier(11, RecommendationStatus.Resolved)]);

        Assert.Equal([12, 11], meeting.CarriedOver.Select(c => c.RecommendationId));
        Assert.Equal([1, 2], meeting.CarriedOver.Select(c => c.Order));
        Assert.All(meeting.CarriedOver, c => Assert.Equal(RecommendationStatus.Assigned, c.ReportedStatus));
    }

    [Fact]
    public void An_empty_list_leaves_no_report()
    {
        var meeting = NewMeeting();
        meeting.ReportCarriedOver([Earlier(11)]);
        meeting.ReportCarriedOver([]);
        Assert.Empty(meeting.CarriedOver);
    }

    public static TheoryData<string, CarriedOverReport> Refused => new()
    {
        { "meeting.carry-not-earlier", Earlier(11, unit: Unit + 1) },
        { "meeting.carry-not-earlier", Earlier(11, daysBefore: 0) },
        { "meeting.carry-not-earlier", Earlier(11, daysBefore: -1) },
        { "meeting.carry-not-earlier", Earlier(11, published: false) },
        { "meeting.carry-resolved", Earlier(11, RecommendationStatus.Resolved) },
        { "meeting.carry-resolved", Earlier(11, RecommendationStatus.Closed) },
        { "meeting.carry-times", Earlier(11) with { TimesRaised = 0 } },
        { "meeting.carry-times", Earlier(11) with { FirstRaisedOn = HeldOn.AddDays(-1) } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_line_that_is_not_an_earlier_unresolved_recommendation_of_the_unit_is_refused_and_nothing_changes(string code, CarriedOverReport report)
    {
        var meeting = NewMeeting();
        meeting.ReportCarriedOver([Earlier(5)]);

        var refused = Assert.Throws<DomainException>(() => meeting.ReportCarriedOver([Earlier(6), report]));

        Assert.Equal(code, refused.Code);
        Assert.Equal([5], meeting.CarriedOver.Select(c => c.RecommendationId));
    }

    [Fact]
    public void A_kept_line_still_has_to_be_of_an_earlier_meeting_of_the_unit_when_the_meeting_moves()
    {
        var meeting = NewMeeting();
        meeting.ReportCarriedOver([Earlier(11, daysBefore: 10)]);
        meeting.HeldOn = HeldOn.AddDays(-20);

        var refused = Assert.Throws<DomainException>(() => meeting.ReportCarriedOver([Earlier(11, daysBefore: 10)]));
        Assert.Equal("meeting.carry-not-earlier", refused.Code);
    }
}
