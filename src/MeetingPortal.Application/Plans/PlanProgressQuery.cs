using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Monitoring;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingPortal.Application.Plans;

/// <summary>Planned against held for one stretch (a quarter or the year): counts of plan entries.</summary>
/// <param name="Planned">Entries whose month or quarter ends in the stretch, not taken off the plan.</param>
/// <param name="Held">Of those, with a published meeting linked (late or not).</param>
/// <param name="Late">Of those, not held and their period ended before the day counted.</param>
public sealed record PlanCell(int Planned, int Held, int Late)
{
    /// <summary>Nothing planned, held or late.</summary>
    public static readonly PlanCell Empty = new(0, 0, 0);

    /// <summary>Held over planned (0-1), null when nothing is planned.</summary>
    public double? HeldShare => FigureDefinitions.Share(Held, Planned);
}

/// <summary>
/// One row of the planned-against-held view: a unit's subtree (its own entries and its units' below), per quarter of
/// the year and for the year; <paramref name="OwnOnly"/> when the row is the chosen unit's own plan only.
/// </summary>
public sealed record PlanUnitRow(int UnitId, string Name, bool HasChildren, bool OwnOnly, IReadOnlyList<PlanCell> Quarters, PlanCell Year);

/// <summary>A late entry (chậm tổ chức): who is late, with what, since the end of which period (Vietnam date).</summary>
public sealed record LateEntry(int Id, int UnitId, string UnitName, ReviewPeriod Period, string Topic, DateOnly EndsOn);

/// <summary>
/// The planned-against-held view of a unit's scope for a year (issue 18, deliver 1): the unit's own plan, each unit
/// directly below it with its subtree, the total, and the late entries across the subtree, oldest first.
/// </summary>
public sealed record PlanProgress(int UnitId, string UnitName, int Year, DateOnly CountedOn, PlanUnitRow Own, IReadOnlyList<PlanUnitRow> Children, PlanUnitRow Total, IReadOnlyList<LateEntry> Late);

/// <summary>
/// Reads the planned-against-held view with three queries over the plan entries of the subtree and the year, each
/// with its one definition (<see cref="FigureDefinitions.PlannedDialogues"/>, <see cref="FigureDefinitions.HeldDialogues"/>,
/// <see cref="FigureDefinitions.LateDialogues"/>), plus the units. "Today" is the Vietnam date; an entry belongs to the
/// quarter its month or quarter ends in.
/// </summary>
public sealed class PlanProgressQuery(MeetingPortalDbContext db, CalendarService calendar)
{
    /// <summary>
    /// The view for <paramref name="unitId"/> (the user's own unit when null) and <paramref name="year"/>; null when the
    /// unit is unknown or outside <paramref name="scope"/> (the page answers 404).
    /// </summary>
    public async Task<PlanProgress?> RunAsync(UnitScope scope, int? unitId, int year, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == (unitId ?? scope.UnitId))
            .Select(u => new { u.Id, u.Name, u.Path }).SingleOrDefaultAsync(cancellationToken);
        if (unit is null || !scope.Covers(unit.Path))
        {
            return null;
        }

        var today = calendar.Today;
        var subtree = new UnitScope(unit.Id, unit.Path);
        var entries = db.PlannedDialogues.AsNoTracking().InScope(subtree).Where(p => p.Year == year);
        var counted = await entries.Where(FigureDefinitions.PlannedDialogues)
            .Select(p => new { p.Id, p.UnitId, p.Unit!.Path, p.EndsOn, p.PeriodKind, p.PeriodNumber, p.Topic }).ToListAsync(cancellationToken);
        var held = (await entries.Where(FigureDefinitions.HeldDialogues).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var late = (await entries.Where(FigureDefinitions.LateDialogues(today)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();

        var children = (await db.Units.AsNoTracking().Where(u => u.ParentId == unit.Id && u.MergedIntoId == null)
            .Select(u => new { u.Id, u.Name, u.Path, HasChildren = db.Units.Any(c => c.ParentId == u.Id && c.MergedIntoId == null) })
            .ToListAsync(cancellationToken))
            .OrderBy(u => u.Name, VietnameseOrder.Names).ThenBy(u => u.Id).ToList();
        var names = await db.Units.AsNoTracking().InScope(subtree).Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);

        PlanUnitRow Row(int id, string name, bool hasChildren, bool ownOnly, Func<string, bool> belongs)
        {
            var mine = counted.Where(e => belongs(e.Path)).ToList();
            PlanCell Cell(Func<DateOnly, bool> when)
            {
                var these = mine.Where(e => when(e.EndsOn)).ToList();
                return new PlanCell(these.Count, these.Count(e => held.Contains(e.Id)), these.Count(e => late.Contains(e.Id)));
            }

            var quarters = Enumerable.Range(1, 4).Select(q => Cell(d => ReviewPeriod.QuarterOf(d).Number == q)).ToList();
            return new PlanUnitRow(id, name, hasChildren, ownOnly, quarters, Cell(_ => true));
        }

        var own = Row(unit.Id, unit.Name, children.Count > 0, true, path => path == unit.Path);
        var rows = children.Select(c => Row(c.Id, c.Name, c.HasChildren, false, path => Domain.Units.Unit.IsInScope(path, c.Path))).ToList();
        var total = Row(unit.Id, unit.Name, children.Count > 0, false, _ => true);
        var lateEntries = counted.Where(e => late.Contains(e.Id))
            .Select(e => new LateEntry(e.Id, e.UnitId, names.GetValueOrDefault(e.UnitId, string.Empty), new ReviewPeriod(e.PeriodKind, year, e.PeriodNumber), e.Topic, e.EndsOn))
            .OrderBy(e => e.EndsOn).ThenBy(e => e.UnitName, VietnameseOrder.Names).ThenBy(e => e.Id).ToList();
        return new PlanProgress(unit.Id, unit.Name, year, today, own, rows, total, lateEntries);
    }

    /// <summary>The last day of the reminder window (Vietnam date): today plus the configured working days (<see cref="MonitoringOptions.PlanDueSoonWorkingDays"/>).</summary>
    public static async Task<DateOnly> DueSoonUntilAsync(CalendarService calendar, IOptions<MonitoringOptions> options, CancellationToken cancellationToken) =>
        (await calendar.CalendarAsync(cancellationToken)).AddWorkingDays(calendar.Today, options.Value.PlanDueSoonWorkingDays);
}
