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
/// Freeze the summary of unit <paramref name="UnitId"/> for <paramref name="Period"/>; <paramref name="Confirmation"/> is
/// what the person confirmed (<see cref="FreezeReport.ConfirmationOf"/>), null when nothing was; <paramref name="Reason"/>
/// why a report already frozen for the period is replaced by a new version (required then, ignored otherwise).
/// </summary>
public sealed record FreezeCommand(int UnitId, ReviewPeriod Period, string? Confirmation, string? Reason = null);

/// <summary>
/// A leader (or administrator) freezes the summary of their unit's subtree for a statutory period as an official
/// report dated today (Vietnam date): the document the summary page shows is computed once and stored in
/// <see cref="FrozenReport"/>'s current format, never recomputed. Authorized before anything is computed; a period
/// that has not ended is refused (<see cref="ReviewPeriod.HasEndedBy"/>), and so is a freeze not confirmed. A unit has
/// one report per period: freezing again needs a reason and makes the next version, the earlier one marked replaced
/// (<see cref="SummarySnapshot.Freeze"/>); two freezes at once cannot make the same version (a unique index). The
/// overdue recommendations behind the "Quá hạn" figure are kept with it (<see cref="OverdueRegister"/>, ADR 0017).
/// </summary>
public sealed class FreezeReport(
    MeetingPortalDbContext db, IAuthorizationService authorization, SummaryDocuments summaries, CalendarService calendar, ICurrentUser currentUser,
    TimeProvider timeProvider, IStringLocalizer<SharedResource> localizer, OverdueRegister overdueRegister)
{
    /// <summary>
    /// What a confirmation of freezing <paramref name="unitId"/>'s report for <paramref name="period"/> carries: a
    /// confirmation of another unit or period (another page, an old tab) does not count.
    /// </summary>
    public static string ConfirmationOf(int unitId, ReviewPeriod period)
    {
        var canonical = period.Canonical();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{unitId}:{canonical.Kind}-{canonical.Year}-{canonical.Number}");
    }

    /// <summary>The id, in the result, of the frozen report; refused with the field "Reason" when a reason is missing.</summary>
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

        // One stretch of days has one official report whatever name it was asked under ("6 tháng" or "months=6").
        var period = command.Period.Canonical();
        var label = PeriodNames.Name(localizer, period);

        // Figures of a period still running would change after they were signed.
        if (!period.HasEndedBy(calendar.Today))
        {
            return UseCaseResult.Invalid(string.Empty, localizer["Snapshot.NotEnded", label, period.End.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)]);
        }

        // An official report is not made by one stray click (issue 15, item 3): the unit and period were named and confirmed.
        if (command.Confirmation != ConfirmationOf(unit.Id, period))
        {
            return UseCaseResult.Invalid(string.Empty, localizer["Snapshot.ConfirmFirst", unit.Name, label]);
        }

        var current = await db.Snapshots
            .Where(s => s.UnitId == unit.Id && s.PeriodKind == period.Kind && s.PeriodYear == period.Year && s.PeriodNumber == period.Number && s.ReplacedAtUtc == null)
            .OrderByDescending(s => s.Version).FirstOrDefaultAsync(cancellationToken);
        if (current is not null && string.IsNullOrWhiteSpace(command.Reason))
        {
            return UseCaseResult.Invalid("Reason", localizer["Snapshot.ReasonRequired", current.Version, current.FrozenOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), current.Version + 1]);
        }

        if (command.Reason is { Length: > SummarySnapshot.ReasonMaxLength })
        {
            return UseCaseResult.Invalid("Reason", localizer["Snapshot.ReasonTooLong", SummarySnapshot.ReasonMaxLength]);
        }

        // An official report counts the units as they stood on the period's last day (ADR 0018): the report a unit owed
        // then, whenever it is frozen. When nothing changed since, that tree is today's and the summary the same.
        var then = await NamesOnDate.TreeChangedAfterAsync(db, period.End, cancellationToken) ? await NamesOnDate.TreeOnAsync(db, unit.Id, period.End, cancellationToken) : null;
        var name = then is null ? unit.Name : (await NamesOnDate.UnitOnAsync(db, unit.Id, period.End, cancellationToken)).Name ?? unit.Name;
        var computed = await summaries.ComputeAsync(new UnitScope(unit.Id, unit.Path), name, ReportPeriod.Of(period), new Dictionary<string, string>(), cancellationToken, then);
        // The overdue items behind the "Quá hạn" figure, counted on the same day, kept beside the figures (ADR 0017).
        var overdue = await overdueRegister.ListAsync(new UnitScope(unit.Id, unit.Path), ReportPeriod.Of(period), computed.Document.CountedOn, cancellationToken, then);
        var title = then is null ? localizer["Report.Title", name, label] : localizer["Report.TitleThen", name, label, period.End.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)];
        var snapshot = SummarySnapshot.Freeze(current, unit.Id, period, title, FrozenReport.Write(computed.Document),
            calendar.Today, currentUser.UserName, timeProvider.GetUtcNow().UtcDateTime, command.Reason, OverdueList.Write(overdue));
        db.Snapshots.Add(snapshot);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The current version was signed, sent or received while this freeze ran: it is looked at again, not written over.
            db.ChangeTracker.Clear();
            return UseCaseResult.Invalid(string.Empty, localizer["OfficialReport.Stale"]);
        }
        catch (DbUpdateException)
        {
            // Another freeze of the same unit and period won the version (a double click): one report, not two.
            db.ChangeTracker.Clear();
            var won = await db.Snapshots.AsNoTracking().AnyAsync(
                s => s.UnitId == unit.Id && s.PeriodKind == period.Kind && s.PeriodYear == period.Year && s.PeriodNumber == period.Number && s.Version == snapshot.Version, cancellationToken);
            if (!won)
            {
                throw;
            }

            return UseCaseResult.Invalid(string.Empty, localizer["Snapshot.FrozenMeanwhile", snapshot.Version]);
        }

        return UseCaseResult.Done(snapshot.Id);
    }
}
