using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>The raising side's judgement of the answer to recommendation <paramref name="Id"/>; not satisfied needs a reason.</summary>
public sealed record JudgeCommand(int Id, int Version, bool Satisfied, string? Reason);

/// <summary>
/// The raising side (a recorder or tracker of the unit) says whether the answer satisfies it: satisfied
/// closes a resolved matter; not satisfied reopens it and the body is told.
/// </summary>
public sealed class JudgeAnswer(RecommendationChange change, IStringLocalizer<SharedResource> localizer)
{
    public Task<UseCaseResult> ExecuteAsync(ClaimsPrincipal user, JudgeCommand command, CancellationToken cancellationToken) =>
        change.RunAsync(user, command.Id, command.Version, RecommendationOperations.Judge, c =>
        {
            var errors = new List<UseCaseError>();
            ActionInputs.CheckReason(command.Reason, nameof(command.Reason), localizer, errors, required: !command.Satisfied);
            if (errors.Count == 0)
            {
                c.Recommendation.MarkSatisfaction(command.Satisfied, ActionInputs.Clean(command.Reason), c.By);
            }

            return Task.FromResult<IReadOnlyList<UseCaseError>>(errors);
        }, cancellationToken);
}
