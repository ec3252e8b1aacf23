using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Plans;

/// <summary>
/// What is done to an entry of a dialogue plan after it is written (issue 18, deliver 1): link the meeting that held it,
/// take that link off, take the entry off the plan with a reason, put it back. Each loads the entry, authorizes
/// <see cref="PlanOperations.Write"/> on its unit (404 out of scope, 403 for a missing role), calls the domain and
/// saves once, as of the version the user saw, with a history row.
/// </summary>
public sealed class PlannedDialogueActions(
    MeetingPortalDbContext db, IAuthorizationService authorization, AuditTrail audit, CalendarService calendar, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>
    /// Links meeting <paramref name="meetingId"/> as the one that held entry <paramref name="id"/>. A meeting out of the
    /// user's scope or unknown answers 404; one of another unit, held before the plan's year, or already linked to
    /// another entry is refused with a message beside the meeting's choice.
    /// </summary>
    public async Task<UseCaseResult> LinkMeetingAsync(ClaimsPrincipal user, int id, int version, int? meetingId, CancellationToken cancellationToken) =>
        await RunAsync(user, id, version, async entry =>
        {
            var meeting = meetingId is null ? null : await db.Meetings.Include(m => m.Unit).SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
            if (meeting is null || !user.Covers(meeting.Unit!.Path))
            {
                return meetingId is null ? [new UseCaseError("MeetingId", localizer["Plans.MeetingRequired"])] : null;
            }

            if (await db.PlannedDialogues.AnyAsync(p => p.MeetingId == meeting.Id && p.Id != entry.Id, cancellationToken))
            {
                return [new UseCaseError("MeetingId", localizer["Plans.MeetingTaken"])];
            }

            entry.LinkMeeting(meeting);
            audit.Record(nameof(PlannedDialogue), entry.Id, HistoryAction.Updated, localizer["Plans.History.Linked", meeting.Title], entry.UnitId);
            return [];
        }, "MeetingId", cancellationToken);

    /// <summary>Takes the linked meeting off entry <paramref name="id"/> (linked by mistake).</summary>
    public Task<UseCaseResult> UnlinkMeetingAsync(ClaimsPrincipal user, int id, int version, CancellationToken cancellationToken) =>
        RunAsync(user, id, version, entry =>
        {
            entry.UnlinkMeeting();
            audit.Record(nameof(PlannedDialogue), entry.Id, HistoryAction.Updated, localizer["Plans.History.Unlinked"], entry.UnitId);
            return Task.FromResult<List<UseCaseError>?>([]);
        }, string.Empty, cancellationToken);

    /// <summary>Takes entry <paramref name="id"/> off the plan today (Vietnam date) for <paramref name="reason"/>; refused without one.</summary>
    public Task<UseCaseResult> CancelAsync(ClaimsPrincipal user, int id, int version, string? reason, CancellationToken cancellationToken) =>
        RunAsync(user, id, version, entry =>
        {
            if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > PlannedDialogue.ReasonMaxLength)
            {
                return Task.FromResult<List<UseCaseError>?>([new UseCaseError("Reason", localizer["Plans.ReasonRequired", PlannedDialogue.ReasonMaxLength])]);
            }

            entry.Cancel(reason, calendar.Today);
            audit.Record(nameof(PlannedDialogue), entry.Id, HistoryAction.Updated, localizer["Plans.History.Cancelled", reason.Trim()], entry.UnitId);
            return Task.FromResult<List<UseCaseError>?>([]);
        }, "Reason", cancellationToken);

    /// <summary>Puts entry <paramref name="id"/> back on the plan.</summary>
    public Task<UseCaseResult> RestoreAsync(ClaimsPrincipal user, int id, int version, CancellationToken cancellationToken) =>
        RunAsync(user, id, version, entry =>
        {
            entry.Restore();
            audit.Record(nameof(PlannedDialogue), entry.Id, HistoryAction.Updated, localizer["Plans.History.Restored"], entry.UnitId);
            return Task.FromResult<List<UseCaseError>?>([]);
        }, string.Empty, cancellationToken);

    // act returns null for "not found" (a meeting out of scope), else the messages that refuse the change.
    private async Task<UseCaseResult> RunAsync(
        ClaimsPrincipal user, int id, int version, Func<PlannedDialogue, Task<List<UseCaseError>?>> act, string ruleField, CancellationToken cancellationToken)
    {
        var unitPath = await db.PlannedDialogues.AsNoTracking().Where(p => p.Id == id).Select(p => p.Unit!.Path).SingleOrDefaultAsync(cancellationToken);
        if (unitPath is null)
        {
            return UseCaseResult.NotFound;
        }

        var access = await authorization.CheckAsync(user, new PlanResource(unitPath), PlanOperations.Write);
        if (access != Access.Allowed)
        {
            return UseCaseResult.Refused(access);
        }

        var entry = await db.PlannedDialogues.SingleAsync(p => p.Id == id, cancellationToken);
        // Two people linked the same meeting to two entries at once: the unique index refused the second.
        var meetingTaken = ruleField == "MeetingId" ? UseCaseResult.Invalid(ruleField, localizer["Plans.MeetingTaken"]) : null;
        return await AggregateChange.SaveAsync(db, entry, version, async () => await act(entry),
            localizer, localizer["Plans.Stale"], cancellationToken, ruleField, meetingTaken);
    }
}
