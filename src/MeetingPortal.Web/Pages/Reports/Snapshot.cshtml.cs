using MeetingPortal.Application.Reports;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Pages.Reports;

/// <summary>A frozen report, shown from its stored figures; opening it records the reader once.</summary>
public sealed class SnapshotModel(MeetingPortalDbContext db, IAuthorizationService authorization, TimeProvider timeProvider) : PageModel
{
    public string Title { get; private set; } = string.Empty;
    public DateOnly FrozenOn { get; private set; }
    public string? FrozenBy { get; private set; }
    public int UnitId { get; private set; }
    /// <summary>The report as it was frozen, read back by its stored format's version.</summary>
    public FrozenReportV1 Report { get; private set; } = null!;

    /// <summary>True when the stored figures are in a format this build cannot read.</summary>
    public bool Unreadable { get; private set; }
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
        try
        {
            Report = FrozenReport.Read(snapshot.Figures);
        }
        catch (MeetingPortal.Domain.Common.DomainException)
        {
            // Frozen by a newer portal: the title and readers still show, the figures say why they do not.
            Unreadable = true;
        }

        Readers = snapshot.Receipts.OrderBy(r => r.ReadAtUtc).Select(r => (r.UserName, r.ReadAtUtc)).ToList();
        return Page();
    }
}
