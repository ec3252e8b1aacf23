using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Application.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>Pass recommendation <paramref name="Id"/> to another body, with a reason and its own due date (or the rules').</summary>
public sealed record ForwardCommand(int Id, int Version, int? OrganisationId, DateOnly? DueOn, string? Reason);

/// <summary>
/// The body holding an unanswered recommendation (its responder, or a tracker for it) passes it to another
/// body (chuyển): up a level or to the competent body. The receiver gets its own due date and is told.
/// </summary>
public sealed class ForwardRecommendation(
    RecommendationChange change, MeetingChoices choices, CalendarService calendar, IStringLocalizer<SharedResource> localizer)
{
    public Task<UseCaseResult> ExecuteAsync(ClaimsPrincipal user, ForwardCommand command, CancellationToken cancellationToken) =>
        change.RunAsync(user, command.Id, command.Version, RecommendationOperations.Forward,
            c => ApplyAsync(c, command.OrganisationId, command.DueOn, command.Reason, cancellationToken), cancellationToken);

    /// <summary>
    /// The part one item and many share (<see cref="BulkForwardRecommendations"/>): check the body against the item's raising
    /// unit, the due date and the reason, then forward through the domain (which refuses an unassigned or answered item, or
    /// the body that holds it already); returns the input's errors.
    /// </summary>
    internal async Task<IReadOnlyList<UseCaseError>> ApplyAsync(
        RecommendationContext c, int? organisationId, DateOnly? dueOn, string? reason, CancellationToken cancellationToken)
    {
        var errors = new List<UseCaseError>();
        var body = await ActionInputs.ChooseBodyAsync(organisationId, c.UnitId, choices, nameof(ForwardCommand.OrganisationId), localizer, errors, cancellationToken);
        ActionInputs.CheckDueDate(dueOn, c.Today, nameof(ForwardCommand.DueOn), localizer, errors);
        ActionInputs.CheckReason(reason, nameof(ForwardCommand.Reason), localizer, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        var policy = await calendar.PolicyAsync(cancellationToken);
        c.Recommendation.Forward(body!.Value.Id, policy.Resolve(dueOn, c.Today, c.Recommendation.ThemeId, body.Value.LevelRank), reason!.Trim(), c.By);
        return [];
    }
}
