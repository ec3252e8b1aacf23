using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Application.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>Pass recommendation <paramref name="Id"/> to another body, with a reason and its own due date (or the rules').</summary>
public sealed record ForwardCommand(int Id, int Version, int? OrganisationId, DateOnly? DueOn, string? Reason);

/// <summary>
/// The body holding an unanswered recommendation (its responder, or a tracker for it) passes it to another
/// body (chuyển): up a level or to the competent body. The receiver gets its own due date and is told.
/// </summary>
public sealed class ForwardRecommendation(
    RecommendationChange change, MeetingChoices choices, CalendarService calendar, MeetingPortalDbContext db, IStringLocalizer<SharedResource> localizer)
{
    public Task<UseCaseResult> ExecuteAsync(ClaimsPrincipal user, ForwardCommand command, CancellationToken cancellationToken) =>
        change.RunAsync(user, command.Id, command.Version, RecommendationOperations.Forward, async c =>
        {
            var errors = new List<UseCaseError>();
            var bodies = await choices.BodiesForUnitAsync(c.UnitId, cancellationToken);
            if (command.OrganisationId is not { } body || bodies.All(b => b.Id != body))
            {
                errors.Add(new UseCaseError(nameof(command.OrganisationId), localizer["Action.ChooseBody"]));
                body = 0;
            }

            ActionInputs.CheckDueDate(command.DueOn, c.Today, nameof(command.DueOn), localizer, errors);
            ActionInputs.CheckReason(command.Reason, nameof(command.Reason), localizer, errors);
            if (errors.Count > 0)
            {
                return errors;
            }

            var level = await db.Organisations.Where(o => o.Id == body).Select(o => (int?)o.Unit!.Level!.Rank).SingleAsync(cancellationToken);
            var policy = await calendar.PolicyAsync(cancellationToken);
            c.Recommendation.Forward(body, policy.Resolve(command.DueOn, c.Today, c.Recommendation.ThemeId, level), command.Reason!.Trim(), c.By);
            return [];
        }, cancellationToken);
}
