using MeetingPortal.Application.Administration;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MeetingPortal.Web.Pages.Admin.Organisations.Groups;

/// <summary>
/// The groups of bodies of the administrator's units (ADR 0020), by unit, with their known members and uses; each is
/// renamed, given its members or deleted on its own page. Groups are made by the meeting form and by import.
/// </summary>
[Authorize(Policy = Policies.Administration)]
public sealed class IndexModel(MeetingPortalDbContext db, BodyGroupAdministration groups) : PageModel
{
    public const int Shown = 500;

    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    public IReadOnlyList<BodyGroupAdministration.Row> Items { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<(int Id, string Label)> UnitChoices { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = User.GetScopeOrNone();
        UnitChoices = await UnitOptions.InScopeAsync(db, scope, cancellationToken);
        var within = Unit is { } unitId ? await UnitOptions.SubtreeInScopeAsync(db, scope, unitId, cancellationToken) ?? new UnitScope(0, "/none/") : scope;
        (Total, Items) = await groups.ListAsync(within, Shown, cancellationToken);
        return Page();
    }
}
