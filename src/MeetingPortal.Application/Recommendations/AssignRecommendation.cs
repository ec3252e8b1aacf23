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
        change.RunAsync(user, command.Id, command.Version, RecommendationOperations.Assign,
            c => ApplyAsync(c, command.OrganisationId, command.DueOn, cancellationToken), cancellationToken);

    /// <summary>
    /// The part one item and many share (<see cref="BulkAssignRecommendations"/>): check the body against the item's raising
    /// unit and the due date, then give it through the domain (which refuses an answered item); returns the input's errors.
    /// </summary>
    internal async Task<IReadOnlyList<UseCaseError>> ApplyAsync(RecommendationContext c, int? organisationId, DateOnly? dueOn, CancellationToken cancellationToken)
    {
        var errors = new List<UseCaseError>();
        var body = await ActionInputs.ChooseBodyAsync(organisationId, c.UnitId, choices, nameof(AssignCommand.OrganisationId), localizer, errors, cancellationToken);
        ActionInputs.CheckDueDate(dueOn, c.Today, nameof(AssignCommand.DueOn), localizer, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        var policy = await calendar.PolicyAsync(cancellationToken);
        c.Recommendation.AssignTo(body!.Value.Id, policy.Resolve(dueOn, c.Today, c.Recommendation.ThemeId, body.Value.LevelRank), c.By);
        return [];
    }
}
