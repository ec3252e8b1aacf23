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

    /// <summary>
    /// <paramref name="unitId"/>'s subtree as it stood on Vietnam day <paramref name="day"/> (ADR 0018, "as then"): each
    /// unit's parent that day by its namings (else its row), so a ward that moved under a commune in 2025 stands under
    /// its old district for 2022, and a unit merged on or before the day stands under the unit it merged into (its
    /// records counted there). The direct children listed are those that stood that day (neither retired nor merged on
    /// or before it), by their names of the day. Every unit is read once: a few thousand rows even for the country.
    /// </summary>
    public static async Task<TreeThen> TreeOnAsync(MeetingPortalDbContext db, int unitId, DateOnly day, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name, u.ParentId, u.RetiredOn, u.MergedAtUtc }).ToListAsync(cancellationToken);
        var namings = (await db.UnitNamings.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(n => n.UnitId);
        // A unit whose first span begins after the day did not exist then (added since: Unit.BeginsOn).
        var stood = units.Where(u => !namings[u.Id].Any() || namings[u.Id].Any(n => n.ValidFrom is null || n.ValidFrom <= day)).Select(u =>
        {
            var span = DatedSpan.On(namings[u.Id], day);
            var standing = (u.RetiredOn is null || u.RetiredOn > day) && (u.MergedAtUtc is not { } merged || VietnamTime.DateAt(new DateTimeOffset(merged, TimeSpan.Zero)) > day);
            return (u.Id, Name: span?.Name ?? u.Name, Parent: span is not null ? span.ParentId : u.ParentId, Standing: standing);
        }).ToList();
        var below = stood.Where(u => u.Parent is not null).ToLookup(u => u.Parent!.Value);

        var childOf = new Dictionary<int, int>();
        var children = new List<ChildThen>();
        foreach (var child in below[unitId])
        {
            var subtree = new List<int>();
            var next = new Stack<int>([child.Id]);
            while (next.TryPop(out var id))
            {
                // A cycle cannot be stored (a move under one's own subtree is refused), but a bad import must not hang a summary.
                if (childOf.TryAdd(id, child.Id))
                {
                    subtree.Add(id);
                    foreach (var grandchild in below[id])
                    {
                        next.Push(grandchild.Id);
                    }
                }
            }

            children.Add(new ChildThen(child.Id, child.Name, child.Standing, below[child.Id].Any(g => g.Standing)));
        }

        return new TreeThen(day, unitId, [unitId, .. childOf.Keys], childOf, children);
    }

    /// <summary>
    /// Whether any unit was renamed, moved, merged or retired, or any organisation renamed or placed, after Vietnam day
    /// <paramref name="day"/>: when none was, the tree and the names of that day (<see cref="TreeOnAsync"/>) are today's,
    /// and reading a summary "as then" is the same as "as now".
    /// </summary>
    public static async Task<bool> TreeChangedAfterAsync(MeetingPortalDbContext db, DateOnly day, CancellationToken cancellationToken)
    {
        // A merger is stamped in UTC: the first instant of the next Vietnam day (UTC+7).
        var nextDayUtc = day.AddDays(1).ToDateTime(TimeOnly.MinValue).AddHours(-7);
        return await db.UnitNamings.AsNoTracking().AnyAsync(n => n.ValidFrom > day, cancellationToken)
            || await db.OrganisationNamings.AsNoTracking().AnyAsync(n => n.ValidFrom > day, cancellationToken)
            || await db.Units.AsNoTracking().AnyAsync(u => u.RetiredOn > day || u.MergedAtUtc >= nextDayUtc, cancellationToken);
    }

    /// <summary>The name in <paramref name="names"/> for <paramref name="id"/>, else <paramref name="today"/> (no namings, or no id).</summary>
    public static string? Or(this IReadOnlyDictionary<int, string> names, int? id, string? today) =>
        id is { } key && names.TryGetValue(key, out var then) ? then : today;
}

/// <summary>
/// A unit's subtree as it stood on <see cref="Day"/> (<see cref="NamesOnDate.TreeOnAsync"/>): <see cref="UnitIds"/> the unit
/// and every unit below it that day; <see cref="ChildOf"/> maps each of those below to the direct child it stood under;
/// <see cref="Children"/> the direct children of that day.
/// </summary>
public sealed record TreeThen(DateOnly Day, int UnitId, IReadOnlyList<int> UnitIds, IReadOnlyDictionary<int, int> ChildOf, IReadOnlyList<ChildThen> Children);

/// <summary>A direct child as it stood: its name that day, whether it stood (not retired or merged by then), whether it had standing units below.</summary>
public sealed record ChildThen(int Id, string Name, bool Standing, bool HasChildren);
