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
        change.RunAsync(user, command.Id, command.Version, RecommendationOperations.Forward, async c =>
        {
            var errors = new List<UseCaseError>();
            var body = await ActionInputs.ChooseBodyAsync(command.OrganisationId, c.UnitId, choices, nameof(command.OrganisationId), localizer, errors, cancellationToken);
            ActionInputs.CheckDueDate(command.DueOn, c.Today, nameof(command.DueOn), localizer, errors);
            ActionInputs.CheckReason(command.Reason, nameof(command.Reason), localizer, errors);
            if (errors.Count > 0)
            {
                return errors;
            }

            var policy = await calendar.PolicyAsync(cancellationToken);
            c.Recommendation.Forward(body!.Value.Id, policy.Resolve(command.DueOn, c.Today, c.Recommendation.ThemeId, body.Value.LevelRank), command.Reason!.Trim(), c.By);
            return [];
        }, cancellationToken);
}
