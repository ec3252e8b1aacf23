using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>The recommendation a change is made to, with what the rules about it need to know.</summary>
/// <param name="Recommendation">The tracked entity with its responses, events and hops.</param>
/// <param name="HeldOn">The day of the meeting that raised it (Vietnam date).</param>
/// <param name="UnitId">The unit of that meeting.</param>
/// <param name="Today">Today in Vietnam.</param>
/// <param name="By">Who acts, and when (UTC).</param>
public sealed record RecommendationContext(Recommendation Recommendation, DateOnly HeldOn, int UnitId, DateOnly Today, Actor By);

/// <summary>
/// The shape every change to a recommendation takes, whichever use case: load its unit and body, authorize
/// the operation (404 out of scope, 403 for a missing role) before anything else is read, check the version
/// the user saw, let the use case call the domain, and save once. A refused rule or a stale version is a
/// message, and nothing is saved.
/// </summary>
public sealed class RecommendationChange(
    MeetingPortalDbContext db, IAuthorizationService authorization, CalendarService calendar, ICurrentUser currentUser, TimeProvider timeProvider,
    IStringLocalizer<SharedResource> localizer)
{
    /// <summary>Runs <paramref name="act"/> on recommendation <paramref name="id"/> as <paramref name="user"/>; <paramref name="act"/> returns the input's errors (none to save).</summary>
    public async Task<UseCaseResult> RunAsync(
        ClaimsPrincipal user, int id, int version, OperationAuthorizationRequirement operation,
        Func<RecommendationContext, Task<IReadOnlyList<UseCaseError>>> act, CancellationToken cancellationToken)
    {
        var (access, context) = await LoadAsync(user, id, operation, cancellationToken);
        if (context is null)
        {
            return UseCaseResult.Refused(access);
        }

        return await AggregateChange.SaveAsync(db, context.Recommendation, version,
            async () => await act(context), localizer, localizer["Action.Stale"], cancellationToken);
    }

    /// <summary>
    /// The part of a change that is the same for one item and for many: find recommendation <paramref name="id"/>,
    /// authorize <paramref name="operation"/> on it for <paramref name="user"/> before anything else is read, and load it
    /// tracked with what its rules need. The context is null unless the answer is <see cref="Access.Allowed"/> (an
    /// unknown id answers <see cref="Access.NotFound"/>).
    /// </summary>
    internal async Task<(Access Access, RecommendationContext? Context)> LoadAsync(
        ClaimsPrincipal user, int id, OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var (_, access, context) = (await LoadManyAsync(user, [id], operation, cancellationToken))[0];
        return (access, context);
    }

    /// <summary>
    /// <see cref="LoadAsync"/> for many ids at once (<see cref="BulkRecommendationChange"/>): each id is authorized on its
    /// own, but the keys the authorization needs are read in one query and the items allowed are loaded in one (split)
    /// query, not a round of queries per item. Returns one row per id of <paramref name="ids"/>, in that order (ids
    /// distinct).
    /// </summary>
    internal async Task<IReadOnlyList<(int Id, Access Access, RecommendationContext? Context)>> LoadManyAsync(
        ClaimsPrincipal user, IReadOnlyCollection<int> ids, OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var found = await db.Recommendations.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Meeting!.Unit!.Path, r.Meeting.UnitId, r.Meeting.HeldOn, r.AddressedToOrganisationId, ReportingId = (int?)r.Roadmap!.ReportingOrganisationId })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var access = new Dictionary<int, Access>();
        foreach (var id in ids)
        {
            access[id] = found.TryGetValue(id, out var key)
                ? await authorization.CheckAsync(user, new RecommendationResource(key.Path, key.AddressedToOrganisationId, key.ReportingId), operation)
                : Access.NotFound;
        }

        var allowed = access.Where(a => a.Value == Access.Allowed).Select(a => a.Key).ToList();
        var loaded = allowed.Count == 0 ? [] : await db.Recommendations.Include(r => r.Meeting).Include(r => r.Responses).Include(r => r.Events).Include(r => r.Hops)
            .Include(r => r.Roadmap).ThenInclude(m => m!.Milestones)
            .AsSplitQuery().Where(r => allowed.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);

        var by = new Actor(currentUser.UserName, timeProvider.GetUtcNow().UtcDateTime);
        var today = calendar.Today;
        return [.. ids.Select(id => access[id] == Access.Allowed
            ? (id, Access.Allowed, new RecommendationContext(loaded[id], found[id].HeldOn, found[id].UnitId, today, by))
            : (id, access[id], (RecommendationContext?)null))];
    }
}
