using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Domain.Reports;

namespace MeetingPortal.Domain.Tests;

/// <summary>Issue 18, deliver 3 (ADR 0025 section 3): who may get a roadmap, the rules of its dates and shares, and "roadmap overdue".</summary>
public sealed class RoadmapTests
{
    private static readonly DateOnly Day = new(2024, 6, 28);
    private static readonly Actor By = new("tester", new DateTime(2024, 6, 28, 3, 0, 0, DateTimeKind.Utc));

    private static Recommendation Answered(ResponseKind kind)
    {
        var r = PublishedMeetings.On(Day).RaiseRecommendation(null, "Nâng cấp đường liên xã", 5, null);
        r.AssignTo(9, Day.AddDays(30), By);
        r.Respond(kind, Day.AddDays(5), 9, null, "Trả lời", By);
        return r;
    }

    /// <summary>Gives the milestones ids as a save would (the domain finds them by id).</summary>
    private static void Save(Recommendation r)
    {
        var setter = typeof(Milestone).GetProperty(nameof(Milestone.Id))!.SetMethod!;
        var next = r.Roadmap!.Milestones.Max(m => m.Id);
        foreach (var m in r.Roadmap.Milestones.Where(m => m.Id == 0))
        {
            setter.Invoke(m, [++next]);
        }
    }

    private static readonly MilestonePlan[] TwoSteps =
    [
        new(null, "Lập dự án", Day.AddDays(30), 30),
        new(null, "Thi công xong", Day.AddDays(200), 100),
    ];

    [Theory]
    [InlineData(ResponseKind.Accepted, true)]
    [InlineData(ResponseKind.InProgress, true)]
    [InlineData(ResponseKind.Explained, false)]
    [InlineData(ResponseKind.Resolved, false)]
    [InlineData(ResponseKind.Declined, false)]
    public void Only_a_recommendation_whose_latest_answer_accepts_it_gets_a_roadmap(ResponseKind kind, bool allowed)
    {
        var r = Answered(kind);
        Assert.Equal(allowed, Roadmaps.MayPlan(r.Status, r.LastResponseKind, r.IsFollowed));
        if (allowed)
        {
            r.PlanRoadmap(Day.AddDays(200), 9, TwoSteps, By);
            Assert.Equal(2, r.Roadmap!.Milestones.Count);
            Assert.Equal(RecommendationEventKind.RoadmapPlanned, r.Events[^1].Kind);
            Assert.Contains(r.TakeDomainEvents(), e => e is RoadmapPlanned);
        }
        else
        {
            var ex = Assert.Throws<DomainException>(() => r.PlanRoadmap(Day.AddDays(200), 9, TwoSteps, By));
            Assert.Equal("roadmap.not-accepted", ex.Code);
            Assert.Null(r.Roadmap);
        }
    }

    [Fact]
    public void An_unanswered_or_reopened_recommendation_gets_no_roadmap()
    {
        var r = Answered(ResponseKind.Accepted);
        r.Reopen("Chưa thỏa đáng", By);
        Assert.Throws<DomainException>(() => r.PlanRoadmap(Day.AddDays(200), 9, TwoSteps, By));
    }

    [Fact]
    public void The_dates_and_shares_are_checked_each_beside_its_milestone()
    {
        MilestonePlan[] plans =
        [
            new(null, "Trước hội nghị", Day.AddDays(-1), 10),
            new(null, " ", Day.AddDays(10), 20),
            new(null, "Sau ngày dự kiến", Day.AddDays(400), 50),
            new(null, "Giảm tiến độ", Day.AddDays(20), 15),
            new(null, "Quá 100", Day.AddDays(30), 120),
        ];

        var problems = Roadmaps.Check(Day, Day.AddDays(300), plans);

        Assert.Contains(new RoadmapProblem(0, RoadmapField.DueOn, "roadmap.milestone-before-meeting"), problems);
        Assert.Contains(new RoadmapProblem(1, RoadmapField.Content, "roadmap.milestone-content"), problems);
        Assert.Contains(new RoadmapProblem(2, RoadmapField.DueOn, "roadmap.milestone-after-planned"), problems);
        Assert.Contains(new RoadmapProblem(3, RoadmapField.SharePercent, "roadmap.share-not-rising"), problems);
        Assert.Contains(new RoadmapProblem(4, RoadmapField.SharePercent, "roadmap.share-range"), problems);
        Assert.Contains(new RoadmapProblem(null, RoadmapField.PlannedResolutionOn, "roadmap.planned-before-meeting"), Roadmaps.Check(Day, Day.AddDays(-1), TwoSteps));
        Assert.Contains(new RoadmapProblem(null, RoadmapField.Milestones, "roadmap.no-milestones"), Roadmaps.Check(Day, Day.AddDays(10), []));
        Assert.Empty(Roadmaps.Check(Day, Day.AddDays(200), TwoSteps));
    }

    [Fact]
    public void A_broken_rule_leaves_the_roadmap_as_it_was()
    {
        var r = Answered(ResponseKind.Accepted);
        var ex = Assert.Throws<DomainException>(() => r.PlanRoadmap(Day.AddDays(100), 9, TwoSteps, By));
        Assert.Equal("roadmap.milestone-after-planned", ex.Code);
        Assert.Null(r.Roadmap);
    }

    [Fact]
    public void A_milestone_is_done_once_on_a_day_between_the_meeting_and_today_and_raises_the_progress()
    {
        var r = Answered(ResponseKind.Accepted);
        r.PlanRoadmap(Day.AddDays(200), 9, TwoSteps, By);
        Save(r);
        var first = r.Roadmap!.Milestones[0];
        var today = Day.AddDays(40);

        Assert.Equal("roadmap.done-date", Assert.Throws<DomainException>(() => r.MarkMilestoneDone(first.Id, Day.AddDays(-1), null, today, By)).Code);
        Assert.Equal("roadmap.done-date", Assert.Throws<DomainException>(() => r.MarkMilestoneDone(first.Id, today.AddDays(1), null, today, By)).Code);
        Assert.Equal(0, r.Roadmap.ProgressPercent);

        r.MarkMilestoneDone(first.Id, Day.AddDays(35), "Đã phê duyệt dự án", today, By);

        Assert.Equal(30, r.Roadmap.ProgressPercent);
        Assert.Equal(Day.AddDays(35), first.DoneOn);
        Assert.Equal(RecommendationEventKind.MilestoneDone, r.Events[^1].Kind);
        Assert.Equal("roadmap.milestone-done-already", Assert.Throws<DomainException>(() => r.MarkMilestoneDone(first.Id, today, null, today, By)).Code);
    }

    [Fact]
    public void Changing_the_roadmap_keeps_a_milestone_done_and_drops_one_left_out()
    {
        var r = Answered(ResponseKind.Accepted);
        r.PlanRoadmap(Day.AddDays(200), 9, TwoSteps, By);
        Save(r);
        var first = r.Roadmap!.Milestones[0];
        r.MarkMilestoneDone(first.Id, Day.AddDays(35), null, Day.AddDays(40), By);

        r.PlanRoadmap(Day.AddDays(250), 10, [new(first.Id, "Lập dự án", Day.AddDays(30), 30), new(null, "Hoàn thành", Day.AddDays(250), 100)], By);

        Assert.Equal(10, r.Roadmap.ReportingOrganisationId);
        Assert.Equal<DateOnly?>([Day.AddDays(35), null], r.Roadmap.Milestones.Select(m => m.DoneOn));
        Assert.Equal(RecommendationEventKind.RoadmapChanged, r.Events[^1].Kind);
    }

    [Fact]
    public void Roadmap_overdue_is_a_milestone_past_its_date_not_done_or_the_planned_date_passed_while_unresolved()
    {
        var r = Answered(ResponseKind.Accepted);
        r.PlanRoadmap(Day.AddDays(200), 9, TwoSteps, By);
        Save(r);
        var overdue = FigureDefinitions.RoadmapOverdue(Day.AddDays(31)).Compile();
        var onRoadmap = FigureDefinitions.OnRoadmap.Compile();

        Assert.True(onRoadmap(r));
        Assert.False(FigureDefinitions.RoadmapOverdue(Day.AddDays(30)).Compile()(r));
        Assert.True(overdue(r));
        // An item on a roadmap was answered: it is never overdue for want of an answer.
        Assert.False(FigureDefinitions.Overdue(Day.AddDays(400)).Compile()(r));

        r.MarkMilestoneDone(r.Roadmap!.Milestones[0].Id, Day.AddDays(31), null, Day.AddDays(31), By);
        Assert.False(overdue(r));
        Assert.True(FigureDefinitions.RoadmapOverdue(Day.AddDays(201)).Compile()(r));

        r.Respond(ResponseKind.Resolved, Day.AddDays(60), 9, null, "Đã xong", By);
        Assert.False(onRoadmap(r));
        Assert.False(FigureDefinitions.RoadmapOverdue(Day.AddDays(201)).Compile()(r));
        Assert.Equal(
            FigureDefinitions.RoadmapOverdue(Day.AddDays(201)).Compile()(r),
            Roadmaps.IsOverdue(r.Status, r.Meeting!.Status, r.Roadmap.PlannedResolutionOn, r.Roadmap.Milestones.Select(m => (m.DueOn, m.DoneOn)), Day.AddDays(201)));
    }
}
