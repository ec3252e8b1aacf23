using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>Give recommendations <paramref name="Ids"/> to one body, with one due date or the rules' date for each.</summary>
public sealed record BulkAssignCommand(IReadOnlyList<int> Ids, int? OrganisationId, DateOnly? DueOn);

/// <summary>
/// A tracker gives many recommendations to one body in one action (giao; the district conclusion of 15/8/2022 hands five
/// to the People's Committee at once). Each item is authorized (<see cref="RecommendationOperations.Assign"/>) and given
/// as <see cref="AssignRecommendation"/> gives one; an item whose raising unit's lineage does not hold the body is refused
/// with that reason. Without a date each item's own due date follows the working-day rules.
/// </summary>
public sealed class BulkAssignRecommendations(
    BulkRecommendationChange bulk, AssignRecommendation perItem, MeetingPortalDbContext db, CalendarService calendar, IStringLocalizer<SharedResource> localizer)
{
    public async Task<BulkResult> ExecuteAsync(ClaimsPrincipal user, BulkAssignCommand command, CancellationToken cancellationToken)
    {
        var errors = bulk.CheckSelection(command.Ids);
        await BulkInputs.CheckBodyAsync(db, command.OrganisationId, nameof(command.OrganisationId), localizer, errors, cancellationToken);
        ActionInputs.CheckDueDate(command.DueOn, calendar.Today, nameof(command.DueOn), localizer, errors);
        if (errors.Count > 0)
        {
            return BulkResult.Invalid(errors);
        }

        return await bulk.RunAsync(user, command.Ids, RecommendationOperations.Assign,
            async c => BulkInputs.PerItem(await perItem.ApplyAsync(c, command.OrganisationId, command.DueOn, cancellationToken), localizer), cancellationToken);
    }
}

/// <summary>The checks of what is typed once for a whole bulk action, and the per-item wording of a body that does not fit.</summary>
internal static class BulkInputs
{
    /// <summary>A body is chosen and exists; whether it fits each item's raising unit is asked item by item.</summary>
    public static async Task CheckBodyAsync(
        MeetingPortalDbContext db, int? organisationId, string field, IStringLocalizer<SharedResource> localizer, List<UseCaseError> errors, CancellationToken cancellationToken)
    {
        if (organisationId is not { } id || !await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken))
        {
            errors.Add(new UseCaseError(field, localizer["Action.ChooseBody"]));
        }
    }

    /// <summary>
    /// An item's errors as its refusal: the body's "choose a body" (said of the form for one item) reads, for one of many,
    /// as "the body is not one of this item's unit or the units above it".
    /// </summary>
    public static IReadOnlyList<UseCaseError> PerItem(IReadOnlyList<UseCaseError> errors, IStringLocalizer<SharedResource> localizer) =>
        errors.Select(e => e.Field == nameof(AssignCommand.OrganisationId) ? e with { Message = localizer["Bulk.BodyNotOfUnit"] } : e).ToList();
}
