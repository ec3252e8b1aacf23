using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;

namespace MeetingPortal.Domain.Tests;

public sealed class RecommendationTests
{
    private static readonly DateOnly Day = new(2022, 6, 28);
    private static readonly Actor By = new("tester", new DateTime(2022, 6, 28, 3, 0, 0, DateTimeKind.Utc));

    private static Recommendation NewRecommendation()
    {
        var meeting = PublishedMeetings.On(Day);
        return meeting.RaiseRecommendation(null, "Tăng phụ cấp", 5, null);
    }

    /// <summary>
    /// A recommendation of a published meeting brought to <paramref name="status"/>: given to body 9 with
    /// <paramref name="deadline"/> (none when not given; 30 days on for "Assigned") and, when
    /// <paramref name="forwarded"/>, forwarded on to body 20 before anything came back, so it can be returned.
    /// </summary>
    private static Recommendation InStatus(RecommendationStatus status, Deadline? deadline = null, bool forwarded = false)
    {
        var r = NewRecommendation();
        if (status == RecommendationStatus.New)
        {
            Assert.Equal(status, r.Status);
            return r;
        }

        r.AssignTo(9, deadline ?? (status == RecommendationStatus.Assigned ? Deadline.Given(Day.AddDays(30)) : Deadline.None), By);
        var body = 9;
        if (forwarded)
        {
            r.Forward(20, deadline ?? Deadline.None, "Đúng thẩm quyền cấp trên", By);
            body = 20;
        }

        switch (status)
        {
            case RecommendationStatus.InProgress:
                r.Respond(ResponseKind.InProgress, Day, body, null, "Đang xử lý", By);
                break;
            case RecommendationStatus.Answered:
                r.Respond(ResponseKind.Accepted, Day, body, null, "Tiếp thu", By);
                break;
            case RecommendationStatus.Resolved:
                r.Respond(ResponseKind.Resolved, Day, body, null, "Đã bố trí", By);
                break;
            case RecommendationStatus.Closed:
                r.Respond(ResponseKind.Resolved, Day, body, null, "Đã bố trí", By);
                r.Close(By, null);
                break;
            case RecommendationStatus.Declined:
                r.Respond(ResponseKind.Declined, Day, body, null, "Vượt thẩm quyền", By);
                break;
        }

        Assert.Equal(status, r.Status);
        return r;
    }

    [Fact]
    public void Assigning_sets_body_due_date_and_an_event_with_who_and_when()
    {
        var r = NewRecommendation();
        r.AssignTo(9, Day.AddDays(30), By);
        Assert.Equal(RecommendationStatus.Assigned, r.Status);
        Assert.Equal(9, r.AddressedToOrganisationId);
        var e = Assert.Single(r.Events);
        Assert.Equal((RecommendationStatus.New, RecommendationStatus.Assigned, "tester"), (e.FromStatus, e.ToStatus, e.UserName));
    }

    [Theory]
    [InlineData(ResponseKind.Accepted, RecommendationStatus.Answered)]
    [InlineData(ResponseKind.Explained, RecommendationStatus.Answered)]
    [InlineData(ResponseKind.InProgress, RecommendationStatus.InProgress)]
    [InlineData(ResponseKind.Resolved, RecommendationStatus.Resolved)]
    [InlineData(ResponseKind.Declined, RecommendationStatus.Declined)]
    public void Status_follows_from_the_response(ResponseKind kind, RecommendationStatus expected)
    {
        var r = InStatus(RecommendationStatus.Assigned);
        r.Respond(kind, Day, 9, null, "Trả lời", By);
        Assert.Equal(expected, r.Status);
    }

    [Fact]
    public void An_answer_is_not_a_solution_and_times_are_kept_for_the_figures()
    {
        var r = InStatus(RecommendationStatus.Assigned);
        r.Respond(ResponseKind.InProgress, Day.AddDays(2), 9, null, "Đang rà soát", By);
        Assert.Null(r.FirstAnsweredOn);
        r.Respond(ResponseKind.Accepted, Day.AddDays(5), 9, null, "Tiếp thu", By);
        Assert.Equal(RecommendationStatus.Answered, r.Status);
        Assert.Null(r.ResolvedOn);
        r.Respond(ResponseKind.Resolved, Day.AddDays(40), 9, null, "Đã bố trí kinh phí", By);
        r.Respond(ResponseKind.Explained, Day.AddDays(41), 9, null, "Giải trình thêm", By);
        Assert.Equal(RecommendationStatus.Resolved, r.Status);
        Assert.Equal(Day.AddDays(5), r.FirstAnsweredOn);
        Assert.Equal(Day.AddDays(40), r.ResolvedOn);
    }

    public static TheoryData<RecommendationStatus, string> Refused => new()
    {
        { RecommendationStatus.Answered, "assign" },
        { RecommendationStatus.Resolved, "assign" },
        { RecommendationStatus.Closed, "assign" },
        { RecommendationStatus.Declined, "assign" },
        { RecommendationStatus.Closed, "respond" },
        { RecommendationStatus.Declined, "respond" },
        { RecommendationStatus.New, "close" },
        { RecommendationStatus.Assigned, "close" },
        { RecommendationStatus.Answered, "close" },
        { RecommendationStatus.Declined, "close" },
        { RecommendationStatus.New, "reopen" },
        { RecommendationStatus.Assigned, "reopen" },
        { RecommendationStatus.InProgress, "reopen" },
        { RecommendationStatus.New, "judge" },
        { RecommendationStatus.Assigned, "judge" },
        { RecommendationStatus.Closed, "judge" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refused_transitions_change_nothing(RecommendationStatus status, string action)
    {
        var r = InStatus(status);
        var events = r.Events.Count;
        Action act = action switch
        {
            "assign" => () => r.AssignTo(10, Deadline.None, By),
            "respond" => () => r.Respond(ResponseKind.Accepted, Day, 9, null, "x", By),
            "close" => () => r.Close(By, null),
            "reopen" => () => r.Reopen("lý do", By),
            _ => () => r.MarkSatisfaction(true, null, By),
        };
        Assert.Throws<DomainException>(act);
        Assert.Equal(status, r.Status);
        Assert.Equal(events, r.Events.Count);
    }

    [Theory]
    [InlineData(RecommendationStatus.Answered)]
    [InlineData(RecommendationStatus.Resolved)]
    [InlineData(RecommendationStatus.Closed)]
    [InlineData(RecommendationStatus.Declined)]
    public void Reopening_needs_a_reason_and_returns_the_matter_to_its_body(RecommendationStatus status)
    {
        var r = InStatus(status);
        Assert.Throws<DomainException>(() => r.Reopen(" ", By));
        r.Reopen("Chưa bố trí kinh phí thực tế", By);
        Assert.Equal(RecommendationStatus.Assigned, r.Status);
        Assert.Null(r.ResolvedOn);
        Assert.Equal("Chưa bố trí kinh phí thực tế", r.Events[^1].Note);
    }

    [Fact]
    public void Unsatisfied_reopens_with_the_reason_and_satisfied_closes_a_resolved_matter()
    {
        var answered = InStatus(RecommendationStatus.Answered);
        Assert.Throws<DomainException>(() => answered.MarkSatisfaction(false, "", By));
        answered.MarkSatisfaction(false, "Trả lời chung chung", By);
        Assert.Equal(RecommendationStatus.Assigned, answered.Status);
        Assert.False(answered.Satisfied);

        var resolved = InStatus(RecommendationStatus.Resolved);
        resolved.MarkSatisfaction(true, null, By);
        Assert.Equal(RecommendationStatus.Closed, resolved.Status);
        Assert.True(resolved.Satisfied);
    }

    [Fact]
    public void Declining_needs_a_reason()
    {
        var r = InStatus(RecommendationStatus.Assigned);
        Assert.Throws<DomainException>(() => r.Respond(ResponseKind.Declined, Day, 9, null, " ", By));
        Assert.Empty(r.Responses);
        Assert.Equal(RecommendationStatus.Assigned, r.Status);
    }

    [Fact]
    public void A_draft_recommendation_can_lose_its_addressee_until_it_is_answered()
    {
        var r = InStatus(RecommendationStatus.Assigned);
        r.Unassign(By);
        Assert.Equal(RecommendationStatus.New, r.Status);
        Assert.Throws<DomainException>(() => InStatus(RecommendationStatus.Answered).Unassign(By));
    }

    public static TheoryData<RecommendationStatus, RecommendationAction> EveryStatusAndAction()
    {
        var data = new TheoryData<RecommendationStatus, RecommendationAction>();
        foreach (var status in Enum.GetValues<RecommendationStatus>())
        {
            foreach (var action in Enum.GetValues<RecommendationAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    /// <summary>
    /// Issue 13, fault 6: the page restated the state machine and offered no reply to a resolved matter the
    /// domain accepts one for. Pages now ask <see cref="RecommendationState"/>; this holds it to the methods.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void What_the_state_allows_is_exactly_what_the_methods_accept(RecommendationStatus status, RecommendationAction action)
    {
        // A return needs a forward to undo: without one, every Return row would be refused whatever the status rule says.
        var r = InStatus(status, forwarded: action == RecommendationAction.Return && status != RecommendationStatus.New);
        var allowed = r.State.Allows(action);
        Action act = action switch
        {
            RecommendationAction.Assign => () => r.AssignTo(10, Deadline.None, By),
            RecommendationAction.Respond => () => r.Respond(ResponseKind.Explained, Day, 9, null, "x", By),
            RecommendationAction.Forward => () => r.Forward(20, Deadline.None, "lý do", By),
            RecommendationAction.Return => () => r.ReturnToSender("lý do", By),
            RecommendationAction.Close => () => r.Close(By, null),
            RecommendationAction.Reopen => () => r.Reopen("lý do", By),
            _ => () => r.MarkSatisfaction(true, null, By),
        };
        var refused = Record.Exception(act);
        Assert.True(allowed == refused is null, $"{status}/{action}: allowed {allowed}, refused {refused?.Message}");
    }

    /// <summary>A draft's recommendation is the recorder's to address; nobody answers, forwards, closes or judges it before publication.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_drafts_recommendation_takes_only_an_addressee_until_the_meeting_is_published(bool assigned)
    {
        var meeting = new Meeting(1, MeetingType.Dialogue, "Đối thoại", Day) { HostOrganisationId = 1 };
        var speech = meeting.AddSpeech(SpeechKind.Recommendation, "Ý kiến", null, null, null);
        var r = meeting.RaiseRecommendation(speech, "Tăng phụ cấp", 5, null);
        if (assigned)
        {
            r.AssignTo(9, Day.AddDays(30), By);
        }

        Assert.False(r.IsFollowed);
        Assert.Equal([RecommendationAction.Assign], Enum.GetValues<RecommendationAction>().Where(r.State.Allows));
        Assert.Empty(r.State.ResponseKinds);
        var refused = Assert.Throws<DomainException>(() => r.Respond(ResponseKind.Accepted, Day, 9, null, "Tiếp thu", By));
        Assert.Equal("recommendation.draft", refused.Code);
        Assert.Equal("recommendation.draft", Assert.Throws<DomainException>(() => r.Forward(20, Deadline.None, "lý do", By)).Code);

        meeting.Publish(By.AtUtc);

        Assert.True(r.IsFollowed);
        Assert.True(r.State.Allows(RecommendationAction.Respond));
    }

    [Fact]
    public void Publication_counts_a_drafts_rule_due_date_again_from_the_day_of_publication_and_keeps_a_given_one()
    {
        var calendar = new WorkingCalendar([]);
        var policy = new DueDatePolicy(calendar, [new DueDateRule(null, null, 15)]);
        var meeting = new Meeting(1, MeetingType.Dialogue, "Đối thoại", Day) { HostOrganisationId = 1 };
        var speech = meeting.AddSpeech(SpeechKind.Recommendation, "Ý kiến", null, null, null);
        var counted = meeting.RaiseRecommendation(speech, "Tăng phụ cấp", 5, null);
        var given = meeting.RaiseRecommendation(speech, "Sửa hội trường", 5, null);
        counted.AssignTo(9, policy.Resolve(null, Day, null, 4), By);
        given.AssignTo(9, Deadline.Given(Day.AddDays(60)), By);
        var publishedOn = Day.AddDays(7);
        meeting.Publish(By.AtUtc.AddDays(7));

        Assert.True(counted.StartFollowUp(publishedOn, calendar));
        Assert.False(given.StartFollowUp(publishedOn, calendar));

        Assert.Equal((calendar.AddWorkingDays(publishedOn, 15), publishedOn), (counted.DueOn!.Value, counted.DueCountedFrom!.Value));
        Assert.Equal(Day.AddDays(60), given.DueOn);
        Assert.False(counted.StartFollowUp(publishedOn, calendar));
    }

    public static TheoryData<RecommendationStatus> EveryStatus() => [.. Enum.GetValues<RecommendationStatus>()];

    [Fact]
    public void A_forwarded_matter_is_returned_while_it_awaits_an_answer_and_not_once_answered()
    {
        Assert.True(InStatus(RecommendationStatus.Assigned, forwarded: true).State.Allows(RecommendationAction.Return));
        Assert.True(InStatus(RecommendationStatus.InProgress, forwarded: true).State.Allows(RecommendationAction.Return));
        var answered = InStatus(RecommendationStatus.Answered, forwarded: true);
        Assert.False(answered.State.Allows(RecommendationAction.Return));
        Assert.Equal("recommendation.return-answered", Assert.Throws<DomainException>(() => answered.ReturnToSender("lý do", By)).Code);
    }

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void Every_reply_kind_the_state_offers_is_accepted_and_no_other(RecommendationStatus status)
    {
        foreach (var kind in Enum.GetValues<ResponseKind>())
        {
            var r = InStatus(status);
            var offered = r.State.Takes(kind);
            var refused = Record.Exception(() => r.Respond(kind, Day, 9, null, "nội dung", By));
            Assert.True(offered == refused is null, $"{status}/{kind}: offered {offered}, refused {refused?.Message}");
        }
    }

    [Fact]
    public void A_resolved_matter_takes_an_explanation_but_no_new_decision()
    {
        var state = InStatus(RecommendationStatus.Resolved).State;
        Assert.Equal([ResponseKind.Accepted, ResponseKind.Explained], state.ResponseKinds);
        Assert.True(state.Allows(RecommendationAction.Respond));
    }

    [Fact]
    public void Changes_others_must_hear_of_raise_events_and_taking_them_empties_the_list()
    {
        var r = NewRecommendation();
        r.AssignTo(9, Day.AddDays(30), By);
        r.Respond(ResponseKind.InProgress, Day, 9, null, "Đang xử lý", By);
        r.Forward(20, Deadline.None, "Vượt thẩm quyền", By);
        r.ReturnToSender("Không thuộc thẩm quyền", By);
        r.Respond(ResponseKind.Accepted, Day, 9, null, "Tiếp thu", By);
        r.MarkSatisfaction(false, "Chung chung", By);
        Assert.Equal(
            [typeof(RecommendationAssigned), typeof(RecommendationForwarded), typeof(RecommendationReturned), typeof(RecommendationAnswered), typeof(RecommendationReopened)],
            r.TakeDomainEvents().Select(e => e.GetType()));
        Assert.Empty(r.TakeDomainEvents());
    }

    /// <summary>Issue 13, fault 8 (decision record 0010): a rule-counted due date follows the calendar; a given one stays.</summary>
    [Fact]
    public void A_counted_due_date_moves_with_a_holiday_declared_later_and_a_given_one_stays()
    {
        var assignedOn = new DateOnly(2026, 11, 30);
        var before = new WorkingCalendar([]);
        var policy = new DueDatePolicy(before, [new DueDateRule(null, null, 15)]);
        var counted = NewRecommendation();
        counted.AssignTo(9, policy.Resolve(null, assignedOn, null, null), By);
        var given = NewRecommendation();
        given.AssignTo(9, policy.Resolve(new DateOnly(2026, 12, 21), assignedOn, null, null), By);
        Assert.Equal(new DateOnly(2026, 12, 21), counted.DueOn);
        Assert.Equal(15, before.WorkingDaysBetween(assignedOn, counted.DueOn!.Value));

        var after = new WorkingCalendar([new CalendarDay(new DateOnly(2026, 12, 10), CalendarDayKind.Holiday, "Nghỉ bù")]);
        Assert.True(counted.RecountDueDate(after));
        Assert.False(given.RecountDueDate(after));
        Assert.Equal(new DateOnly(2026, 12, 22), counted.DueOn);
        Assert.Equal(15, after.WorkingDaysBetween(assignedOn, counted.DueOn!.Value));
        Assert.Equal(new DateOnly(2026, 12, 21), given.DueOn);
    }

    [Fact]
    public void An_answered_matter_keeps_its_due_date_when_the_calendar_changes()
    {
        var policy = new DueDatePolicy(new WorkingCalendar([]), [new DueDateRule(null, null, 15)]);
        var r = NewRecommendation();
        r.AssignTo(9, policy.Resolve(null, new DateOnly(2026, 11, 30), null, null), By);
        r.Respond(ResponseKind.Accepted, Day, 9, null, "Tiếp thu", By);
        Assert.False(r.RecountDueDate(new WorkingCalendar([new CalendarDay(new DateOnly(2026, 12, 10), CalendarDayKind.Holiday, "Nghỉ")])));
        Assert.Equal(new DateOnly(2026, 12, 21), r.DueOn);
    }

    [Fact]
    public void With_no_rule_and_no_date_there_is_no_due_date()
    {
        var policy = new DueDatePolicy(new WorkingCalendar([]), []);
        Assert.Equal(Deadline.None, policy.Resolve(null, Day, 1, 2));
    }

    [Fact]
    public void Overdue_is_one_definition_in_queries_and_in_memory()
    {
        var day = new DateOnly(2026, 12, 1);
        var overdue = RecommendationStatuses.OverdueOn(day).Compile();
        var rows = 0;
        var overdueRows = 0;
        foreach (var status in Enum.GetValues<RecommendationStatus>().Where(s => s != RecommendationStatus.New))
        {
            foreach (var due in new DateOnly?[] { null, day.AddDays(-1), day, day.AddDays(1) })
            {
                // Every status with every kind of due date, so the status condition is compared too.
                var r = InStatus(status, due is { } date ? Deadline.Given(date) : Deadline.None);
                Assert.Equal(due, r.DueOn);
                Assert.Equal(RecommendationStatuses.IsOverdue(r.Status, r.DueOn, r.Meeting!.Status, day), overdue(r));
                rows++;
                overdueRows += overdue(r) ? 1 : 0;
            }
        }

        // Only the awaiting statuses with yesterday's date: Assigned and InProgress.
        Assert.Equal((24, 2), (rows, overdueRows));

        // A draft's recommendation, given a past date, is overdue neither way.
        var draft = new Meeting(1, MeetingType.Dialogue, "Đối thoại", Day) { HostOrganisationId = 1 };
        var inDraft = draft.RaiseRecommendation(draft.AddSpeech(SpeechKind.Recommendation, "Ý kiến", null, null, null), "Tăng phụ cấp", 5, null);
        inDraft.AssignTo(9, Deadline.Given(day.AddDays(-1)), By);
        Assert.False(overdue(inDraft));
        Assert.False(RecommendationStatuses.IsOverdue(inDraft.Status, inDraft.DueOn, inDraft.Meeting!.Status, day));

        Assert.True(RecommendationStatuses.IsOverdue(RecommendationStatus.Assigned, day.AddDays(-1), MeetingStatus.Published, day));
        Assert.False(RecommendationStatuses.IsOverdue(RecommendationStatus.Assigned, day.AddDays(-1), MeetingStatus.Draft, day));
        Assert.False(RecommendationStatuses.IsOverdue(RecommendationStatus.Assigned, day, MeetingStatus.Published, day));
        Assert.False(RecommendationStatuses.IsOverdue(RecommendationStatus.Answered, day.AddDays(-1), MeetingStatus.Published, day));
    }
}

public sealed class ForwardingTests
{
    private static readonly Actor By = new("tester", new DateTime(2024, 3, 1, 3, 0, 0, DateTimeKind.Utc));

    private static Recommendation Assigned()
    {
        var meeting = PublishedMeetings.On(new DateOnly(2024, 3, 1));
        var r = meeting.RaiseRecommendation(null, "Nâng cấp nhà văn hóa", 5, null);
        r.AssignTo(10, new DateOnly(2024, 3, 20), By);
        return r;
    }

    [Fact]
    public void A_forward_moves_the_matter_with_its_own_due_date_and_a_return_brings_it_back()
    {
        var r = Assigned();
        r.Forward(20, Deadline.Given(new DateOnly(2024, 4, 15)), "Vượt thẩm quyền cấp phường", By);
        Assert.Equal((20, new DateOnly(2024, 4, 15), RecommendationStatus.Assigned), (r.AddressedToOrganisationId!.Value, r.DueOn!.Value, r.Status));
        r.Forward(30, Deadline.Given(new DateOnly(2024, 5, 15)), "Thuộc thẩm quyền tỉnh", By);
        Assert.Equal(2, r.Hops.Count);

        r.ReturnToSender("Không thuộc thẩm quyền của Sở", By);
        Assert.Equal(20, r.AddressedToOrganisationId);
        Assert.Equal(new DateOnly(2024, 4, 15), r.DueOn);
        Assert.True(r.Hops[1].IsReturned);
        Assert.Equal(10, r.Hops[0].FromOrganisationId);
        Assert.Equal(RecommendationEventKind.Returned, r.Events[^1].Kind);
    }

    [Fact]
    public void Forwarding_needs_an_assigned_unanswered_matter_another_body_and_a_reason()
    {
        var r = Assigned();
        Assert.Throws<DomainException>(() => r.Forward(10, Deadline.None, "x", By));
        Assert.Throws<DomainException>(() => r.Forward(20, Deadline.None, " ", By));
        Assert.Throws<DomainException>(() => r.ReturnToSender("chưa chuyển", By));
        r.Respond(ResponseKind.Accepted, new DateOnly(2024, 3, 5), 10, null, "Tiếp thu", By);
        Assert.Throws<DomainException>(() => r.Forward(20, Deadline.None, "x", By));
        Assert.Empty(r.Hops);
    }
}
