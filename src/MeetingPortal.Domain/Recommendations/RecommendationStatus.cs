namespace MeetingPortal.Domain.Recommendations;

/// <summary>
/// "Answered" (a reply exists) and "Resolved" (the matter is settled) are separate on purpose:
/// reports that count answers as solutions hide what is still open.
/// </summary>
public enum RecommendationStatus
{
    New = 1,
    Assigned = 2,
    InProgress = 3,
    Answered = 4,
    Resolved = 5,
    Closed = 6,
    Declined = 7,
}

public enum ResponseKind
{
    /// <summary>Tiếp thu.</summary>
    Accepted = 1,

    /// <summary>Giải trình.</summary>
    Explained = 2,

    /// <summary>Đang giải quyết.</summary>
    InProgress = 3,

    /// <summary>Đã giải quyết.</summary>
    Resolved = 4,

    /// <summary>Không chấp nhận, with reasons.</summary>
    Declined = 5,
}
