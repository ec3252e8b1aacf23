using MeetingPortal.Application.People;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Pages.Reports;

/// <summary>The official reports frozen for a unit, newest first, with how many have read each.</summary>
public sealed class SnapshotsModel(MeetingPortalDbContext db, PeopleNames peopleNames) : PageModel
{
    /// <summary>Who froze each report, by full name.</summary>
    public PeopleDirectory People { get; private set; } = PeopleDirectory.Empty;

    public string UnitName { get; private set; } = string.Empty;
    public IReadOnlyList<Row> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? unit, CancellationToken cancellationToken)
    {
        var scope = User.GetScopeOrNone();
        var unitId = unit ?? scope.UnitId;
        var name = await db.Units.AsNoTracking().InScope(scope).Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return NotFound();
        }

        UnitName = name;
        Items = await db.Snapshots.AsNoTracking().Where(s => s.UnitId == unitId).OrderByDescending(s => s.PeriodYear).ThenByDescending(s => s.FrozenAtUtc)
            .Select(s => new Row(s.Id, s.Title, s.Version, s.ReplacedAtUtc != null, s.FrozenOn, s.FrozenBy, s.Receipts.Count()))
            .ToListAsync(cancellationToken);
        People = await peopleNames.ForAsync(Items.Select(s => s.FrozenBy), cancellationToken);
        return Page();
    }

    /// <summary>One official report: its version, and whether a newer version replaced it.</summary>
    public sealed record Row(int Id, string Title, int Version, bool Replaced, DateOnly FrozenOn, string? FrozenBy, int Readers);
}
