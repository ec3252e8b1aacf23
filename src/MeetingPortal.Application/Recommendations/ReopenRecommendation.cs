using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>Take answered or settled recommendation <paramref name="Id"/> up again, with a reason.</summary>
public sealed record ReopenCommand(int Id, int Version, string? Reason);

/// <summary>A tracker reopens a matter (mở lại); the body it is addressed to is told.</summary>
public sealed class ReopenRecommendation(RecommendationChange change, IStringLocalizer<SharedResource> localizer)
{
    public Task<UseCaseResult> ExecuteAsync(ClaimsPrincipal user, ReopenCommand command, CancellationToken cancellationToken) =>
        change.RunAsync(user, command.Id, command.Version, RecommendationOperations.Close, c =>
        {
            var errors = new List<UseCaseError>();
            ActionInputs.CheckReason(command.Reason, nameof(command.Reason), localizer, errors);
            if (errors.Count == 0)
            {
                c.Recommendation.Reopen(command.Reason!.Trim(), c.By);
            }

            return Task.FromResult<IReadOnlyList<UseCaseError>>(errors);
        }, cancellationToken);
}
