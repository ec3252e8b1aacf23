using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Domain.Reports;

namespace MeetingPortal.Domain.Tests;

/// <summary>
/// One test per figure definition of the summaries (issue 15, deliver 1): each expression is applied, compiled, to
/// recommendations in the states that decide it, on a fixed "today".
/// </summary>
public sealed class FigureDefinitionsTests
{
    private static readonly DateOnly Held = new(2022, 6, 28);
    private static readonly DateOnly Today = new(2022, 8, 1);
    private static readonly Actor By = new("tester", new DateTime(2022, 6, 28, 3, 0, 0, DateTimeKind.Utc));

    private static Recommendation Raised(bool published = true)
    {
        var meeting = published ? PublishedMeetings.On(Held) : new Meeting(1, MeetingType.Dialogue, "Đối thoại", Held);
        return meeting.RaiseRecommendation(null, "Tăng phụ cấp", 5, null);
    }

    private static Recommendation Due(DateOnly? due, DateOnly? answeredOn = null, ResponseKind answer = ResponseKind.Accepted)
    {
        var r = Raised();
        r.AssignTo(9, due is { } d ? Deadline.Given(d) : Deadline.None, By);
        if (answeredOn is { } on)
        {
            r.Respond(answer, on, 9, null, "Trả lời", By);
        }

        return r;
    }

    private static bool Holds(System.Linq.Expressions.Expression<Func<Recommendation, bool>> definition, Recommendation r) => definition.Compile()(r);

    [Fact]
    public void A_recommendation_counts_only_once_its_meeting_is_published()
    {
        Assert.True(Holds(FigureDefinitions.CountedRecommendation, Raised()));
        Assert.False(Holds(FigureDefinitions.CountedRecommendation, Raised(published: false)));
        Assert.True(FigureDefinitions.CountedMeeting.Compile()(PublishedMeetings.On(Held)));
        Assert.False(FigureDefinitions.CountedMeeting.Compile()(new Meeting(1, MeetingType.Dialogue, "Đối thoại", Held)));
    }

    [Fact]
    public void Answered_is_any_first_answer_and_in_progress_is_not_one()
    {
        Assert.False(Holds(FigureDefinitions.Answered, Due(null, Held.AddDays(3), ResponseKind.InProgress)));
        Assert.True(Holds(FigureDefinitions.Answered, Due(null, Held.AddDays(3), ResponseKind.Explained)));
        Assert.True(Holds(FigureDefinitions.Answered, Due(null, Held.AddDays(3), ResponseKind.Declined)));
    }

    [Fact]
    public void Resolved_is_a_resolution_and_an_acceptance_is_not_one()
    {
        Assert.False(Holds(FigureDefinitions.Resolved, Due(null, Held.AddDays(3))));
        Assert.True(Holds(FigureDefinitions.Resolved, Due(null, Held.AddDays(3), ResponseKind.Resolved)));
    }

    [Fact]
    public void Open_is_awaiting_an_answer_or_answered_and_not_settled()
    {
        Assert.True(Holds(FigureDefinitions.Open, Raised()));
        Assert.True(Holds(FigureDefinitions.Open, Due(null, Held.AddDays(3))));
        Assert.False(Holds(FigureDefinitions.Open, Due(null, Held.AddDays(3), ResponseKind.Resolved)));
    }

    [Fact]
    public void Overdue_is_awaiting_an_answer_past_the_due_date_and_the_due_date_itself_is_in_time()
    {
        Assert.True(Holds(FigureDefinitions.Overdue(Today), Due(Today.AddDays(-1))));
        Assert.False(Holds(FigureDefinitions.Overdue(Today), Due(Today)));
        Assert.False(Holds(FigureDefinitions.Overdue(Today), Due(Today.AddDays(-1), Held.AddDays(3))));
        Assert.False(Holds(FigureDefinitions.Overdue(Today), Due(null)));
    }

    [Fact]
    public void Every_recommendation_is_in_exactly_one_due_state()
    {
        var cases = new[] { Due(Today.AddDays(-1)), Due(Today), Due(Today.AddDays(9)), Due(null), Due(Today.AddDays(-20), Held.AddDays(2)) };
        var expected = new[] { DueState.Passed, DueState.NotYet, DueState.NotYet, DueState.None, DueState.Passed };
        for (var i = 0; i < cases.Length; i++)
        {
            var states = Enum.GetValues<DueState>().Where(s => Holds(FigureDefinitions.Due(s, Today), cases[i])).ToList();
            Assert.Equal([expected[i]], states);
        }
    }

    /// <summary>
    /// Issue 15, item 1: six items to one body, one answered on time, five without an answer. The five count in the
    /// denominator once due; an item without a due date is counted apart, never in the share.
    /// </summary>
    [Fact]
    public void On_time_counts_every_item_that_fell_due_answered_or_not_in_its_denominator()
    {
        var items = new List<Recommendation> { Due(Held.AddDays(20), Held.AddDays(10)) };
        items.AddRange(Enumerable.Range(0, 4).Select(_ => Due(Held.AddDays(20))));
        items.Add(Due(null));

        var due = items.Count(r => Holds(FigureDefinitions.Due(DueState.Passed, Today), r));
        var onTime = items.Count(r => Holds(FigureDefinitions.OnTime(Today), r));
        var noDue = items.Count(r => Holds(FigureDefinitions.Due(DueState.None, Today), r));

        Assert.Equal((5, 1, 1), (due, onTime, noDue));
        Assert.Equal(0.2, FigureDefinitions.Share(onTime, due));
    }

    [Fact]
    public void On_time_is_a_first_answer_on_or_before_the_due_date_and_never_an_item_not_yet_due()
    {
        Assert.True(Holds(FigureDefinitions.OnTime(Today), Due(Held.AddDays(20), Held.AddDays(20))));
        Assert.False(Holds(FigureDefinitions.OnTime(Today), Due(Held.AddDays(20), Held.AddDays(21))));
        // Answered early but not yet due: neither in the share's numerator nor its denominator.
        Assert.False(Holds(FigureDefinitions.OnTime(Today), Due(Today.AddDays(5), Held.AddDays(3))));
        Assert.False(Holds(FigureDefinitions.Due(DueState.Passed, Today), Due(Today.AddDays(5), Held.AddDays(3))));
    }

    [Fact]
    public void A_share_of_nothing_is_no_share()
    {
        Assert.Null(FigureDefinitions.Share(0, 0));
        Assert.Equal(0.5, FigureDefinitions.Share(1, 2));
    }

    [Fact]
    public void Tasks_with_a_target_are_reached_not_reached_or_not_reported_and_those_add_up()
    {
        Directive Task(double? low, double? high, params double[] values)
        {
            var d = PublishedMeetings.On(Held).AddDirective("Nhân rộng mô hình dân vận khéo", [3], null);
            if (low is not null || high is not null)
            {
                d.SetTarget("Tỷ lệ mô hình đạt chuẩn", low, high, "%");
            }

            var on = Held;
            foreach (var v in values)
            {
                on = on.AddDays(1);
                d.ReportProgress(on, "Báo cáo", 3, "u", DateTime.UtcNow, v);
            }

            return d;
        }

        var tasks = new[] { Task(null, null), Task(90, 95), Task(90, 95, 80), Task(90, 95, 80, 92), Task(null, 2, 3), Task(null, 2, 1.5), Task(100, null, 100) };
        bool[] Apply(System.Linq.Expressions.Expression<Func<Directive, bool>> definition) => [.. tasks.Select(definition.Compile())];
        Assert.Equal([false, true, true, true, true, true, true], Apply(FigureDefinitions.WithTarget));
        Assert.Equal([false, false, false, true, false, true, true], Apply(FigureDefinitions.TargetReached));
        Assert.Equal([false, false, true, false, true, false, false], Apply(FigureDefinitions.TargetNotReached));
        Assert.Equal([false, true, false, false, false, false, false], Apply(FigureDefinitions.TargetNotReported));
        Assert.Equal(tasks.Select(t => t.TargetState == TargetState.Reached), Apply(FigureDefinitions.TargetReached));
    }
}
