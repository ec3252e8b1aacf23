using System.Linq.Expressions;
using MeetingPortal.Domain.Meetings;

namespace MeetingPortal.Domain.Recommendations;

/// <summary>What a user may do to a recommendation; each is one method of <see cref="Recommendation"/>.</summary>
public enum RecommendationAction
{
    /// <summary>Give it to a body (giao), or to another body while unanswered.</summary>
    Assign = 1,

    /// <summary>Record a reply or an action of the body (trả lời, đang giải quyết, đã giải quyết...).</summary>
    Respond = 2,

    /// <summary>Pass it from its body to another (chuyển).</summary>
    Forward = 3,

    /// <summary>Send a forwarded matter back to its sender (trả lại).</summary>
    Return = 4,

    /// <summary>Close a resolved matter (đóng).</summary>
    Close = 5,

    /// <summary>Take an answered or settled matter up again (mở lại).</summary>
    Reopen = 6,

    /// <summary>The raising side says whether the answer satisfies it.</summary>
    Judge = 7,
}

/// <summary>
/// The part of a recommendation the state machine reads: its status, whether a body holds it, whether
/// its last forward can still be returned, and whether it is followed up yet (<paramref name="IsFollowed"/>:
/// its meeting is published). Pages build it from a projection and ask it which actions to offer; the
/// entity asks it before every change, so the two cannot disagree.
/// </summary>
/// <param name="IsFollowed">
/// False while the meeting is a draft: the record is the recorder's work in progress, so nobody answers,
/// forwards, closes or judges its recommendations yet; the recorder may still say which body will answer
/// (<see cref="RecommendationAction.Assign"/>). Follow-up starts with publication (issue 13).
/// </param>
public readonly record struct RecommendationState(RecommendationStatus Status, bool IsAddressed, bool CanBeReturned, bool IsFollowed)
{
    private static readonly IReadOnlyList<ResponseKind> AllKinds =
        [ResponseKind.Accepted, ResponseKind.Explained, ResponseKind.InProgress, ResponseKind.Resolved, ResponseKind.Declined];

    // A later acceptance or explanation of a resolved matter adds to the record without undoing the resolution.
    private static readonly IReadOnlyList<ResponseKind> AfterResolution = [ResponseKind.Accepted, ResponseKind.Explained];

    /// <summary>The kinds of reply this state takes; empty when it takes none.</summary>
    public IReadOnlyList<ResponseKind> ResponseKinds => Status switch
    {
        _ when !IsFollowed => [],
        _ when RecommendationStatuses.Open.Contains(Status) => AllKinds,
        RecommendationStatus.Resolved => AfterResolution,
        _ => [],
    };

    /// <summary>Whether the workflow allows <paramref name="action"/> now (roles are the authorization's business, not this).</summary>
    public bool Allows(RecommendationAction action) => action switch
    {
        RecommendationAction.Assign => RecommendationStatuses.AwaitingAnswer.Contains(Status),
        _ when !IsFollowed => false,
        RecommendationAction.Respond => ResponseKinds.Count > 0,
        RecommendationAction.Forward => IsAddressed && Status is RecommendationStatus.Assigned or RecommendationStatus.InProgress,
        RecommendationAction.Return => CanBeReturned && Status is RecommendationStatus.Assigned or RecommendationStatus.InProgress,
        RecommendationAction.Close => Status == RecommendationStatus.Resolved,
        RecommendationAction.Reopen => Status is RecommendationStatus.Answered or RecommendationStatus.Resolved
            or RecommendationStatus.Closed or RecommendationStatus.Declined,
        RecommendationAction.Judge => Status is RecommendationStatus.Answered or RecommendationStatus.Resolved,
        _ => false,
    };

    /// <summary>Whether a reply of <paramref name="kind"/> is taken now.</summary>
    public bool Takes(ResponseKind kind) => ResponseKinds.Contains(kind);
}

/// <summary>The status groups every list, count and check uses; each is defined here once.</summary>
public static class RecommendationStatuses
{
    /// <summary>
    /// Awaiting an answer (chờ trả lời): nothing but "in progress" has come back yet. Only these can be
    /// overdue; an answered matter is waiting for the raising side, not for the body.
    /// </summary>
    public static readonly IReadOnlyList<RecommendationStatus> AwaitingAnswer =
        [RecommendationStatus.New, RecommendationStatus.Assigned, RecommendationStatus.InProgress];

    /// <summary>Open (chưa kết thúc): awaiting an answer, or answered and not yet settled.</summary>
    public static readonly IReadOnlyList<RecommendationStatus> Open = [.. AwaitingAnswer, RecommendationStatus.Answered];

    /// <summary>
    /// Overdue on <paramref name="day"/> (Vietnam date): followed up (its meeting published:
    /// <see cref="Recommendation.IsFollowed"/>) and awaiting an answer with a due date before that day (the due
    /// date itself is still in time). For queries; <see cref="IsOverdue"/> is the same test in memory.
    /// </summary>
    public static Expression<Func<Recommendation, bool>> OverdueOn(DateOnly day) =>
        r => r.Meeting!.Status == MeetingStatus.Published && AwaitingAnswer.Contains(r.Status) && r.DueOn != null && r.DueOn < day;

    /// <summary>
    /// Taken up again (issue 17, the tracker's "reopened"): awaiting an answer after a Reopen, with no reply recorded
    /// since that reopening. A reopened item that has been answered again is no longer "reopened"; it is answered.
    /// Events are compared by id, which follows the order they were recorded. For queries.
    /// </summary>
    public static readonly Expression<Func<Recommendation, bool>> Reopened = r =>
        AwaitingAnswer.Contains(r.Status)
        && r.Events.Any(e => e.Kind == RecommendationEventKind.Reopened && !r.Events.Any(x => x.Kind == RecommendationEventKind.Responded && x.Id > e.Id));

    /// <summary>The in-memory form of <see cref="OverdueOn"/>, for rows already read (with their meeting's status).</summary>
    public static bool IsOverdue(RecommendationStatus status, DateOnly? dueOn, MeetingStatus meetingStatus, DateOnly day) =>
        Recommendation.IsFollowedIn(meetingStatus) && AwaitingAnswer.Contains(status) && dueOn is { } due && due < day;
}
