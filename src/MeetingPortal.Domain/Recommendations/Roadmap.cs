using System.Linq.Expressions;
using MeetingPortal.Domain.Meetings;

namespace MeetingPortal.Domain.Recommendations;

/// <summary>
/// The plan for an accepted recommendation that cannot be resolved at once (lộ trình giải quyết): the day it is to be
/// resolved, the body that reports on it, and its milestones with their share of the progress. Kon Tum's 2024 report:
/// accepted recommendations that cannot be resolved at once get "kế hoạch, lộ trình để thực hiện", the raisers are
/// told, and the results are reported at the next meeting (issue 18, deliver 3; ADR 0025 section 3). Owned by
/// <see cref="Recommendation"/>, which checks every rule (<see cref="Recommendation.PlanRoadmap"/>).
/// </summary>
public class Roadmap
{
    /// <summary>The most milestones one roadmap has; a plan longer than this is a programme, not a roadmap.</summary>
    public const int MaxMilestones = 20;

    private readonly List<Milestone> _milestones = [];

    internal Roadmap(DateOnly plannedResolutionOn, int reportingOrganisationId)
    {
        PlannedResolutionOn = plannedResolutionOn;
        ReportingOrganisationId = reportingOrganisationId;
    }

    public int Id { get; private set; }

    /// <summary>The recommendation it belongs to (one roadmap each).</summary>
    public int RecommendationId { get; private set; }

    /// <summary>The day the matter is planned to be resolved by (Vietnam date).</summary>
    public DateOnly PlannedResolutionOn { get; internal set; }

    /// <summary>The body that reports on the progress (đơn vị báo cáo): an organisation id.</summary>
    public int ReportingOrganisationId { get; internal set; }

    /// <summary>The milestones in date order (then share).</summary>
    public IReadOnlyList<Milestone> Milestones => _milestones;

    /// <summary>The share reached (0-100 %): the largest share of a milestone done; 0 when none is done.</summary>
    public int ProgressPercent => Roadmaps.Progress(_milestones.Select(m => (m.SharePercent, m.DoneOn)));

    internal List<Milestone> MilestoneList => _milestones;
}

/// <summary>One step of a <see cref="Roadmap"/>: what is to be done by a day, and the share of the progress it brings.</summary>
public class Milestone
{
    public const int ContentMaxLength = 1_000;
    public const int NoteMaxLength = 2_000;

    internal Milestone(string content, DateOnly dueOn, int sharePercent)
    {
        Content = content;
        DueOn = dueOn;
        SharePercent = sharePercent;
    }

    public long Id { get; private set; }
    public int RoadmapId { get; private set; }

    /// <summary>What is to be done (mốc công việc).</summary>
    public string Content { get; internal set; }

    /// <summary>The day it is due (Vietnam date); it is overdue from the day after.</summary>
    public DateOnly DueOn { get; internal set; }

    /// <summary>The share of the whole progress reached when it is done, 0-100 %, rising with the dates.</summary>
    public int SharePercent { get; internal set; }

    /// <summary>The day it was done (Vietnam date); null while not done.</summary>
    public DateOnly? DoneOn { get; internal set; }

    /// <summary>What was reported with it being done, if anything.</summary>
    public string? DoneNote { get; internal set; }
}

/// <summary>
/// A milestone as a form or an import gives it: <paramref name="Id"/> names a milestone kept from the roadmap being
/// changed (it keeps its done date), null a new one. <paramref name="SharePercent"/> is 0-100.
/// </summary>
public sealed record MilestonePlan(long? Id, string Content, DateOnly DueOn, int SharePercent);

/// <summary>The roadmap rules every list, count, check and reminder uses; each is defined here once (ADR 0025 section 3).</summary>
public static class Roadmaps
{
    private static readonly RecommendationStatus[] OpenStatuses = [.. RecommendationStatuses.Open];

    /// <summary>
    /// Whether a recommendation may get or change a roadmap: it is followed up (its meeting is published) and its latest
    /// answer accepts it: "in progress" (đang giải quyết), or answered with "accepted" (tiếp thu) as the last reply.
    /// An explanation (giải trình) or a refusal does not promise anything to plan; a resolved or closed matter needs
    /// no plan; a reopened one awaits a new answer first.
    /// </summary>
    /// <param name="status">The recommendation's status.</param>
    /// <param name="lastKind">The kind of its latest reply, null when none.</param>
    /// <param name="isFollowed">Whether its meeting is published.</param>
    public static bool MayPlan(RecommendationStatus status, ResponseKind? lastKind, bool isFollowed) =>
        isFollowed && (status == RecommendationStatus.InProgress || (status == RecommendationStatus.Answered && lastKind == ResponseKind.Accepted));

    /// <summary>Whether a milestone may be marked done: the recommendation has a roadmap and is still open (not settled or declined).</summary>
    public static bool MayReport(RecommendationStatus status, bool hasRoadmap, bool isFollowed) =>
        isFollowed && hasRoadmap && RecommendationStatuses.Open.Contains(status);

    /// <summary>
    /// Theo lộ trình (on a roadmap): followed up, open (neither settled nor declined) and with a roadmap. Counted apart
    /// from the unanswered: an item on a roadmap has been answered (accepted).
    /// </summary>
    public static readonly Expression<Func<Recommendation, bool>> OnRoadmap =
        r => r.Meeting!.Status == MeetingStatus.Published && r.Roadmap != null && OpenStatuses.Contains(r.Status);

    /// <summary>
    /// Lộ trình quá hạn (roadmap overdue) on <paramref name="day"/> (Vietnam date): on a roadmap (<see cref="OnRoadmap"/>)
    /// and either a milestone not done with its due date before that day, or the planned resolution date before that day
    /// (the date itself is still in time, as for <see cref="RecommendationStatuses.OverdueOn"/>). For queries;
    /// <see cref="IsOverdue"/> is the same test in memory.
    /// </summary>
    public static Expression<Func<Recommendation, bool>> OverdueOn(DateOnly day) =>
        r => r.Meeting!.Status == MeetingStatus.Published && r.Roadmap != null && OpenStatuses.Contains(r.Status)
            && (r.Roadmap.PlannedResolutionOn < day || r.Roadmap.Milestones.Any(m => m.DoneOn == null && m.DueOn < day));

    /// <summary>
    /// A milestone overdue on <paramref name="day"/>, of a recommendation on a roadmap: what the hourly check tells the
    /// reporting body and the trackers of once (each milestone, by its due date).
    /// </summary>
    public static Expression<Func<Milestone, bool>> MilestoneOverdueOn(DateOnly day) => m => m.DoneOn == null && m.DueOn < day;

    /// <summary>The in-memory form of <see cref="OverdueOn"/>, for a roadmap already read with its recommendation's status.</summary>
    public static bool IsOverdue(RecommendationStatus status, MeetingStatus meetingStatus, DateOnly plannedResolutionOn, IEnumerable<(DateOnly DueOn, DateOnly? DoneOn)> milestones, DateOnly day) =>
        Recommendation.IsFollowedIn(meetingStatus) && RecommendationStatuses.Open.Contains(status)
        && (plannedResolutionOn < day || milestones.Any(m => m.DoneOn is null && m.DueOn < day));

    /// <summary>
    /// The rules of a roadmap as drawn up (ADR 0025 section 3), every problem found, in form order, so a form can say
    /// each beside its field: the planned resolution date not before the meeting (<paramref name="heldOn"/>); one to
    /// <see cref="Roadmap.MaxMilestones"/> milestones, each with a text, a due date between the meeting and the planned
    /// date, and a share of 0-100 % that rises with the dates (taken in date order, each share above the one before,
    /// so the last is the largest and at most 100).
    /// </summary>
    /// <returns>Empty when the roadmap may be saved; else each problem with the milestone's index in <paramref name="milestones"/> (null for the roadmap's own fields).</returns>
    public static IReadOnlyList<RoadmapProblem> Check(DateOnly heldOn, DateOnly plannedResolutionOn, IReadOnlyList<MilestonePlan> milestones)
    {
        var problems = new List<RoadmapProblem>();
        if (plannedResolutionOn < heldOn)
        {
            problems.Add(new(null, RoadmapField.PlannedResolutionOn, "roadmap.planned-before-meeting"));
        }
        else if (plannedResolutionOn.Year > Meetings.ReviewPeriod.LastYear)
        {
            // 31/12/9999 was accepted (issue 18 trial): a plan reaches no further than the years the portal plans for.
            problems.Add(new(null, RoadmapField.PlannedResolutionOn, "roadmap.planned-too-far"));
        }

        if (milestones.Count == 0)
        {
            problems.Add(new(null, RoadmapField.Milestones, "roadmap.no-milestones"));
        }
        else if (milestones.Count > Roadmap.MaxMilestones)
        {
            problems.Add(new(null, RoadmapField.Milestones, "roadmap.too-many-milestones"));
        }

        for (var i = 0; i < milestones.Count; i++)
        {
            var m = milestones[i];
            if (string.IsNullOrWhiteSpace(m.Content))
            {
                problems.Add(new(i, RoadmapField.Content, "roadmap.milestone-content"));
            }

            if (m.DueOn < heldOn)
            {
                problems.Add(new(i, RoadmapField.DueOn, "roadmap.milestone-before-meeting"));
            }
            else if (m.DueOn > plannedResolutionOn)
            {
                problems.Add(new(i, RoadmapField.DueOn, "roadmap.milestone-after-planned"));
            }

            if (m.SharePercent is < 0 or > 100)
            {
                problems.Add(new(i, RoadmapField.SharePercent, "roadmap.share-range"));
            }
        }

        // In date order (a tie keeps the form's order), each share is above the one before: progress only rises.
        var ordered = milestones.Select((m, i) => (m, i)).OrderBy(x => x.m.DueOn).ThenBy(x => x.i).ToList();
        for (var k = 1; k < ordered.Count; k++)
        {
            var (m, i) = ordered[k];
            if (m.SharePercent <= ordered[k - 1].m.SharePercent && m.SharePercent is >= 0 and <= 100)
            {
                problems.Add(new(i, RoadmapField.SharePercent, "roadmap.share-not-rising"));
            }
        }

        return problems.OrderBy(p => p.Index ?? -1).ToList();
    }

    /// <summary>A milestone is done on a day between the meeting's (<paramref name="heldOn"/>) and <paramref name="today"/>, both included.</summary>
    public static bool IsDoneDateValid(DateOnly doneOn, DateOnly heldOn, DateOnly today) => doneOn >= heldOn && doneOn <= today;

    /// <summary>The share reached (0-100 %): the largest share among the milestones done; 0 when none is done.</summary>
    public static int Progress(IEnumerable<(int SharePercent, DateOnly? DoneOn)> milestones) =>
        milestones.Where(m => m.DoneOn is not null).Select(m => m.SharePercent).DefaultIfEmpty(0).Max();
}

/// <summary>Which value of a roadmap a <see cref="RoadmapProblem"/> is about.</summary>
public enum RoadmapField
{
    PlannedResolutionOn = 1,
    Milestones = 2,
    Content = 3,
    DueOn = 4,
    SharePercent = 5,
}

/// <summary>One broken roadmap rule: the milestone's index (null for the roadmap's own fields), the field and the rule's code ("Domain.{code}" is its message).</summary>
public sealed record RoadmapProblem(int? Index, RoadmapField Field, string Code);
