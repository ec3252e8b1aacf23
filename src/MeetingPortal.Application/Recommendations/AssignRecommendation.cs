using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Application.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>Give recommendation <paramref name="Id"/> (as of <paramref name="Version"/>) to a body, with a due date or the rules' date.</summary>
public sealed record AssignCommand(int Id, int Version, int? OrganisationId, DateOnly? DueOn);

/// <summary>
/// A tracker gives a recommendation to the body that must answer it (giao). The body is one of the raising
/// unit and the units above it; without a date the working-day rules give one, counted from today
/// (<see cref="MeetingPortal.Domain.Calendar.DueDatePolicy"/>); the body's responders are told.
/// </summary>
public sealed class AssignRecommendation(
    RecommendationChange change, MeetingChoices choices, CalendarService calendar, IStringLocalizer<SharedResource> localizer)
{
    public Task<UseCaseResult> ExecuteAsync(ClaimsPrincipal user, AssignCommand command, CancellationToken cancellationToken) =>
        change.RunAsync(user, command.Id, command.Version, RecommendationOperations.Assign, async c =>
        {
            var errors = new List<UseCaseError>();
            var body = await ActionInputs.ChooseBodyAsync(command.OrganisationId, c.UnitId, choices, nameof(command.OrganisationId), localizer, errors, cancellationToken);
            ActionInputs.CheckDueDate(command.DueOn, c.Today, nameof(command.DueOn), localizer, errors);
            if (errors.Count > 0)
            {
                return errors;
            }

            var policy = await calendar.PolicyAsync(cancellationToken);
            c.Recommendation.AssignTo(body!.Value.Id, policy.Resolve(command.DueOn, c.Today, c.Recommendation.ThemeId, body.Value.LevelRank), c.By);
            return [];
        }, cancellationToken);
}
