namespace MeetingPortal.Domain.Common;

/// <summary>
/// Base of every record users edit. Audit fields and <see cref="Version"/> are filled by the
/// persistence layer in one place, never by page code.
/// </summary>
public abstract class Entity
{
    public int Id { get; protected set; }

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? ChangedAtUtc { get; set; }
    public string? ChangedBy { get; set; }

    /// <summary>Optimistic concurrency token; incremented on every save of a changed row.</summary>
    public int Version { get; set; }
}
