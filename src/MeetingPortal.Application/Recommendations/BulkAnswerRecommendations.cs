using System.Security.Claims;
using FluentValidation;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>One reply to recommendations <paramref name="Ids"/>: its kind, date (today when blank) and text; no letter.</summary>
public sealed record BulkAnswerCommand(IReadOnlyList<int> Ids, ResponseKind Kind, DateOnly? RespondedOn, string? Content);

/// <summary>
/// A responder (or a tracker for the body) answers several recommendations with one text (Hà Tĩnh city, 16/3/2022: one
/// sentence answers three; Kỳ Phương, 28/6/2022: one answer for six groups). Each item is authorized
/// (<see cref="RecommendationOperations.Respond"/>: a Responder only for their own body) and answered as
/// <see cref="RespondToRecommendation"/> answers one, with its own reply, history step and notification; an item whose state
/// does not take the kind, or whose meeting is after the date, is refused with the reason. A letter is attached item by
/// item on its page: one file shared by many replies would be deleted with the first.
/// </summary>
public sealed class BulkAnswerRecommendations(
    BulkRecommendationChange bulk, RespondToRecommendation perItem, IValidator<RespondCommand> validator, CalendarService calendar, IStringLocalizer<SharedResource> localizer)
{
    public async Task<BulkResult> ExecuteAsync(ClaimsPrincipal user, BulkAnswerCommand command, CancellationToken cancellationToken)
    {
        var one = new RespondCommand(0, 0, command.Kind, command.RespondedOn, command.Content, null);
        var errors = bulk.CheckSelection(command.Ids);
        errors.AddRange((await validator.ValidateAsync(one, cancellationToken)).ToErrors());
        // A date after today fits no item; one before an item's meeting is that item's refusal.
        if (command.RespondedOn is { } on && on > calendar.Today)
        {
            errors.Add(new UseCaseError(nameof(command.RespondedOn), localizer["Action.ResponseDate"]));
        }

        if (errors.Count > 0)
        {
            return BulkResult.Invalid(errors);
        }

        return await bulk.RunAsync(user, command.Ids, RecommendationOperations.Respond, async c =>
        {
            var itemErrors = await perItem.CheckAsync(c, one, cancellationToken);
            if (itemErrors.Count == 0)
            {
                RespondToRecommendation.Answer(c, one);
            }

            return itemErrors;
        }, cancellationToken);
    }
}
