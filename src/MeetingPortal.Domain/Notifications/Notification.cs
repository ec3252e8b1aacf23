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
}

/// <summary>Something a user should know about a recommendation; shown under the bell until read.</summary>
public class Notification
{
    public const int SummaryMaxLength = 300;

    public Notification(string userId, NotificationKind kind, int recommendationId, string summary, DateTime createdAtUtc)
    {
        UserId = userId;
        Kind = kind;
        RecommendationId = recommendationId;
        Summary = summary.Length > SummaryMaxLength ? summary[..(SummaryMaxLength - 1)] + "…" : summary;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public int RecommendationId { get; private set; }

    /// <summary>The start of the recommendation's text, so the list reads without opening each one.</summary>
    public string Summary { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ReadAtUtc { get; private set; }

    /// <summary>Set by the mail sender; null while email is off or not yet sent.</summary>
    public DateTime? EmailedAtUtc { get; set; }

    public void MarkRead(DateTime atUtc) => ReadAtUtc ??= atUtc;
}
