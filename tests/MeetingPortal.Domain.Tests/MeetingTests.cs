using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;

namespace MeetingPortal.Domain.Tests;

public sealed class MeetingTests
{
    private static Meeting NewMeeting() => new(1, MeetingType.Dialogue, "Đối thoại quý I", new DateOnly(2022, 3, 16));

    [Fact]
    public void In_person_meeting_takes_no_connected_points()
    {
        var meeting = NewMeeting();
        Assert.Throws<DomainException>(() => meeting.SetFormat(MeetingFormat.InPerson, 3));
        meeting.SetFormat(MeetingFormat.Online, 15);
        Assert.Equal(15, meeting.ConnectedPoints);
        Assert.Throws<DomainException>(() => meeting.SetFormat(MeetingFormat.Hybrid, -1));
    }

    /// <summary>Issue 16, deliver 5: a new record does not know how the meeting was held until it is told.</summary>
    [Fact]
    public void A_new_meeting_has_its_format_not_stated_and_no_connected_points_without_a_format()
    {
        var meeting = NewMeeting();
        Assert.Equal(MeetingFormat.NotStated, meeting.Format);
        Assert.Equal(MeetingFormat.NotStated, default(MeetingFormat));
        Assert.Throws<DomainException>(() => meeting.SetFormat(MeetingFormat.NotStated, 15));
    }

    /// <summary>Issue 16: the facts of a biên bản hold only what can be true.</summary>
    [Fact]
    public void End_time_attendance_and_provenance_refuse_what_cannot_be_true()
    {
        var meeting = NewMeeting();
        meeting.StartTime = new TimeOnly(14, 0);
        Assert.Throws<DomainException>(() => meeting.SetEndTime(new TimeOnly(13, 0)));
        meeting.SetEndTime(new TimeOnly(16, 30));
        Assert.Equal(new TimeOnly(16, 30), meeting.EndTime);

        Assert.Throws<DomainException>(() => meeting.SetStatedAttendance(27, 26, 2, null));
        Assert.Throws<DomainException>(() => meeting.SetStatedAttendance(-1, null, null, null));
        meeting.SetStatedAttendance(27, 25, 2, "vắng 2 đồng chí có lý do");
        meeting.SetStatedAttendance(null, 25, null, null);
        Assert.Null(meeting.StatedInvitedCount);

        Assert.Throws<DomainException>(() => meeting.SetSource(null, rebuiltFromSecondarySource: true));
        meeting.SetSource("Báo Hà Tĩnh", rebuiltFromSecondarySource: true);
        Assert.True(meeting.RebuiltFromSecondarySource);

        var participant = meeting.AddParticipant(1, ParticipantRole.Secretary, "Thư ký", null);
        Assert.Equal(Attendance.NotStated, participant.Attendance);
        Assert.Throws<DomainException>(() => participant.RecordAttendance(Attendance.Present, "ốm"));
        participant.RecordAttendance(Attendance.Absent, "ốm");
        Assert.Equal("ốm", participant.AbsenceReason);
    }

    [Fact]
    public void Speeches_recommendations_and_directives_are_numbered_in_order()
    {
        var meeting = NewMeeting();
        var first = meeting.AddSpeech(SpeechKind.Report, "Báo cáo", null, null, 1);
        var second = meeting.AddSpeech(SpeechKind.Recommendation, "Kiến nghị", 7, "Chủ tịch", 2);
        var recommendation = meeting.RaiseRecommendation(second, "Tăng kinh phí", 2, 7);
        var directive = meeting.AddDirective("Rà soát kế hoạch", [3, 3, 4], null);

        Assert.Equal([1, 2], meeting.Speeches.Select(s => s.Order));
        Assert.Same(second, recommendation.Speech);
        Assert.Equal(1, recommendation.Order);
        Assert.Equal([3, 4], directive.Assignees.Select(a => a.OrganisationId));
        Assert.NotSame(first, recommendation.Speech);
    }

    [Fact]
    public void A_recommendation_cannot_point_at_another_meetings_speech()
    {
        var other = NewMeeting().AddSpeech(SpeechKind.Opinion, "Ý kiến", null, null, null);
        Assert.Throws<DomainException>(() => NewMeeting().RaiseRecommendation(other, "x", 1, null));
    }

    [Fact]
    public void Publishing_needs_a_speech_and_happens_once()
    {
        var meeting = NewMeeting();
        Assert.Throws<DomainException>(() => meeting.Publish(DateTime.UtcNow));
        Assert.Equal(MeetingStatus.Draft, meeting.Status);

        meeting.AddSpeech(SpeechKind.Conclusion, "Kết luận", null, null, null);
        meeting.HostOrganisationId = 7;
        var at = new DateTime(2022, 3, 17, 8, 0, 0, DateTimeKind.Utc);
        meeting.Publish(at);
        Assert.Equal(MeetingStatus.Published, meeting.Status);
        Assert.Equal(at, meeting.PublishedAtUtc);
        Assert.Throws<DomainException>(() => meeting.Publish(at));
    }

    /// <summary>Issue 13, fault 3: the import published a meeting without a host that the form refused.</summary>
    [Fact]
    public void Publishing_needs_a_host_and_says_so_by_its_code()
    {
        var meeting = NewMeeting();
        meeting.AddSpeech(SpeechKind.Opinion, "Ý kiến", null, null, null);
        var refused = Assert.Throws<DomainException>(() => meeting.Publish(DateTime.UtcNow));
        Assert.Equal(PublishRule.HostMissing, refused.Code);
        Assert.Equal(MeetingStatus.Draft, meeting.Status);
        Assert.Empty(meeting.TakeDomainEvents());

        meeting.HostOrganisationId = 3;
        meeting.Publish(DateTime.UtcNow);
        Assert.Equal(meeting, Assert.IsType<MeetingPublished>(Assert.Single(meeting.TakeDomainEvents())).Meeting);
    }

    [Theory]
    [InlineData(false, 0, new[] { PublishRule.HostMissing, PublishRule.SpeechMissing })]
    [InlineData(true, 0, new[] { PublishRule.SpeechMissing })]
    [InlineData(false, 2, new[] { PublishRule.HostMissing })]
    [InlineData(true, 1, new string[0])]
    public void The_publish_rule_lists_what_is_missing(bool hasHost, int speeches, string[] expected) =>
        Assert.Equal(expected, PublishRule.Check(hasHost, speeches));

    [Fact]
    public void Period_round_trips_through_its_columns()
    {
        var meeting = NewMeeting();
        meeting.Period = new ReviewPeriod(PeriodKind.FirstMonths, 2022, 7);
        Assert.Equal(PeriodKind.FirstMonths, meeting.PeriodKind);
        Assert.Equal(new ReviewPeriod(PeriodKind.FirstMonths, 2022, 7), meeting.Period);
        meeting.Period = null;
        Assert.Null(meeting.PeriodYear);
    }
}
