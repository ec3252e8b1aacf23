using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Application.Meetings;

/// <summary>Organisations, people and themes a record of a unit may name: those of the unit and of the units above it.</summary>
public sealed record KnownNames(
    IReadOnlyList<(int Id, string Name, int UnitId)> Organisations,
    IReadOnlyList<(int Id, string Name, int UnitId)> People,
    IReadOnlyList<(string Code, string Name)> Themes)
{
    public static readonly KnownNames None = new([], [], []);
}

/// <summary>
/// The names a meeting form suggests and accepts. Asked for a unit the user may not write records in, it
/// answers with nothing: the names of another unit's bodies and people are not shown (issue 13, fault 4).
/// </summary>
public sealed class MeetingChoices(MeetingPortalDbContext db, IAuthorizationService authorization)
{
    /// <summary>The names for a record of <paramref name="unitId"/>, if <paramref name="user"/> may write there; otherwise <see cref="KnownNames.None"/>.</summary>
    public async Task<KnownNames> ForUserAsync(ClaimsPrincipal user, int? unitId, CancellationToken cancellationToken)
    {
        var path = unitId is { } id ? await db.Units.AsNoTracking().Where(u => u.Id == id && u.MergedIntoId == null).Select(u => u.Path).SingleOrDefaultAsync(cancellationToken) : null;
        return path is not null && await authorization.MayAsync(user, new MeetingResource(path), MeetingOperations.Create)
            ? await ForUnitAsync(unitId!.Value, cancellationToken)
            : KnownNames.None;
    }

    /// <summary>
    /// The names for a record of <paramref name="unitId"/>, without asking who wants them: only for use
    /// cases that have already authorized the record. The nearest unit comes first when two know a name.
    /// </summary>
    internal async Task<KnownNames> ForUnitAsync(int unitId, CancellationToken cancellationToken)
    {
        var path = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
        var lineage = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => lineage.Contains(o.UnitId))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.UnitId }).ToListAsync(cancellationToken);
        var people = await db.People.AsNoTracking().Where(p => lineage.Contains(p.UnitId))
            .OrderBy(p => p.FullName).Select(p => new { p.Id, p.FullName, p.UnitId }).ToListAsync(cancellationToken);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Code, t.Name }).ToListAsync(cancellationToken);
        int Nearness(int id) => -lineage.IndexOf(id);
        return new KnownNames(
            organisations.OrderBy(o => Nearness(o.UnitId)).Select(o => (o.Id, o.Name, o.UnitId)).ToList(),
            people.OrderBy(p => Nearness(p.UnitId)).Select(p => (p.Id, p.FullName, p.UnitId)).ToList(),
            themes.Select(t => (t.Code, t.Name)).ToList());
    }

    /// <summary>
    /// The bodies a recommendation raised at a meeting of <paramref name="unitId"/> may be given or forwarded to,
    /// by name; empty unless <paramref name="user"/> may read that recommendation.
    /// </summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> BodiesAsync(ClaimsPrincipal user, RecommendationResource recommendation, int unitId, CancellationToken cancellationToken) =>
        await authorization.MayAsync(user, recommendation, RecommendationOperations.Read)
            ? await BodiesForUnitAsync(unitId, cancellationToken)
            : [];

    internal async Task<IReadOnlyList<(int Id, string Name)>> BodiesForUnitAsync(int unitId, CancellationToken cancellationToken) =>
        (await ForUnitAsync(unitId, cancellationToken)).Organisations.Select(o => (o.Id, o.Name)).OrderBy(o => o.Name).ToList();
}
