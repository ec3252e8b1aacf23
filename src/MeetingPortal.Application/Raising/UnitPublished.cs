using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Results;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Application.Raising;

/// <summary>What the unit of a raising body has published to the public: the unit's name and its public results pages.</summary>
/// <param name="UnitName">The unit the body belongs to, named as today.</param>
/// <param name="Results">Its dialogues shown on <c>/Public/Results/{publicId}</c> now, the latest held first.</param>
public sealed record UnitPublishedList(string UnitName, IReadOnlyList<PublishedResults> Results);

/// <summary>
/// The second thing issue 18 lets the raising side see (its "not done if": "what their unit published"; ADR 0026): the
/// public results pages of the unit the Raiser's body belongs to (<c>Organisation.UnitId</c>), read through
/// <see cref="PublicResultsQuery.OfUnitAsync"/>, so only what the public sees now is listed: no other unit's, none
/// taken down, none of a meeting no longer published.
/// </summary>
public sealed class UnitPublished(MeetingPortalDbContext db, PublicResultsQuery results)
{
    /// <summary>The list for <paramref name="user"/>'s body's unit; null when the account is not a Raiser with a body.</summary>
    public async Task<UnitPublishedList?> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Raiser) || user.GetOrganisationId() is not { } body)
        {
            return null;
        }

        var unit = await db.Organisations.AsNoTracking().Where(o => o.Id == body).Select(o => new { o.UnitId, o.Unit!.Name }).SingleOrDefaultAsync(cancellationToken);
        return unit is null ? null : new UnitPublishedList(unit.Name, await results.OfUnitAsync(unit.UnitId, cancellationToken));
    }
}
