using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Application.Meetings;
using MeetingPortal.Domain.Recommendations;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Recommendations;

/// <summary>
/// One row of the roadmap form: <paramref name="Id"/> names a kept milestone (null for a new one); a row left wholly
/// blank is no milestone. <paramref name="SharePercent"/> is the share of progress in percent (0-100).
/// </summary>
public sealed record MilestoneRow(long? Id, string? Content, DateOnly? DueOn, int? SharePercent)
{
    /// <summary>Nothing typed: the form's spare rows.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Content) && DueOn is null && SharePercent is null;
}

/// <summary>
/// Draw up or change the roadmap of recommendation <paramref name="Id"/> (as of <paramref name="Version"/>) as a whole:
/// the planned resolution date (Vietnam date), the reporting body and the milestone rows in form order.
/// </summary>
public sealed record PlanRoadmapCommand(int Id, int Version, DateOnly? PlannedResolutionOn, int? ReportingOrganisationId, IReadOnlyList<MilestoneRow> Milestones);

/// <summary>
/// The addressed body's responder, or a tracker, draws up the roadmap (lộ trình giải quyết) of an accepted matter that
/// cannot be resolved at once, or changes it (ADR 0025 section 3). The reporting body is one of the raising unit's
/// lineage, as for an assignment; the rules of dates and shares are the domain's (<see cref="Roadmaps.Check"/>), each
/// said beside its field (a milestone's as "Milestones[i].Field", i its row in the form). The raising unit is told.
/// </summary>
public sealed class PlanRoadmap(RecommendationChange change, MeetingChoices choices, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The field of milestone row <paramref name="row"/>'s <paramref name="field"/>, as errors name it.</summary>
    public static string RowField(int row, string field) => $"{nameof(PlanRoadmapCommand.Milestones)}[{row}].{field}";

    public Task<UseCaseResult> ExecuteAsync(ClaimsPrincipal user, PlanRoadmapCommand command, CancellationToken cancellationToken) =>
        change.RunAsync(user, command.Id, command.Version, RecommendationOperations.PlanRoadmap, async c =>
        {
            var errors = new List<UseCaseError>();
            if (command.PlannedResolutionOn is null)
            {
                errors.Add(new UseCaseError(nameof(command.PlannedResolutionOn), localizer["Roadmap.PlannedRequired"]));
            }

            // The reporting body is chosen among the bodies an assignment may name; its message names the reporting body.
            var bodyErrors = new List<UseCaseError>();
            var body = await ActionInputs.ChooseBodyAsync(
                command.ReportingOrganisationId, c.UnitId, choices, nameof(command.ReportingOrganisationId), localizer, bodyErrors, cancellationToken);
            if (body is null)
            {
                errors.Add(new UseCaseError(nameof(command.ReportingOrganisationId), localizer["Roadmap.ChooseBody"]));
            }

            // The rows typed, each with its row number in the form so a message goes beside the right row.
            var rows = command.Milestones.Select((m, i) => (m, i)).Where(x => !x.m.IsBlank).ToList();
            foreach (var (m, i) in rows)
            {
                if (string.IsNullOrWhiteSpace(m.Content))
                {
                    errors.Add(new UseCaseError(RowField(i, nameof(m.Content)), localizer["Domain.roadmap.milestone-content"]));
                }
                else if (m.Content.Trim().Length > Milestone.ContentMaxLength)
                {
                    errors.Add(new UseCaseError(RowField(i, nameof(m.Content)), localizer["Roadmap.ContentTooLong", Milestone.ContentMaxLength]));
                }

                if (m.DueOn is null)
                {
                    errors.Add(new UseCaseError(RowField(i, nameof(m.DueOn)), localizer["Roadmap.DueRequired"]));
                }

                if (m.SharePercent is null)
                {
                    errors.Add(new UseCaseError(RowField(i, nameof(m.SharePercent)), localizer["Roadmap.ShareRequired"]));
                }
            }

            if (errors.Count > 0 || command.PlannedResolutionOn is not { } planned)
            {
                return errors;
            }

            var plans = rows.Select(x => new MilestonePlan(x.m.Id, x.m.Content!.Trim(), x.m.DueOn!.Value, x.m.SharePercent!.Value)).ToList();
            foreach (var problem in Roadmaps.Check(c.HeldOn, planned, plans))
            {
                var field = problem.Index is { } index
                    ? RowField(rows[index].i, problem.Field.ToString())
                    : problem.Field == RoadmapField.Milestones ? nameof(command.Milestones) : nameof(command.PlannedResolutionOn);
                errors.Add(new UseCaseError(field, localizer["Domain." + problem.Code]));
            }

            if (errors.Count > 0)
            {
                return errors;
            }

            c.Recommendation.PlanRoadmap(planned, body!.Value.Id, plans, c.By);
            return [];
        }, cancellationToken);
}
