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
    /// <summary>The name of each of <paramref name="unitIds"/> on Vietnam day <paramref name="day"/>, by unit id.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> UnitsAsync(MeetingPortalDbContext db, IEnumerable<int> unitIds, DateOnly day, CancellationToken cancellationToken)
    {
        var ids = unitIds.Distinct().ToList();
        var spans = await db.UnitNamings.AsNoTracking().Where(n => ids.Contains(n.UnitId)).ToListAsync(cancellationToken);
        return spans.GroupBy(n => n.UnitId).ToDictionary(g => g.Key, g => DatedSpan.On(g, day)!.Name);
    }

    /// <summary>The name of each of <paramref name="organisationIds"/> on Vietnam day <paramref name="day"/>, by organisation id.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> OrganisationsAsync(MeetingPortalDbContext db, IEnumerable<int> organisationIds, DateOnly day, CancellationToken cancellationToken)
    {
        var ids = organisationIds.Distinct().ToList();
        var spans = await db.OrganisationNamings.AsNoTracking().Where(n => ids.Contains(n.OrganisationId)).ToListAsync(cancellationToken);
        return spans.GroupBy(n => n.OrganisationId).ToDictionary(g => g.Key, g => DatedSpan.On(g, day)!.Name);
    }

    /// <summary>
    /// The unit directly above <paramref name="unitId"/> on <paramref name="day"/> (Vietnam calendar), named as it was
    /// that day, or null when the unit had no parent then or its parent was the top unit (the whole country, which
    /// heads no Party document): the superior body of a biên bản or báo cáo of that day (ADR 0018, Hướng dẫn 36-HD/VPTW).
    /// </summary>
    public static async Task<string?> SuperiorOnAsync(MeetingPortalDbContext db, int unitId, DateOnly day, CancellationToken cancellationToken)
    {
        // A unit whose history was never started (no change since names were kept) stands where its row says.
        var own = DatedSpan.On(await db.UnitNamings.AsNoTracking().Where(n => n.UnitId == unitId).ToListAsync(cancellationToken), day);
        var parentId = own is not null ? own.ParentId
            : await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.ParentId).SingleOrDefaultAsync(cancellationToken);
        if (parentId is null)
        {
            return null;
        }

        var parent = DatedSpan.On(await db.UnitNamings.AsNoTracking().Where(n => n.UnitId == parentId).ToListAsync(cancellationToken), day);
        var (name, grandparent) = parent is not null ? (parent.Name, parent.ParentId)
            : await db.Units.AsNoTracking().Where(u => u.Id == parentId).Select(u => ValueTuple.Create(u.Name, u.ParentId)).SingleAsync(cancellationToken);
        return grandparent is not null ? name : null;
    }

    /// <summary>The name in <paramref name="names"/> for <paramref name="id"/>, else <paramref name="today"/> (no namings, or no id).</summary>
    public static string? Or(this IReadOnlyDictionary<int, string> names, int? id, string? today) =>
        id is { } key && names.TryGetValue(key, out var then) ? then : today;
}
