using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>Record that recommendation <paramref name="Id"/> repeats the matter of the earlier <paramref name="EarlierId"/>.</summary>
public sealed record LinkCommand(int Id, int Version, int EarlierId);

/// <summary>Take recommendation <paramref name="Id"/> out of its matter.</summary>
public sealed record UnlinkCommand(int Id, int Version);

/// <summary>
/// A tracker links a recommendation raised again to the first raising of its matter (kiến nghị lặp lại),
/// or takes it out. Chains stay flat: everyone points at the first raising, so a matter is counted once.
/// The earlier one must be in the tracker's scope as well.
/// </summary>
public sealed class LinkRecommendation(RecommendationChange change, MeetingPortalDbContext db, IStringLocalizer<SharedResource> localizer)
{
    public Task<UseCaseResult> LinkAsync(ClaimsPrincipal user, LinkCommand command, CancellationToken cancellationToken) =>
        change.RunAsync(user, command.Id, command.Version, RecommendationOperations.Link, async c =>
        {
            var r = c.Recommendation;
            var earlier = await db.Recommendations.InScope(user.GetScopeOrNone()).Where(x => x.Id == command.EarlierId)
                .Select(x => new { Entity = x, x.Meeting!.HeldOn }).SingleOrDefaultAsync(cancellationToken);
            if (earlier is null)
            {
                return [new UseCaseError(string.Empty, localizer["Matter.NotFound"])];
            }

            var followers = r.RecurrenceOfId is null
                ? await db.Recommendations.Where(x => x.RecurrenceOfId == r.Id).ToListAsync(cancellationToken)
                : [];
            r.LinkAsRecurrenceOf(earlier.Entity, earlier.HeldOn, c.HeldOn);
            // Whatever repeated this one now repeats the earlier matter.
            followers.ForEach(f => f.Reroot(r.MatterId));
            return [];
        }, cancellationToken);

    public Task<UseCaseResult> UnlinkAsync(ClaimsPrincipal user, UnlinkCommand command, CancellationToken cancellationToken) =>
        change.RunAsync(user, command.Id, command.Version, RecommendationOperations.Link, async c =>
        {
            var r = c.Recommendation;
            if (r.RecurrenceOfId is not null)
            {
                r.Unlink();
                return [];
            }

            // The first raising leaves: the earliest of the others becomes the matter's first.
            var followers = await db.Recommendations.Where(x => x.RecurrenceOfId == r.Id)
                .OrderBy(x => x.Meeting!.HeldOn).ThenBy(x => x.Id).ToListAsync(cancellationToken);
            if (followers.Count == 0)
            {
                return [new UseCaseError(string.Empty, localizer["Matter.NotLinked"])];
            }

            followers.ForEach(f => f.Reroot(followers[0].Id));
            return [];
        }, cancellationToken);
}
