using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>Close resolved recommendations <paramref name="Ids"/>, with one optional note.</summary>
public sealed record BulkCloseCommand(IReadOnlyList<int> Ids, string? Note);

/// <summary>
/// A tracker closes many resolved matters in one action (đóng). Each item is authorized
/// (<see cref="RecommendationOperations.Close"/>) and closed as <see cref="CloseRecommendation"/> closes one; an item not
/// resolved is refused with the domain's reason.
/// </summary>
public sealed class BulkCloseRecommendations(BulkRecommendationChange bulk, CloseRecommendation perItem, IStringLocalizer<SharedResource> localizer)
{
    public async Task<BulkResult> ExecuteAsync(ClaimsPrincipal user, BulkCloseCommand command, CancellationToken cancellationToken)
    {
        var errors = bulk.CheckSelection(command.Ids);
        ActionInputs.CheckReason(command.Note, nameof(command.Note), localizer, errors, required: false);
        if (errors.Count > 0)
        {
            return BulkResult.Invalid(errors);
        }

        return await bulk.RunAsync(user, command.Ids, RecommendationOperations.Close, c => Task.FromResult(perItem.Apply(c, command.Note)), cancellationToken);
    }
}
