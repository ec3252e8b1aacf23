using MeetingPortal.Application.Reports;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Pages.Reports;

/// <summary>A frozen report, shown from its stored figures; opening it records the reader once.</summary>
public sealed class SnapshotModel(
    MeetingPortalDbContext db, IAuthorizationService authorization, TimeProvider timeProvider, SummaryReport layout,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The version of the unit's report for the period (1 the first).</summary>
    public int Version { get; private set; }

    /// <summary>Why this version replaced the one before, if it did.</summary>
    public string? Reason { get; private set; }

    /// <summary>The version that replaced this one, if any.</summary>
    public (int Id, int Version, DateOnly FrozenOn)? ReplacedBy { get; private set; }

    public string Title { get; private set; } = string.Empty;
    public DateOnly FrozenOn { get; private set; }
    public string? FrozenBy { get; private set; }
    public int UnitId { get; private set; }
    /// <summary>The report as it was frozen, read back by its stored format's version; null when this build cannot read it.</summary>
    public ReportDocument? Document { get; private set; }
    public IReadOnlyList<(string UserName, DateTime ReadAtUtc)> Readers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var snapshot = await db.Snapshots.Include(s => s.Receipts).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        var unitPath = snapshot is null ? null : await db.Units.Where(u => u.Id == snapshot.UnitId).Select(u => u.Path).SingleAsync(cancellationToken);
        if (snapshot is null || !await authorization.MayAsync(User, new ReportResource(unitPath!), ReportOperations.Read))
        {
            return NotFound();
        }

        if (User.Identity?.Name is { } reader && snapshot.MarkRead(reader, timeProvider.GetUtcNow().UtcDateTime))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same reader opened the report twice at once (two tabs, a double click): the other request recorded
                // the reading, once, as the unique index wants; this one answered 503 as if the database were down.
                if (!await db.Snapshots.Where(s => s.Id == id).SelectMany(s => s.Receipts).AnyAsync(r => r.UserName == reader, cancellationToken))
                {
                    throw;
                }
            }
        }

        Title = snapshot.Title;
        FrozenOn = snapshot.FrozenOn;
        FrozenBy = snapshot.FrozenBy;
        UnitId = snapshot.UnitId;
        Version = snapshot.Version;
        Reason = snapshot.Reason;
        if (snapshot.IsReplaced)
        {
            var newer = await db.Snapshots.AsNoTracking()
                .Where(s => s.UnitId == snapshot.UnitId && s.PeriodKind == snapshot.PeriodKind && s.PeriodYear == snapshot.PeriodYear && s.PeriodNumber == snapshot.PeriodNumber && s.Version > snapshot.Version)
                .OrderBy(s => s.Version).Select(s => new { s.Id, s.Version, s.FrozenOn }).FirstOrDefaultAsync(cancellationToken);
            ReplacedBy = newer is null ? null : (newer.Id, newer.Version, newer.FrozenOn);
        }

        try
        {
            Document = FrozenReport.Read(snapshot.Figures, snapshot.UnitId, MeetingPortal.Domain.Reports.ReportPeriod.Of(snapshot.Period), snapshot.FrozenOn, layout, localizer["Snapshot.FormatOneNote"]);
        }
        catch (MeetingPortal.Domain.Common.DomainException)
        {
            // Frozen by a newer portal: the title and readers still show, the figures say why they do not.
            Document = null;
        }

        Readers = snapshot.Receipts.OrderBy(r => r.ReadAtUtc).Select(r => (r.UserName, r.ReadAtUtc)).ToList();
        return Page();
    }
}
