using MeetingPortal.Domain.Organisations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Application.Units;

public static class UnitOptions
{
    /// <summary>
    /// The units in scope as a tree for a drop-down: ordered by path, indented one dash a level.
    /// Merged units are left out: they take no new records and their old ones moved to the merged unit.
    /// </summary>
    public static async Task<IReadOnlyList<(int Id, string Label)>> InScopeAsync(MeetingPortalDbContext db, UnitScope scope, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().InScope(scope).TakingRecords().OrderBy(u => u.Path)
            .Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(cancellationToken);
        if (units.Count == 0)
        {
            return [];
        }

        static int Depth(string path) => path.Count(c => c == '/');
        var rootDepth = units.Min(u => Depth(u.Path));
        return units.Select(u => (u.Id, Depth(u.Path) == rootDepth ? u.Name : new string('—', Depth(u.Path) - rootDepth) + " " + u.Name)).ToList();
    }

    /// <summary>
    /// The bodies a choice offers: those of the chosen unit and the level below it (the user's own unit
    /// while none of <paramref name="units"/> is chosen), plus the body already chosen. A province has some
    /// 1,700 bodies, too many for one list.
    /// </summary>
    public static IQueryable<Organisation> BodiesAround(MeetingPortalDbContext db, UnitScope scope, IReadOnlyList<(int Id, string Label)> units, int? chosenUnit, int? chosenBody)
    {
        var around = chosenUnit is { } unit && units.Any(u => u.Id == unit) ? unit : scope.UnitId;
        return db.Organisations.AsNoTracking().InScope(scope).Where(o => o.UnitId == around || o.Unit!.ParentId == around || o.Id == chosenBody);
    }

    /// <summary>The path of a unit chosen for a new or moved record, or null when it is outside the scope or merged.</summary>
    public static Task<string?> PathTakingRecordsAsync(MeetingPortalDbContext db, UnitScope scope, int unitId, CancellationToken cancellationToken) =>
        db.Units.AsNoTracking().InScope(scope).TakingRecords().Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(cancellationToken);

    /// <summary>A unit chosen by the user, as a scope of its own, only if it lies inside the user's scope.</summary>
    public static async Task<UnitScope?> SubtreeInScopeAsync(MeetingPortalDbContext db, UnitScope scope, int unitId, CancellationToken cancellationToken)
    {
        var path = await db.Units.AsNoTracking().InScope(scope).Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(cancellationToken);
        return path is null ? null : new UnitScope(unitId, path);
    }
}
