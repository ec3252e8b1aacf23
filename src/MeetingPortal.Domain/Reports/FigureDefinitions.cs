using System.Linq.Expressions;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Domain.Recommendations;

namespace MeetingPortal.Domain.Reports;

/// <summary>
/// Where a recommendation stands against its due date on a given day (the tracker's "due" criterion and the
/// summary's three due-date figures, which add up to all recommendations counted).
/// </summary>
public enum DueState
{
    /// <summary>Đã đến hạn: the due date is before the day counted (the due date itself is still in time).</summary>
    Passed = 1,

    /// <summary>Chưa đến hạn: the due date is the day counted or later.</summary>
    NotYet = 2,

    /// <summary>Không có hạn: no due date was set; counted apart, never silently left out (issue 15, item 1).</summary>
    None = 3,
}

/// <summary>
/// The one definition of each figure of a summary, official report and export (issue 15, deliver 1). The summary
/// counts, the tracker's criteria behind each figure and the scorecards all use these expressions, so a figure and the
/// list it opens cannot disagree. Every figure counts records of published meetings only (a draft is not yet a record:
/// follow-up starts at publication, ADR 0012) held in the period (by the meeting's date, Vietnam calendar). "Today" is
/// the Vietnam date the figures are counted on (for an official report: the day it was frozen).
/// </summary>
public static class FigureDefinitions
{
    /// <summary>A meeting counts once published.</summary>
    public static readonly Expression<Func<Meeting, bool>> CountedMeeting = m => m.Status == MeetingStatus.Published;

    /// <summary>A recommendation counts once its meeting is published (<see cref="Recommendation.Followed"/>).</summary>
    public static readonly Expression<Func<Recommendation, bool>> CountedRecommendation = Recommendation.Followed;

    /// <summary>Đã trả lời: has a first answer (tiếp thu, giải trình, resolution or refusal), whatever happened since.</summary>
    public static readonly Expression<Func<Recommendation, bool>> Answered = r => r.FirstAnsweredOn != null;

    /// <summary>Đã giải quyết: settled (resolved, or closed after resolution).</summary>
    public static readonly Expression<Func<Recommendation, bool>> Resolved = r => r.ResolvedOn != null;

    private static readonly RecommendationStatus[] OpenStatuses = [.. RecommendationStatuses.Open];

    /// <summary>Chưa kết thúc: awaiting an answer, or answered and not yet settled (<see cref="RecommendationStatuses.Open"/>).</summary>
    public static readonly Expression<Func<Recommendation, bool>> Open = r => OpenStatuses.Contains(r.Status);

    /// <summary>Quá hạn on <paramref name="today"/>: the domain's one rule, <see cref="RecommendationStatuses.OverdueOn"/>.</summary>
    public static Expression<Func<Recommendation, bool>> Overdue(DateOnly today) => RecommendationStatuses.OverdueOn(today);

    /// <summary>
    /// Theo lộ trình: open, followed up and with a roadmap (<see cref="Roadmaps.OnRoadmap"/>). Counted apart from the
    /// unanswered: an item on a roadmap was accepted, so it is never <see cref="Overdue"/> for want of an answer.
    /// </summary>
    public static readonly Expression<Func<Recommendation, bool>> OnRoadmap = Roadmaps.OnRoadmap;

    /// <summary>
    /// Lộ trình quá hạn on <paramref name="today"/>: on a roadmap with a milestone past its date and not done, or past
    /// its planned resolution date: the domain's one rule, <see cref="Roadmaps.OverdueOn"/>.
    /// </summary>
    public static Expression<Func<Recommendation, bool>> RoadmapOverdue(DateOnly today) => Roadmaps.OverdueOn(today);

    /// <summary>Where a recommendation stands against its due date on <paramref name="today"/> (see <see cref="DueState"/>).</summary>
    public static Expression<Func<Recommendation, bool>> Due(DueState state, DateOnly today) => state switch
    {
        DueState.Passed => r => r.DueOn != null && r.DueOn < today,
        DueState.NotYet => r => r.DueOn != null && r.DueOn >= today,
        _ => r => r.DueOn == null,
    };

    /// <summary>
    /// Trả lời đúng hạn: due before <paramref name="today"/> (<see cref="DueState.Passed"/>) and first answered on or
    /// before the due date. Its denominator is <see cref="DueState.Passed"/>: every item that fell due, answered or
    /// not, so an overdue unanswered item lowers the share (issue 15, item 1: a body with five of six unanswered was
    /// shown "100%").
    /// </summary>
    public static Expression<Func<Recommendation, bool>> OnTime(DateOnly today) =>
        r => r.DueOn != null && r.DueOn < today && r.FirstAnsweredOn != null && r.FirstAnsweredOn <= r.DueOn;

    /// <summary>Nhiệm vụ có chỉ tiêu: a task of the conclusion with a measurable target (issue 16, deliver 6).</summary>
    public static readonly Expression<Func<Directive, bool>> WithTarget = d => d.TargetMeasure != null;

    /// <summary>Đạt chỉ tiêu: the latest value reported reaches the target, the domain's one rule <see cref="Directive.ReachesTarget"/>.</summary>
    public static readonly Expression<Func<Directive, bool>> TargetReached = Directive.ReachesTarget;

    /// <summary>
    /// Chưa đạt chỉ tiêu: a value was reported and it falls short of the target. With <see cref="TargetReached"/> and
    /// <see cref="TargetNotReported"/> it adds up to <see cref="WithTarget"/>.
    /// </summary>
    public static readonly Expression<Func<Directive, bool>> TargetNotReached = NotReaching();

    /// <summary>Chưa báo cáo số liệu: a target is set and no value has been reported.</summary>
    public static readonly Expression<Func<Directive, bool>> TargetNotReported = d => d.TargetMeasure != null && d.LatestValue == null;

    /// <summary>A value reported against a target, and <see cref="Directive.ReachesTarget"/> false: the rule negated, not restated.</summary>
    private static Expression<Func<Directive, bool>> NotReaching()
    {
        Expression<Func<Directive, bool>> reported = d => d.TargetMeasure != null && d.LatestValue != null;
        var directive = Expression.Parameter(typeof(Directive), "d");
        return Expression.Lambda<Func<Directive, bool>>(
            Expression.AndAlso(Expression.Invoke(reported, directive), Expression.Not(Expression.Invoke(Directive.ReachesTarget, directive))), directive);
    }

    /// <summary>Đối thoại theo kế hoạch: an entry of a unit's dialogue plan not taken off it (issue 18, deliver 1).</summary>
    public static readonly Expression<Func<PlannedDialogue, bool>> PlannedDialogues = PlannedDialogue.IsCounted;

    /// <summary>Đã tổ chức: a planned dialogue with a published meeting linked, held in its period or after it.</summary>
    public static readonly Expression<Func<PlannedDialogue, bool>> HeldDialogues = PlannedDialogue.IsHeld;

    /// <summary>Chậm tổ chức on <paramref name="today"/>: the domain's one rule, <see cref="PlannedDialogue.LateOn"/>.</summary>
    public static Expression<Func<PlannedDialogue, bool>> LateDialogues(DateOnly today) => PlannedDialogue.LateOn(today);

    /// <summary>A body is ranked on its on-time share only with at least this many items due (<see cref="DueState.Passed"/>).</summary>
    public const int MinimumDueToRank = 5;

    /// <summary>Share of <paramref name="part"/> in <paramref name="whole"/> (0-1), or null when nothing is counted.</summary>
    public static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
