namespace MeetingPortal.Domain.Notifications;

public enum NotificationKind
{
    Assigned = 1,
    Answered = 2,
    Forwarded = 3,
    Returned = 4,
    Reopened = 5,
    DueSoon = 6,
    Overdue = 7,
    Escalated = 8,

    /// <summary>A planned dialogue's month or quarter ends soon and it is not held (issue 18, deliver 1).</summary>
    PlanDueSoon = 20,

    /// <summary>A planned dialogue's period has ended and it is not held.</summary>
    PlanLate = 21,

    /// <summary>A roadmap was drawn up or changed: the raising unit hears how the accepted matter will be resolved.</summary>
    RoadmapPlanned = 30,

    /// <summary>A milestone of the roadmap was reported done: the raising unit hears.</summary>
    MilestoneDone = 31,

    /// <summary>A milestone is past its date and not done (said once per milestone date): the reporting body and the trackers hear.</summary>
    RoadmapOverdue = 32,
}

/// <summary>
/// Something a user should know about a recommendation, or about a planned dialogue of their unit (issue 18); shown
/// under the bell until read. Exactly one of <see cref="RecommendationId"/> and <see cref="PlannedDialogueId"/> is set.
/// </summary>
public class Notification
{
    public const int SummaryMaxLength = 300;

    /// <summary>A notification of a change (assigned, answered, ...): said every time the change happens.</summary>
    /// <param name="userId">The account told (Identity user id).</param>
    /// <param name="kind">What happened.</param>
    /// <param name="recommendationId">The recommendation it is about.</param>
    /// <param name="summary">The recommendation's text, cut to <see cref="SummaryMaxLength"/> characters.</param>
    /// <param name="createdAtUtc">UTC.</param>
    public Notification(string userId, NotificationKind kind, int recommendationId, string summary, DateTime createdAtUtc)
    {
        UserId = userId;
        Kind = kind;
        RecommendationId = recommendationId;
        Summary = summary.Length > SummaryMaxLength ? summary[..(SummaryMaxLength - 1)] + "…" : summary;
        CreatedAtUtc = createdAtUtc;
    }

    /// <summary>
    /// A reminder about a due date (due soon, overdue, escalated): said once per recommendation, kind,
    /// user and due date; a new assignment or forward with another due date starts a new count.
    /// </summary>
    /// <param name="userId">The account told (Identity user id).</param>
    /// <param name="kind">What happened.</param>
    /// <param name="recommendationId">The recommendation it is about.</param>
    /// <param name="summary">The recommendation's text, cut to <see cref="SummaryMaxLength"/> characters.</param>
    /// <param name="dueOn">The due date (Vietnam calendar date) the reminder is about.</param>
    /// <param name="createdAtUtc">UTC.</param>
    public static Notification Reminder(string userId, NotificationKind kind, int recommendationId, string summary, DateOnly dueOn, DateTime createdAtUtc) =>
        new(userId, kind, recommendationId, summary, createdAtUtc) { DueOn = dueOn };

    /// <summary>
    /// A reminder about a planned dialogue (<see cref="NotificationKind.PlanDueSoon"/>, <see cref="NotificationKind.PlanLate"/>):
    /// said once per entry, kind, user and end of its period (<paramref name="endsOn"/>, Vietnam date), so moving the
    /// entry to another period starts a new count.
    /// </summary>
    /// <param name="userId">The account told (Identity user id).</param>
    /// <param name="kind">Due soon or late.</param>
    /// <param name="plannedDialogueId">The planned dialogue it is about.</param>
    /// <param name="summary">Its period and topic, cut to <see cref="SummaryMaxLength"/> characters.</param>
    /// <param name="endsOn">The last day of its period (Vietnam date).</param>
    /// <param name="createdAtUtc">UTC.</param>
    public static Notification PlanReminder(string userId, NotificationKind kind, int plannedDialogueId, string summary, DateOnly endsOn, DateTime createdAtUtc) =>
        new(userId, kind, summary, createdAtUtc) { PlannedDialogueId = plannedDialogueId, DueOn = endsOn };

    private Notification(string userId, NotificationKind kind, string summary, DateTime createdAtUtc)
    {
        UserId = userId;
        Kind = kind;
        Summary = summary.Length > SummaryMaxLength ? summary[..(SummaryMaxLength - 1)] + "…" : summary;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; }
    public NotificationKind Kind { get; private set; }
    /// <summary>The recommendation it is about; null for a reminder about a planned dialogue.</summary>
    public int? RecommendationId { get; private set; }

    /// <summary>The planned dialogue it is about (issue 18, deliver 1); null for one about a recommendation.</summary>
    public int? PlannedDialogueId { get; private set; }

    /// <summary>The start of the recommendation's text, so the list reads without opening each one.</summary>
    public string Summary { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ReadAtUtc { get; private set; }

    /// <summary>
    /// For reminders, the due date they are about; null for notifications of a change. A unique index on
    /// (recommendation, kind, user, due date) keeps a reminder from being said twice, even by two servers.
    /// </summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>Set by the mail sender (UTC); null while email is off or not yet sent.</summary>
    public DateTime? EmailedAtUtc { get; private set; }

    /// <summary>The server that claimed this notification for mailing (so that only it sends it); null when unclaimed.</summary>
    public string? EmailClaimedBy { get; private set; }

    /// <summary>When that claim was taken (UTC); a claim older than the mail sender's timeout is taken over.</summary>
    public DateTime? EmailClaimedAtUtc { get; private set; }

    public void MarkRead(DateTime atUtc) => ReadAtUtc ??= atUtc;

    /// <summary>The message went to the mail server (UTC); the claim is done with.</summary>
    public void MarkEmailed(DateTime atUtc)
    {
        EmailedAtUtc ??= atUtc;
        EmailClaimedBy = null;
        EmailClaimedAtUtc = null;
    }
}
