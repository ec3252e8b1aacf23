namespace MeetingPortal.Domain.Recommendations;

/// <summary>
/// One forward of a recommendation from a body to another (up a level, or to the competent body),
/// with its own due date. The receiver may return it as outside its powers; the hop stays on record.
/// </summary>
public class RecommendationHop
{
    public const int ReasonMaxLength = 2_000;

    internal RecommendationHop(int? fromOrganisationId, int toOrganisationId, DateOnly? previousDueOn, DateOnly? dueOn, string reason, string? forwardedBy, DateTime forwardedAtUtc)
    {
        FromOrganisationId = fromOrganisationId;
        ToOrganisationId = toOrganisationId;
        PreviousDueOn = previousDueOn;
        DueOn = dueOn;
        Reason = reason;
        ForwardedBy = forwardedBy;
        ForwardedAtUtc = forwardedAtUtc;
    }

    public long Id { get; private set; }
    public int RecommendationId { get; private set; }
    public int? FromOrganisationId { get; private set; }
    public int ToOrganisationId { get; private set; }

    /// <summary>The sender's due date, restored if the receiver returns the matter.</summary>
    public DateOnly? PreviousDueOn { get; private set; }

    public DateOnly? DueOn { get; private set; }
    public string Reason { get; private set; }
    public string? ForwardedBy { get; private set; }
    public DateTime ForwardedAtUtc { get; private set; }
    public string? ReturnReason { get; private set; }
    public string? ReturnedBy { get; private set; }
    public DateTime? ReturnedAtUtc { get; private set; }

    public bool IsReturned => ReturnedAtUtc is not null;

    internal void MarkReturned(string reason, string? userName, DateTime atUtc)
    {
        ReturnReason = reason;
        ReturnedBy = userName;
        ReturnedAtUtc = atUtc;
    }
}
