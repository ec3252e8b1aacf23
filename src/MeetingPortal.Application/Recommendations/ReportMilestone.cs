using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Recommendations;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>
/// Report milestone <paramref name="MilestoneId"/> of recommendation <paramref name="Id"/>'s roadmap done on
/// <paramref name="DoneOn"/> (Vietnam date; today when blank), with an optional note.
/// </summary>
public sealed record ReportMilestoneCommand(int Id, int Version, long MilestoneId, DateOnly? DoneOn, string? Note);

/// <summary>
/// The reporting body (or the addressed body's responder, or a tracker) reports a milestone done: the date lies
/// between the meeting and today (<see cref="Roadmaps.IsDoneDateValid"/>); the raising unit is told (ADR 0025 section 3).
/// </summary>
public sealed class ReportMilestone(RecommendationChange change, IStringLocalizer<SharedResource> localizer)
{
    public Task<UseCaseResult> ExecuteAsync(ClaimsPrincipal user, ReportMilestoneCommand command, CancellationToken cancellationToken) =>
        change.RunAsync(user, command.Id, command.Version, RecommendationOperations.ReportMilestone, c =>
        {
            var errors = new List<UseCaseError>();
            var doneOn = command.DoneOn ?? c.Today;
            if (!Roadmaps.IsDoneDateValid(doneOn, c.HeldOn, c.Today))
            {
                errors.Add(new UseCaseError(nameof(command.DoneOn), localizer["Domain.roadmap.done-date"]));
            }

            // A note, not a reason: said in its own words, beside the page's field ("Done.Text").
            if (command.Note?.Trim().Length > Milestone.NoteMaxLength)
            {
                errors.Add(new UseCaseError("Text", localizer["Roadmap.NoteTooLong", Milestone.NoteMaxLength]));
            }

            if (errors.Count == 0)
            {
                c.Recommendation.MarkMilestoneDone(command.MilestoneId, doneOn, ActionInputs.Clean(command.Note), c.Today, c.By);
            }

            return Task.FromResult<IReadOnlyList<UseCaseError>>(errors);
        }, cancellationToken);
}
