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

    // A field, not a property, so the model never maps it.
    private List<IDomainEvent>? _domainEvents;

    /// <summary>Records an event to be dispatched after the next successful save.</summary>
    protected void Raise(IDomainEvent domainEvent) => (_domainEvents ??= []).Add(domainEvent);

    /// <summary>The events raised since the last call, in order; the list is emptied.</summary>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        var events = (IReadOnlyList<IDomainEvent>?)_domainEvents ?? [];
        _domainEvents = null;
        return events;
    }
}
