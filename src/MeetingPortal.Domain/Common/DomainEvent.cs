namespace MeetingPortal.Domain.Common;

/// <summary>
/// Something that happened to an aggregate and that others must hear of (a recommendation given to a
/// body, an answer, a meeting published). Entities raise them; the persistence layer dispatches them
/// once the change is saved, so nobody is told of a change that did not happen.
/// </summary>
public interface IDomainEvent;
