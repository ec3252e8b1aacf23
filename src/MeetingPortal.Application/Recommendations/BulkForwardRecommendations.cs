using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>Pass recommendations <paramref name="Ids"/> to one other body, with one reason and one due date (or the rules').</summary>
public sealed record BulkForwardCommand(IReadOnlyList<int> Ids, int? OrganisationId, DateOnly? DueOn, string? Reason);

/// <summary>
/// Many unanswered recommendations are passed to one body in one action (chuyển). Each item is authorized
/// (<see cref="RecommendationOperations.Forward"/>) and forwarded as <see cref="ForwardRecommendation"/> forwards one; an
/// item not assigned, answered, already held by that body or whose unit's lineage lacks it is refused with the reason.
/// </summary>
public sealed class BulkForwardRecommendations(
    BulkRecommendationChange bulk, ForwardRecommendation perItem, MeetingPortalDbContext db, CalendarService calendar, IStringLocalizer<SharedResource> localizer)
{
    public async Task<BulkResult> ExecuteAsync(ClaimsPrincipal user, BulkForwardCommand command, CancellationToken cancellationToken)
    {
        var errors = bulk.CheckSelection(command.Ids);
        await BulkInputs.CheckBodyAsync(db, command.OrganisationId, nameof(command.OrganisationId), localizer, errors, cancellationToken);
        ActionInputs.CheckDueDate(command.DueOn, calendar.Today, nameof(command.DueOn), localizer, errors);
        ActionInputs.CheckReason(command.Reason, nameof(command.Reason), localizer, errors);
        if (errors.Count > 0)
        {
            return BulkResult.Invalid(errors);
        }

        return await bulk.RunAsync(user, command.Ids, RecommendationOperations.Forward,
            async c => BulkInputs.PerItem(await perItem.ApplyAsync(c, command.OrganisationId, command.DueOn, command.Reason, cancellationToken), localizer), cancellationToken);
    }
}
