using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Reports;

/// <summary>
/// Freeze the summary of unit <paramref name="UnitId"/> for <paramref name="Period"/>; the labels are the periods' names
/// as the user reads them; <paramref name="Confirmation"/> is what the person confirmed (<see cref="FreezeReport.ConfirmationOf"/>),
/// null when nothing was.
/// </summary>
public sealed record FreezeCommand(int UnitId, ReviewPeriod Period, string PeriodLabel, string PreviousPeriodLabel, string? Confirmation);

/// <summary>
/// A leader (or administrator) freezes the summary of their unit's subtree for a period as an official report
/// dated today (Vietnam date): the figures of the period and the one before are computed once and stored in
/// <see cref="FrozenReport"/>'s current format, never recomputed. Authorized before anything is computed; a period
/// that has not ended is refused (<see cref="ReviewPeriod.HasEndedBy"/>), and so is a freeze not confirmed.
/// </summary>
public sealed class FreezeReport(
    MeetingPortalDbContext db, IAuthorizationService authorization, SummaryCalculator calculator, CalendarService calendar, ICurrentUser currentUser,
    TimeProvider timeProvider, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>
    /// What a confirmation of freezing <paramref name="unitId"/>'s report for <paramref name="period"/> carries: a
    /// confirmation of another unit or period (another page, an old tab) does not count.
    /// </summary>
    public static string ConfirmationOf(int unitId, ReviewPeriod period) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{unitId}:{period.Kind}-{period.Year}-{period.Number}");

    /// <summary>The id, in the result, of the frozen report.</summary>
    public async Task<UseCaseResult> ExecuteAsync(ClaimsPrincipal user, FreezeCommand command, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == command.UnitId).Select(u => new { u.Id, u.Name, u.Path }).SingleOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return UseCaseResult.NotFound;
        }

        var access = await authorization.CheckAsync(user, new ReportResource(unit.Path), ReportOperations.Freeze);
        if (access != Access.Allowed)
        {
            return UseCaseResult.Refused(access);
        }

        // Figures of a period still running would change after they were signed.
        if (!command.Period.HasEndedBy(calendar.Today))
        {
            return UseCaseResult.Invalid(string.Empty, localizer["Snapshot.NotEnded", command.PeriodLabel, command.Period.End.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)]);
        }

        // An official report is not made by one stray click (issue 15, item 3): the unit and period were named and confirmed.
        if (command.Confirmation != ConfirmationOf(unit.Id, command.Period))
        {
            return UseCaseResult.Invalid(string.Empty, localizer["Snapshot.ConfirmFirst", unit.Name, command.PeriodLabel]);
        }

        var scope = new UnitScope(unit.Id, unit.Path);
        var current = await calculator.CalculateAsync(scope, command.Period, details: true, cancellationToken);
        var previous = await calculator.CalculateAsync(scope, command.Period.Previous(), details: false, cancellationToken);
        var report = FrozenReportV1.From(unit.Name, command.PeriodLabel, command.PreviousPeriodLabel, current, previous);
        var snapshot = new SummarySnapshot(unit.Id, command.Period.Kind, command.Period.Year, command.Period.Number,
            localizer["Report.Title", unit.Name, command.PeriodLabel], FrozenReport.Write(report),
            calendar.Today, currentUser.UserName, timeProvider.GetUtcNow().UtcDateTime);
        db.Snapshots.Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        return UseCaseResult.Done(snapshot.Id);
    }
}
