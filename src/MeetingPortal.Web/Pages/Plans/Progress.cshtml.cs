using System.ComponentModel.DataAnnotations;
using MeetingPortal.Application.Plans;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MeetingPortal.Web.Pages.Plans;

/// <summary>
/// Planned against held for a unit's scope and a year (issue 18, deliver 1): the unit's own plan, each unit below it
/// with its subtree, per quarter, and who is late. A unit out of scope answers 404.
/// </summary>
public sealed class ProgressModel(MeetingPortalDbContext db, CalendarService calendar, PlanProgressQuery query) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Plans.Unit")]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Plans.Year")]
    public int? Year { get; set; }

    public PlanProgress View { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Label)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = User.GetScopeOrNone();
        var year = Year is { } y && ReviewPeriod.IsValidYear(y) ? y : calendar.Today.Year;
        var view = await query.RunAsync(scope, UnitId, year, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        Units = await UnitOptions.InScopeAsync(db, scope, cancellationToken);
        return Page();
    }
}
