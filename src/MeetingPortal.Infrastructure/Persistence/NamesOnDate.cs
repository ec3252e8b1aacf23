using MeetingPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Persistence;

/// <summary>
/// The names units and organisations had on a Vietnam day, read from their namings by the one rule of
/// <see cref="DatedSpan.On{T}"/> (ADR 0018): a record prints the names of its date (a meeting's <c>HeldOn</c>), lists
/// and pickers print today's (<c>Name</c>). An id without namings is left out; the caller keeps today's name for it.
/// </summary>
public static class NamesOnDate
{
    /// <summary>The name of each of <paramref name="organisationIds"/> on Vietnam day <paramref name="day"/>, by organisation id.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> OrganisationsAsync(MeetingPortalDbContext db, IEnumerable<int> organisationIds, DateOnly day, CancellationToken cancellationToken)
    {
        var ids = organisationIds.Distinct().ToList();
        var spans = await db.OrganisationNamings.AsNoTracking().Where(n => ids.Contains(n.OrganisationId)).ToListAsync(cancellationToken);
        return spans.GroupBy(n => n.OrganisationId).ToDictionary(g => g.Key, g => DatedSpan.On(g, day)!.Name);
    }

    /// <summary>
    /// A unit as it stood on <paramref name="day"/> (Vietnam calendar): its name that day, and the unit directly above it
    /// named as it was that day, the superior body of a biên bản or báo cáo of that day (Hướng dẫn 36-HD/VPTW). The
    /// superior is null when the unit had no parent then or its parent was the top unit (the whole country, which heads
    /// no Party document). A unit whose history was never started (no change since names were kept) stands where and as
    /// its row says. Unknown ids give (null, null).
    /// </summary>
    public static async Task<(string? Name, string? Superior)> UnitOnAsync(MeetingPortalDbContext db, int unitId, DateOnly day, CancellationToken cancellationToken)
    {
        var (name, parentId) = await StoodAsync(db, unitId, day, cancellationToken);
        if (parentId is not { } parent)
        {
            return (name, null);
        }

        var (parentName, grandparent) = await StoodAsync(db, parent, day, cancellationToken);
        return (name, grandparent is not null ? parentName : null);
    }

    /// <summary>A unit's name and parent on a day: its naming of that day, else its row.</summary>
    private static async Task<(string? Name, int? ParentId)> StoodAsync(MeetingPortalDbContext db, int unitId, DateOnly day, CancellationToken cancellationToken)
    {
        var span = DatedSpan.On(await db.UnitNamings.AsNoTracking().Where(n => n.UnitId == unitId).ToListAsync(cancellationToken), day);
        return span is not null ? (span.Name, span.ParentId)
            : await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => ValueTuple.Create((string?)u.Name, u.ParentId)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The name in <paramref name="names"/> for <paramref name="id"/>, else <paramref name="today"/> (no namings, or no id).</summary>
    public static string? Or(this IReadOnlyDictionary<int, string> names, int? id, string? today) =>
        id is { } key && names.TryGetValue(key, out var then) ? then : today;
}
