using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>Close resolved recommendation <paramref name="Id"/>, with an optional note.</summary>
public sealed record CloseCommand(int Id, int Version, string? Note);

/// <summary>A tracker closes a resolved matter when nothing more is to be done (đóng).</summary>
public sealed class CloseRecommendation(RecommendationChange change, IStringLocalizer<SharedResource> localizer)
{
    public Task<UseCaseResult> ExecuteAsync(ClaimsPrincipal user, CloseCommand command, CancellationToken cancellationToken) =>
        change.RunAsync(user, command.Id, command.Version, RecommendationOperations.Close,
            c => Task.FromResult(Apply(c, command.Note)), cancellationToken);

    /// <summary>
    /// The part one item and many share (<see cref="BulkCloseRecommendations"/>): check the note, then close through the
    /// domain (which refuses an item not resolved); returns the input's errors.
    /// </summary>
    internal IReadOnlyList<UseCaseError> Apply(RecommendationContext c, string? note)
    {
        var errors = new List<UseCaseError>();
        ActionInputs.CheckReason(note, nameof(CloseCommand.Note), localizer, errors, required: false);
        if (errors.Count == 0)
        {
            c.Recommendation.Close(c.By, ActionInputs.Clean(note));
        }

        return errors;
    }
}
