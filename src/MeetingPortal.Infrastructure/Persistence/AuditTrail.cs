using System.Text.Json;
using MeetingPortal.Domain.History;

namespace MeetingPortal.Infrastructure.Persistence;

/// <summary>
/// The one writer of history rows (meetings, imports, administration, national settings): who and when (UTC)
/// are filled in here, the reason is cut to its column, changes are stored as one JSON shape. The row is
/// only added to the context: it is saved with the change it describes, in the caller's transaction.
/// </summary>
public sealed class AuditTrail(MeetingPortalDbContext db, ICurrentUser currentUser, TimeProvider timeProvider)
{
    /// <summary>Adds a history row for a change to <paramref name="entityType"/> #<paramref name="entityId"/>; <paramref name="description"/> may be null (a meeting saved without a stated reason).</summary>
    public HistoryEntry Record(
        string entityType, int entityId, HistoryAction action, string? description, int? unitId = null, IReadOnlyList<FieldChange>? changes = null, int? version = null)
    {
        var entry = new HistoryEntry(entityType, entityId, action, currentUser.UserName, timeProvider.GetUtcNow().UtcDateTime)
        {
            Version = version,
            Reason = string.IsNullOrWhiteSpace(description) ? null
                : description.Trim().Length > HistoryEntry.ReasonMaxLength ? description.Trim()[..HistoryEntry.ReasonMaxLength] : description.Trim(),
            UnitId = unitId,
            Changes = changes is { Count: > 0 } ? JsonSerializer.Serialize(changes) : null,
        };
        db.History.Add(entry);
        return entry;
    }

    /// <summary>The field changes of a history row, as every writer of history stores them.</summary>
    public static IReadOnlyList<FieldChange> ReadChanges(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<FieldChange>>(json) ?? [];

    /// <summary>The fields whose values differ, for the "what changed" column.</summary>
    public static IReadOnlyList<FieldChange> Diff(params (string Field, string? From, string? To)[] fields) =>
        fields.Where(f => f.From != f.To).Select(f => new FieldChange(f.Field, f.From, f.To)).ToList();
}

public sealed record FieldChange(string Field, string? From, string? To);
