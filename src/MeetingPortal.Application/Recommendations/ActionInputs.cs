using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Recommendations;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>The checks every recommendation action makes on what was typed (reasons, due dates), written once.</summary>
internal static class ActionInputs
{
    /// <summary>A reason is required and at most <see cref="Recommendation.ReasonMaxLength"/> characters; errors go beside <paramref name="field"/>.</summary>
    public static void CheckReason(string? reason, string field, IStringLocalizer<SharedResource> localizer, List<UseCaseError> errors, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            if (required)
            {
                errors.Add(new UseCaseError(field, localizer["Action.ReasonRequired"]));
            }
        }
        else if (reason.Trim().Length > Recommendation.ReasonMaxLength)
        {
            errors.Add(new UseCaseError(field, localizer["Action.ReasonTooLong"]));
        }
    }

    /// <summary>A due date a person gives is today or later and within the calendar's years (<see cref="Domain.Calendar.Deadline.IsAcceptable"/>; Vietnam dates).</summary>
    public static void CheckDueDate(DateOnly? dueOn, DateOnly today, string field, IStringLocalizer<SharedResource> localizer, List<UseCaseError> errors)
    {
        if (dueOn is { } due && !Domain.Calendar.Deadline.IsAcceptable(due, today))
        {
            errors.Add(new UseCaseError(field, due < today ? localizer["Action.DueInPast"] : localizer["Action.DueTooFar", Domain.Calendar.WorkingCalendar.LastYear]));
        }
    }

    /// <summary>
    /// The body chosen for an assignment or a forward, and its level's rank for the due-date rules: it must be one
    /// of the raising unit's lineage (<see cref="Meetings.MeetingChoices"/>); otherwise a message beside the field.
    /// </summary>
    public static async Task<(int Id, int? LevelRank)?> ChooseBodyAsync(
        int? chosen, int raisingUnitId, Meetings.MeetingChoices choices,
        string field, IStringLocalizer<SharedResource> localizer, List<UseCaseError> errors, CancellationToken cancellationToken)
    {
        var (isBody, level) = chosen is { } body ? await choices.BodyOfUnitAsync(raisingUnitId, body, cancellationToken) : (false, null);
        if (!isBody)
        {
            errors.Add(new UseCaseError(field, localizer["Action.ChooseBody"]));
            return null;
        }

        return (chosen!.Value, level);
    }

    /// <summary>Trimmed text, or null for blank.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
