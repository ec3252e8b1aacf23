using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>Send forwarded recommendation <paramref name="Id"/> back to its sender, with a reason.</summary>
public sealed record ReturnCommand(int Id, int Version, string? Reason);

/// <summary>The receiver of the last forward sends it back as outside its powers (trả lại); the sender's due date returns, sender and raising unit are told.</summary>
public sealed class ReturnRecommendation(RecommendationChange change, IStringLocalizer<SharedResource> localizer)
{
    public Task<UseCaseResult> ExecuteAsync(ClaimsPrincipal user, ReturnCommand command, CancellationToken cancellationToken) =>
        change.RunAsync(user, command.Id, command.Version, RecommendationOperations.Forward, c =>
        {
            var errors = new List<UseCaseError>();
            ActionInputs.CheckReason(command.Reason, nameof(command.Reason), localizer, errors);
            if (errors.Count == 0)
            {
                c.Recommendation.ReturnToSender(command.Reason!.Trim(), c.By);
            }

            return Task.FromResult<IReadOnlyList<UseCaseError>>(errors);
        }, cancellationToken);
}
