using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Plans;

namespace MeetingPortal.Domain.Tests;

/// <summary>Issue 18, deliver 1: an entry of a unit's dialogue plan, its rules and where it stands on a day.</summary>
public sealed class PlannedDialogueTests
{
    private static readonly ReviewPeriod Q2 = new(PeriodKind.Quarter, 2026, 2);

    private static PlannedDialogue Entry(ReviewPeriod? period = null) => new(1, period ?? Q2, "Đối thoại về xây dựng nông thôn mới");

    private static Meeting Draft(DateOnly heldOn, int unitId = 1) => new(unitId, MeetingType.Dialogue, "Hội nghị đối thoại", heldOn) { HostOrganisationId = 1 };

    // Today, and the reminder window's last day.
    private static PlannedDialogueState On(PlannedDialogue entry, DateOnly today) => entry.StateOn(today, today.AddDays(7));

    [Theory]
    [InlineData(PeriodKind.HalfYear, 1)]
    [InlineData(PeriodKind.Year, 1)]
    [InlineData(PeriodKind.FirstMonths, 9)]
    public void Only_a_month_or_a_quarter_is_planned(PeriodKind kind, int number)
    {
        var ex = Assert.Throws<DomainException>(() => Entry(new ReviewPeriod(kind, 2026, number)));
        Assert.Equal("plan.period", ex.Code);
        Assert.Equal("plan.period", Assert.Throws<DomainException>(() => Entry().Change(new ReviewPeriod(kind, 2026, number), "x", null, MeetingFormat.NotStated, false, [])).Code);
    }

    [Fact]
    public void A_topic_is_needed_and_kept_trimmed()
    {
        Assert.Equal("plan.topic", Assert.Throws<DomainException>(() => new PlannedDialogue(1, Q2, "   ")).Code);
        Assert.Equal("plan.topic", Assert.Throws<DomainException>(() => new PlannedDialogue(1, Q2, new string('x', PlannedDialogue.TopicMaxLength + 1))).Code);
        Assert.Equal("Đối thoại", new PlannedDialogue(1, Q2, "  Đối thoại ").Topic);
    }

    [Fact]
    public void The_period_sets_the_first_and_last_day_and_a_month_ends_on_its_last_day()
    {
        var entry = Entry(new ReviewPeriod(PeriodKind.Month, 2028, 2));
        Assert.Equal((new DateOnly(2028, 2, 1), new DateOnly(2028, 2, 29)), (entry.StartsOn, entry.EndsOn));
        entry.Change(Q2, entry.Topic, 5, MeetingFormat.Hybrid, true, [7, 8, 7]);
        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30), 2026), (entry.StartsOn, entry.EndsOn, entry.Year));
        Assert.Equal([7, 8], entry.Counterparts.Select(c => c.OrganisationId).Order());
        entry.Change(Q2, entry.Topic, 5, MeetingFormat.Hybrid, true, [8, 9]);
        Assert.Equal([8, 9], entry.Counterparts.Select(c => c.OrganisationId).Order());
    }

    [Fact]
    public void Before_its_period_ends_an_entry_is_upcoming_then_due_soon_then_late()
    {
        var entry = Entry();
        Assert.Equal(PlannedDialogueState.Upcoming, On(entry, new DateOnly(2026, 6, 1)));
        Assert.Equal(PlannedDialogueState.DueSoon, On(entry, new DateOnly(2026, 6, 25)));
        Assert.Equal(PlannedDialogueState.DueSoon, On(entry, new DateOnly(2026, 6, 30)));
        Assert.Equal(PlannedDialogueState.Late, On(entry, new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void Only_a_published_meeting_holds_it_and_one_held_after_the_period_is_held_late()
    {
        var entry = Entry();
        var meeting = Draft(new DateOnly(2026, 6, 20));
        entry.LinkMeeting(meeting);
        // A draft is not yet a record (ADR 0012): the entry is still late once its quarter ends.
        Assert.Equal(PlannedDialogueState.Late, On(entry, new DateOnly(2026, 7, 2)));
        meeting.AddSpeech(SpeechKind.Opinion, "Ý kiến", null, null, null);
        meeting.Publish(new DateTime(2026, 6, 21, 3, 0, 0, DateTimeKind.Utc));
        Assert.Equal(PlannedDialogueState.Held, On(entry, new DateOnly(2026, 7, 2)));

        var late = Entry();
        late.LinkMeeting(PublishedMeetings.On(new DateOnly(2026, 7, 3)));
        Assert.Equal(PlannedDialogueState.HeldLate, On(late, new DateOnly(2026, 7, 4)));
    }

    [Fact]
    public void The_figure_expressions_agree_with_the_state_on_every_day_around_the_period()
    {
        var late = PlannedDialogue.LateOn(new DateOnly(2026, 7, 1)).Compile();
        var cases = new List<PlannedDialogue> { Entry() };
        var held = Entry();
        held.LinkMeeting(PublishedMeetings.On(new DateOnly(2026, 5, 5)));
        cases.Add(held);
        var draft = Entry();
        draft.LinkMeeting(Draft(new DateOnly(2026, 5, 5)));
        cases.Add(draft);
        var cancelled = Entry();
        cancelled.Cancel("Gộp vào hội nghị quý sau", new DateOnly(2026, 5, 1));
        cases.Add(cancelled);

        foreach (var today in Enumerable.Range(0, 40).Select(i => new DateOnly(2026, 6, 10).AddDays(i)))
        {
            var isLate = PlannedDialogue.LateOn(today).Compile();
            var isDueSoon = PlannedDialogue.DueSoonOn(today, today.AddDays(7)).Compile();
            foreach (var entry in cases)
            {
                var state = On(entry, today);
                Assert.Equal(state == PlannedDialogueState.Late, isLate(entry));
                Assert.Equal(state == PlannedDialogueState.DueSoon, isDueSoon(entry));
                Assert.Equal(state is PlannedDialogueState.Held or PlannedDialogueState.HeldLate, PlannedDialogue.IsHeld.Compile()(entry));
                Assert.Equal(state != PlannedDialogueState.Cancelled, PlannedDialogue.IsCounted.Compile()(entry));
            }
        }

        Assert.True(late(Entry()));
    }

    [Fact]
    public void A_meeting_of_another_unit_or_held_before_the_plan_year_is_refused()
    {
        var entry = Entry();
        Assert.Equal("plan.meeting-unit", Assert.Throws<DomainException>(() => entry.LinkMeeting(Draft(new DateOnly(2026, 5, 5), unitId: 2))).Code);
        Assert.Equal("plan.meeting-year", Assert.Throws<DomainException>(() => entry.LinkMeeting(Draft(new DateOnly(2025, 12, 30)))).Code);
        Assert.Null(entry.MeetingId);
    }

    [Fact]
    public void Taking_off_the_plan_needs_a_reason_and_no_meeting_and_a_taken_off_entry_cannot_change_until_put_back()
    {
        var entry = Entry();
        // Only an entry taken off may be put back (issue 18 trial: a repeated "put back" wrote history each time).
        Assert.Equal("plan.not-cancelled", Assert.Throws<DomainException>(entry.Restore).Code);
        Assert.Equal("plan.reason", Assert.Throws<DomainException>(() => entry.Cancel("  ", new DateOnly(2026, 5, 1))).Code);
        entry.Cancel(" Gộp vào hội nghị quý sau ", new DateOnly(2026, 5, 1));
        Assert.Equal(("Gộp vào hội nghị quý sau", new DateOnly(2026, 5, 1)), (entry.CancelReason, entry.CancelledOn!.Value));
        Assert.Equal(PlannedDialogueState.Cancelled, On(entry, new DateOnly(2026, 8, 1)));
        Assert.Equal("plan.cancelled", Assert.Throws<DomainException>(() => entry.LinkMeeting(Draft(new DateOnly(2026, 5, 5)))).Code);
        Assert.Equal("plan.cancelled", Assert.Throws<DomainException>(() => entry.Change(Q2, "x", null, MeetingFormat.NotStated, false, [])).Code);
        entry.Restore();
        Assert.Equal(PlannedDialogueState.Late, On(entry, new DateOnly(2026, 8, 1)));

        entry.LinkMeeting(PublishedMeetings.On(new DateOnly(2026, 5, 5)));
        Assert.Equal("plan.linked", Assert.Throws<DomainException>(() => entry.Cancel("Đổi ý", new DateOnly(2026, 5, 6))).Code);
        Assert.Equal("plan.held-period", Assert.Throws<DomainException>(() => entry.Change(new ReviewPeriod(PeriodKind.Quarter, 2027, 1), "x", null, MeetingFormat.NotStated, false, [])).Code);
        entry.UnlinkMeeting();
        Assert.Null(entry.MeetingId);
    }
}
