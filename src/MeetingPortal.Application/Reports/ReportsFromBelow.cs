using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Application.Reports;

/// <summary>One version of a unit's official report for a period: its id, number, status and when it was sent and received (UTC).</summary>
public sealed record ReportVersion(int Id, int UnitId, int Number, ReportStatus Status, bool Replaced, DateTime? SentAtUtc, string? SentBy, DateTime? ReceivedAtUtc, string? ReceivedBy);

/// <summary>
/// A unit directly below and its official report for a period: the current version (null when none was frozen) and,
/// when a sent version was replaced since, that version. It has sent when its current version is sent or received
/// (ADR 0017): a replaced version that was sent does not count.
/// </summary>
public sealed record ReportFromBelow(int UnitId, string Name, ReportVersion? Current, ReportVersion? ReplacedSent)
{
    /// <summary>Whether the unit's current report for the period has gone up.</summary>
    public bool HasSent => Current is { Status: ReportStatus.Sent or ReportStatus.Received };
}

/// <summary>
/// What the units directly below a unit have sent up for a statutory period (issue 15, deliver 4 and 8): read by the
/// level above's page and by the summary's "needs attention". The caller has checked the unit is in the user's scope.
/// </summary>
public static class ReportsFromBelow
{
    /// <summary>
    /// The units directly below <paramref name="unitId"/> that owe it their report for <paramref name="period"/>
    /// (canonical), in Vietnamese order, each with its report; and any other unit below today that has a report for it.
    /// </summary>
    /// <remarks>
    /// Who owes a period's report is who stood directly below on the first day it could be sent, the day after the
    /// period's last day (ADR 0018, the tree of that day by <see cref="NamesOnDate.TreeOnAsync"/>): a district retired
    /// on 1/7/2025 owes its report for 2022 (it stood below the province in 2023) but not for the second quarter of 2025
    /// (retired on the first day it could have sent it), and a ward moved under the province in 2025 owes the province
    /// nothing for 2022 (it reported to its district then). A unit added or moved since owes what falls after.
    /// </remarks>
    public static async Task<IReadOnlyList<ReportFromBelow>> ForAsync(MeetingPortalDbContext db, int unitId, ReviewPeriod period, CancellationToken cancellationToken)
    {
        var (kind, year, number) = (period.Canonical().Kind, period.Canonical().Year, period.Canonical().Number);
        var firstSendingDay = period.Canonical().End.AddDays(1);
        // Reading the tree of a day reads every unit: only when the tree changed since; else it is today's.
        var owing = await NamesOnDate.TreeChangedAfterAsync(db, firstSendingDay.AddDays(-1), cancellationToken)
            ? (await NamesOnDate.TreeOnAsync(db, unitId, firstSendingDay, cancellationToken)).Children.Where(c => c.Standing).Select(c => c.Id).ToList()
            : await db.Units.AsNoTracking().TakingRecords().Where(u => u.ParentId == unitId).Select(u => u.Id).ToListAsync(cancellationToken);
        var below = await db.Units.AsNoTracking().Where(u => (u.ParentId == unitId && u.MergedIntoId == null) || owing.Contains(u.Id))
            .Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        var belowIds = below.Select(c => c.Id).ToList();
        var reports = await db.Snapshots.AsNoTracking()
            .Where(s => belowIds.Contains(s.UnitId) && s.PeriodKind == kind && s.PeriodYear == year && s.PeriodNumber == number)
            .Select(s => new ReportVersion(s.Id, s.UnitId, s.Version, s.Status, s.ReplacedAtUtc != null, s.SentAtUtc, s.SentBy, s.ReceivedAtUtc, s.ReceivedBy))
            .ToListAsync(cancellationToken);
        var children = below.Where(c => owing.Contains(c.Id) || reports.Any(r => r.UnitId == c.Id)).ToList();
        var comparer = VietnameseOrder.Names;
        return children.OrderBy(c => c.Name, comparer).Select(c =>
        {
            var versions = reports.Where(r => r.UnitId == c.Id).ToList();
            var current = versions.Where(v => !v.Replaced).MaxBy(v => v.Number);
            var lastSent = versions.Where(v => v.SentAtUtc is not null).MaxBy(v => v.Number);
            return new ReportFromBelow(c.Id, c.Name, current, lastSent is not null && lastSent != current ? lastSent : null);
        }).ToList();
    }
}
