namespace MeetingPortal.Domain.Recommendations;

public enum RecommendationEventKind
{
    Assigned = 1,
    Unassigned = 2,
    Responded = 3,
    Closed = 4,
    Reopened = 5,
    Satisfied = 6,
    NotSatisfied = 7,
    Forwarded = 8,
    Returned = 9,

    /// <summary>A roadmap was drawn up (lộ trình giải quyết).</summary>
    RoadmapPlanned = 10,

    /// <summary>The roadmap was changed as a whole.</summary>
    RoadmapChanged = 11,

    /// <summary>A milestone of the roadmap was reported done; the note is the milestone's text.</summary>
    MilestoneDone = 12,
}

/// <summary>One step in a recommendation's life: who did what, when, and the status before and after.</summary>
public class RecommendationEvent
{
    public const int NoteMaxLength = 2_000;

    internal RecommendationEvent(RecommendationEventKind kind, RecommendationStatus fromStatus, RecommendationStatus toStatus, string? userName, DateTime atUtc)
    {
        Kind = kind;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        UserName = userName;
        AtUtc = atUtc;
    }

    public long Id { get; private set; }
    public int RecommendationId { get; private set; }
    public RecommendationEventKind Kind { get; private set; }
    public RecommendationStatus FromStatus { get; private set; }
    public RecommendationStatus ToStatus { get; private set; }
    public string? UserName { get; private set; }
    public DateTime AtUtc { get; private set; }
    public int? OrganisationId { get; set; }
    public string? Note { get; set; }
}
