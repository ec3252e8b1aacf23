using System.ComponentModel.DataAnnotations;
using MeetingPortal.Application.Plans;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Pages.Plans;

/// <summary>
/// A unit's dialogue plan for a year (issue 18, deliver 1): each planned dialogue with where it stands today, for
/// anyone in scope; the unit's Recorders and Administrators add to it. Another unit's plan answers 404.
/// </summary>
public sealed class IndexModel(MeetingPortalDbContext db, IAuthorizationService authorization, CalendarService calendar, PlanEntries planEntries) : PageModel
{
    /// <summary>The unit whose plan is shown: the user's own unless another in scope is chosen.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Plans.Unit")]
    public int? UnitId { get; set; }

    /// <summary>The plan's year: this year (Vietnam calendar) unless chosen.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Plans.Year")]
    public int? Year { get; set; }

    public int ShownYear { get; private set; }
    public string UnitName { get; private set; } = string.Empty;
    public int ShownUnitId { get; private set; }
    public bool MayWrite { get; private set; }
    public IReadOnlyList<(int Id, string Label)> Units { get; private set; } = [];
    public IReadOnlyList<PlanEntryView> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = User.GetScopeOrNone();
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == (UnitId ?? scope.UnitId)).Select(u => new { u.Id, u.Name, u.Path }).SingleOrDefaultAsync(cancellationToken);
        if (unit is null || !await authorization.MayAsync(User, new PlanResource(unit.Path), PlanOperations.Read))
        {
            return NotFound();
        }

        // A year that is no plan's year (typed by hand) falls back to this year rather than failing.
        ShownYear = Year is { } year && ReviewPeriod.IsValidYear(year) ? year : calendar.Today.Year;
        ShownUnitId = unit.Id;
        UnitName = unit.Name;
        MayWrite = await authorization.MayAsync(User, new PlanResource(unit.Path), PlanOperations.Write);
        Units = await UnitOptions.InScopeAsync(db, scope, cancellationToken);
        Entries = await planEntries.ReadAsync(db.PlannedDialogues.Where(p => p.UnitId == unit.Id && p.Year == ShownYear), cancellationToken);
        return Page();
    }

    /// <summary>Counts for the heading: planned (not taken off), held, late.</summary>
    public (int Planned, int Held, int Late) Counts => (
        Entries.Count(e => e.State != PlannedDialogueState.Cancelled),
        Entries.Count(e => e.State is PlannedDialogueState.Held or PlannedDialogueState.HeldLate),
        Entries.Count(e => e.State == PlannedDialogueState.Late));
}
