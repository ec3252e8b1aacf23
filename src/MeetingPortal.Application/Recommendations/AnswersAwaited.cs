using System.Security.Claims;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Application.Recommendations;

/// <summary>
/// A Responder's queue: what is addressed to the body they answer for and still awaits an answer, in their scope, of
/// published meetings only (ADR 0012: follow-up starts with publication). One query for the queue page and the home.
/// </summary>
public static class AnswersAwaited
{
    /// <summary>
    /// The queue of <paramref name="user"/>'s body, untracked and unordered; null when the account answers for no body.
    /// Addressed to the body wherever it was raised: a body answers for recommendations from units below it, which the
    /// scope already covers.
    /// </summary>
    public static IQueryable<Recommendation>? For(MeetingPortalDbContext db, ClaimsPrincipal user)
    {
        if (user.GetOrganisationId() is not { } body)
        {
            return null;
        }

        var awaiting = RecommendationStatuses.AwaitingAnswer.ToArray();
        return db.Recommendations.AsNoTracking().InScope(user.GetScopeOrNone())
            .Where(r => r.AddressedToOrganisationId == body && awaiting.Contains(r.Status))
            .Where(Recommendation.Followed);
    }

    /// <summary>The queue's order: items with a due date first, the earliest due first (overdue before the rest).</summary>
    public static IQueryable<Recommendation> Ordered(IQueryable<Recommendation> queue) =>
        queue.OrderBy(r => r.DueOn == null).ThenBy(r => r.DueOn).ThenBy(r => r.Id);
}
