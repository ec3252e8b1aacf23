using MeetingPortal.Domain.Common;
using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Application.Meetings;

/// <summary>
/// Organisations, people, groups of bodies (ADR 0020) and themes a record of a unit may name: those of the unit and of the
/// units above it, the nearest unit's first.
/// </summary>
public sealed record KnownNames(
    IReadOnlyList<(int Id, string Name, int UnitId)> Organisations,
    IReadOnlyList<(int Id, string Name, int UnitId)> People,
    IReadOnlyList<(string Code, string Name)> Themes,
    IReadOnlyList<(int Id, string Name, int UnitId)> Groups)
{
    public static readonly KnownNames None = new([], [], [], []);
}

/// <summary>
/// The names a meeting form suggests and accepts. Asked for a unit the user may not write records in, it
/// answers with nothing: the names of another unit's bodies and people are not shown (issue 13, fault 4).
/// </summary>
public sealed class MeetingChoices(MeetingPortalDbContext db, IAuthorizationService authorization, CalendarService calendar)
{
    /// <summary>
    /// The lines the form offers for the report on earlier recommendations (<see cref="CarriedOverOffer"/>) of a meeting of
    /// <paramref name="unitId"/> held on <paramref name="heldOn"/> (Vietnam date; today when not given), if
    /// <paramref name="user"/> may write records there; none otherwise, nor without a unit. <paramref name="meetingId"/> is
    /// the meeting being edited, which the caller has authorized (null for a new one).
    /// </summary>
    public async Task<IReadOnlyList<CarriedOverOption>> CarriedOverForUserAsync(
        ClaimsPrincipal user, int? unitId, DateOnly? heldOn, int? meetingId, CancellationToken cancellationToken) =>
        unitId is { } id && await AccessToUnitAsync(user, id, cancellationToken) == Access.Allowed
            ? await CarriedOverOffer.ForAsync(db, id, heldOn ?? calendar.Today, meetingId, calendar.Today, cancellationToken)
            : [];

    /// <summary>The names for a record of <paramref name="unitId"/>, if <paramref name="user"/> may write there; otherwise <see cref="KnownNames.None"/>.</summary>
    public async Task<KnownNames> ForUserAsync(ClaimsPrincipal user, int? unitId, CancellationToken cancellationToken) =>
        unitId is { } id && await AccessToUnitAsync(user, id, cancellationToken) == Access.Allowed
            ? await ForUnitAsync(id, cancellationToken)
            : KnownNames.None;

    /// <summary>
    /// Whether <paramref name="user"/> may write a record for unit <paramref name="unitId"/>: NotFound for a unit
    /// outside their scope, no longer taking records (merged) or missing; Forbidden without the role.
    /// </summary>
    internal async Task<Access> AccessToUnitAsync(ClaimsPrincipal user, int unitId, CancellationToken cancellationToken)
    {
        // Kept for the request, as the bodies below: the form asks it for its names and again for its carried-over lines.
        if (accessToUnits.TryGetValue((user, unitId), out var known))
        {
            return known;
        }

        var path = await db.Units.AsNoTracking().TakingRecords().Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(cancellationToken);
        return accessToUnits[(user, unitId)] = path is null ? Access.NotFound : await authorization.CheckAsync(user, new MeetingResource(path), MeetingOperations.Create);
    }

    private readonly Dictionary<(ClaimsPrincipal User, int UnitId), Access> accessToUnits = [];

    /// <summary>
    /// The names for a record of <paramref name="unitId"/>, without asking who wants them: only for use
    /// cases that have already authorized the record. The nearest unit comes first when two know a name.
    /// </summary>
    internal async Task<KnownNames> ForUnitAsync(int unitId, CancellationToken cancellationToken)
    {
        var lineage = await LineageAsync(unitId, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Where(o => lineage.Contains(o.UnitId))
            .Select(o => new { o.Id, o.Name, o.UnitId }).ToListAsync(cancellationToken);
        var people = await db.People.AsNoTracking().Where(p => lineage.Contains(p.UnitId))
            .Select(p => new { p.Id, p.FullName, p.UnitId }).ToListAsync(cancellationToken);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Code, t.Name }).ToListAsync(cancellationToken);
        var groups = await db.BodyGroups.AsNoTracking().Where(g => lineage.Contains(g.UnitId))
            .Select(g => new { g.Id, g.Name, g.UnitId }).ToListAsync(cancellationToken);
        int Nearness(int id) => -lineage.IndexOf(id);
        return new KnownNames(
            organisations.ByName(o => o.Name).OrderBy(o => Nearness(o.UnitId)).Select(o => (o.Id, o.Name, o.UnitId)).ToList(),
            people.ByName(p => p.FullName).OrderBy(p => Nearness(p.UnitId)).Select(p => (p.Id, p.FullName, p.UnitId)).ToList(),
            themes.Select(t => (t.Code, t.Name)).ToList(),
            groups.ByName(g => g.Name).OrderBy(g => Nearness(g.UnitId)).Select(g => (g.Id, g.Name, g.UnitId)).ToList());
    }

    /// <summary>
    /// The bodies a recommendation raised at a meeting of <paramref name="unitId"/> may be given or forwarded to,
    /// by name; empty unless <paramref name="user"/> may read that recommendation.
    /// </summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> BodiesAsync(ClaimsPrincipal user, RecommendationResource recommendation, int unitId, CancellationToken cancellationToken) =>
        await authorization.MayAsync(user, recommendation, RecommendationOperations.Read)
            ? await BodiesForUnitAsync(unitId, cancellationToken)
            : [];

    internal async Task<IReadOnlyList<(int Id, string Name)>> BodiesForUnitAsync(int unitId, CancellationToken cancellationToken)
    {
        var lineage = await LineageAsync(unitId, cancellationToken);
        return (await db.Organisations.AsNoTracking().Where(o => lineage.Contains(o.UnitId))
                .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, o.Name)).ByName(o => o.Name);
    }

    /// <summary>
    /// Whether <paramref name="bodyId"/> is one of the bodies of <see cref="BodiesForUnitAsync"/>, and if so its
    /// unit's level rank (null when the level has none): one query, for an assignment or a forward.
    /// </summary>
    internal async Task<(bool IsBody, int? LevelRank)> BodyOfUnitAsync(int unitId, int bodyId, CancellationToken cancellationToken)
    {
        // Kept for the request (this service is scoped): a bulk action asks the same unit and body for every item.
        if (bodiesOfUnits.TryGetValue((unitId, bodyId), out var known))
        {
            return known;
        }

        var lineage = await LineageAsync(unitId, cancellationToken);
        var body = await db.Organisations.AsNoTracking().Where(o => o.Id == bodyId && lineage.Contains(o.UnitId))
            .Select(o => new { Rank = (int?)o.Unit!.Level!.Rank }).SingleOrDefaultAsync(cancellationToken);
        return bodiesOfUnits[(unitId, bodyId)] = (body is not null, body?.Rank);
    }

    private readonly Dictionary<(int UnitId, int BodyId), (bool IsBody, int? LevelRank)> bodiesOfUnits = [];

    /// <summary>The ids of <paramref name="unitId"/> and the units above it, top first (read from its stored path).</summary>
    private async Task<List<int>> LineageAsync(int unitId, CancellationToken cancellationToken)
    {
        var path = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
        return MeetingPortal.Domain.Units.Unit.IdsOf(path);
    }
}
