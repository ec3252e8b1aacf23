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

    /// <summary>A due date a person gives is today or later (Vietnam dates).</summary>
    public static void CheckDueDate(DateOnly? dueOn, DateOnly today, string field, IStringLocalizer<SharedResource> localizer, List<UseCaseError> errors)
    {
        if (dueOn is { } due && due < today)
        {
            errors.Add(new UseCaseError(field, localizer["Action.DueInPast"]));
        }
    }

    /// <summary>Trimmed text, or null for blank.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
