namespace MeetingPortal.Domain.History;

public enum HistoryAction
{
    Created = 1,
    Updated = 2,
    Published = 3,
    Imported = 4,
    AttachmentAdded = 5,
    AttachmentRemoved = 6,
    Removed = 7,
    Merged = 8,
    Deactivated = 9,
    Reactivated = 10,
    PasswordReset = 11,

    /// <summary>A meeting's minutes were approved with the signed scan (ADR 0019); entries after it are corrections after approval.</summary>
    MinutesApproved = 12,
}

/// <summary>
/// One event in a record's history: who did what and when, and which fields changed from what to
/// what. Written by the handler that made the change, in the same transaction.
/// </summary>
public class HistoryEntry
{
    public const int ReasonMaxLength = 1_000;

    public HistoryEntry(string entityType, int entityId, HistoryAction action, string? userName, DateTime atUtc)
    {
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        UserName = userName;
        AtUtc = atUtc;
    }

    public long Id { get; private set; }
    public string EntityType { get; private set; }
    public int EntityId { get; private set; }
    public HistoryAction Action { get; private set; }
    public string? UserName { get; private set; }
    public DateTime AtUtc { get; private set; }

    /// <summary>The record's version after the change, so a conflicting editor can list what came after theirs.</summary>
    public int? Version { get; set; }

    /// <summary>Why a published record was changed; required for those.</summary>
    public string? Reason { get; set; }

    /// <summary>
    /// The unit an administrative change concerns (a unit, organisation or user account), so the
    /// audit viewer can show it only to administrators whose scope covers it. Null for records whose
    /// unit is reached through the record itself (meetings) and for national settings.
    /// </summary>
    public int? UnitId { get; set; }

    /// <summary>The changed fields as JSON: [{"field":..,"from":..,"to":..}].</summary>
    public string? Changes { get; set; }
}
