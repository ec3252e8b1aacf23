using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Plans;

namespace MeetingPortal.Domain.Tests;

/// <summary>Issue 18, deliver 2 (ADR 0026): a recommendation gathered before a planned dialogue, its states and rules.</summary>
public sealed class GatheredRecommendationTests
{
    private const int Front = 7;
    private static readonly DateOnly SentOn = new(2026, 5, 4);

    private static PlannedDialogue Entry() => new(1, new ReviewPeriod(PeriodKind.Quarter, 2026, 2), "Đối thoại về xây dựng nông thôn mới");

    [Fact]
    public void A_dialogue_takes_recommendations_until_it_is_held_or_taken_off_the_plan()
    {
        Assert.Equal(GatheredRecommendationState.Submitted, new GatheredRecommendation(Entry(), "  Đề nghị sửa đường ", Front, SentOn).StateWhen(false));
        Assert.Equal("Đề nghị sửa đường", new GatheredRecommendation(Entry(), "  Đề nghị sửa đường ", Front, SentOn).Content);

        var held = Entry();
        held.LinkMeeting(PublishedMeetings.On(new DateOnly(2026, 6, 10)));
        Assert.Equal("gathered.closed", Assert.Throws<DomainException>(() => new GatheredRecommendation(held, "Đề nghị", Front, SentOn)).Code);

        var cancelled = Entry();
        cancelled.Cancel("Gộp vào quý sau", SentOn);
        Assert.Equal("gathered.closed", Assert.Throws<DomainException>(() => new GatheredRecommendation(cancelled, "Đề nghị", Front, SentOn)).Code);

        // A draft record linked does not close it: the dialogue is not yet a record (ADR 0012).
        var drafted = Entry();
        drafted.LinkMeeting(new Meeting(1, MeetingType.Dialogue, "Đối thoại", new DateOnly(2026, 6, 10)));
        Assert.True(GatheredRecommendation.IsGathering(drafted));
    }

    [Fact]
    public void An_empty_or_too_long_text_is_refused()
    {
        Assert.Equal("gathered.content", Assert.Throws<DomainException>(() => new GatheredRecommendation(Entry(), "   ", Front, SentOn)).Code);
        Assert.Equal("gathered.content", Assert.Throws<DomainException>(() => new GatheredRecommendation(Entry(), new string('x', GatheredRecommendation.ContentMaxLength + 1), Front, SentOn)).Code);
    }

    [Fact]
    public void Once_on_the_agenda_the_raising_body_can_no_longer_change_it()
    {
        var gathered = new GatheredRecommendation(Entry(), "Đề nghị", Front, SentOn);
        gathered.Change("Đề nghị sửa chữa đường liên thôn", 3, 9);
        Assert.Equal(("Đề nghị sửa chữa đường liên thôn", (int?)3, (int?)9), (gathered.Content, gathered.ThemeId, gathered.AddressedToOrganisationId));

        gathered.PutOnAgenda(true);
        Assert.Equal(GatheredRecommendationState.OnAgenda, gathered.StateWhen(false));
        Assert.False(gathered.MayChange);
        Assert.Equal("gathered.taken", Assert.Throws<DomainException>(() => gathered.Change("Khác", null, null)).Code);
        gathered.PutOnAgenda(false);
        Assert.True(gathered.MayChange);
    }

    [Fact]
    public void Raised_at_the_held_meeting_its_text_and_body_are_copied_once_and_what_was_not_raised_reads_so()
    {
        var entry = Entry();
        var gathered = new GatheredRecommendation(entry, "Đề nghị lắp đèn chiếu sáng", Front, SentOn) { ThemeId = 4 };
        var other = new GatheredRecommendation(entry, "Đề nghị nạo vét kênh", Front, SentOn);
        var meeting = PublishedMeetings.On(new DateOnly(2026, 6, 10));
        Assert.Equal("gathered.meeting", Assert.Throws<DomainException>(() => gathered.RaiseAt(meeting, meeting.Speeches[0])).Code);
        entry.LinkMeeting(meeting);

        var raised = gathered.RaiseAt(meeting, meeting.Speeches[0]);
        Assert.Equal(("Đề nghị lắp đèn chiếu sáng", (int?)Front, (int?)4), (raised.Content, raised.RaisedByOrganisationId, raised.ThemeId));
        Assert.Same(meeting.Speeches[0], raised.Speech);
        Assert.Contains(raised, meeting.Recommendations);
        Assert.Equal(GatheredRecommendationState.Raised, gathered.StateWhen(true));
        Assert.Equal("gathered.raised", Assert.Throws<DomainException>(() => gathered.RaiseAt(meeting, meeting.Speeches[0])).Code);
        Assert.Equal("gathered.raised", Assert.Throws<DomainException>(() => gathered.PutOnAgenda(false)).Code);
        Assert.Equal("gathered.raised", Assert.Throws<DomainException>(() => gathered.LinkRaised(raised)).Code);

        Assert.Equal(GatheredRecommendationState.NotRaised, other.StateWhen(true));
        other.LinkRaised(meeting.Recommendations[0]);
        Assert.Equal(GatheredRecommendationState.Raised, other.StateWhen(true));
    }
}
