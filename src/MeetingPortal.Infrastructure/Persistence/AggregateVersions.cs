using MeetingPortal.Domain.Common;

namespace MeetingPortal.Infrastructure.Persistence;

/// <summary>
/// The one place an aggregate's version guards its whole record: a use case that changed a root or only its
/// children (a response, a progress report, a speech) saves the root row with the version the user saw as
/// the original. A stale edit then fails (DbUpdateConcurrencyException) and a saved one bumps the version
/// (<see cref="AuditInterceptor"/>).
/// </summary>
public static class AggregateVersions
{
    /// <summary>Marks <paramref name="root"/> for saving as of <paramref name="seenVersion"/>, even when only its children changed.</summary>
    public static void SaveAsOf(this MeetingPortalDbContext db, Entity root, int seenVersion)
    {
        var entry = db.Entry(root);
        entry.Property(e => e.Version).OriginalValue = seenVersion;
        entry.Property(e => e.ChangedAtUtc).IsModified = true;
    }
}
