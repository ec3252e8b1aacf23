using MeetingPortal.Application.Administration;
using MeetingPortal.Domain.Common;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Admin.Units;

/// <summary>
/// Applies a reorganisation decision (<see cref="ChangeUnits.ReorganiseAsync"/>): a form of rows for units merged and
/// moved, the level retired and organisations placed under the Front, with the legal basis and effective day.
/// </summary>
[Authorize(Policy = Policies.Administration)]
public sealed class ReorganiseModel(MeetingPortalDbContext db, ChangeUnits changeUnits, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Rows offered per kind of change; empty rows are ignored.</summary>
    public const int Rows = 6;

    [BindProperty]
    public ReorganisationInput Input { get; set; } = new();

    /// <summary>Today's units in the administrator's scope, as a tree.</summary>
    public IReadOnlyList<(int Id, string Label)> Units { get; private set; } = [];

    /// <summary>The levels that may be retired.</summary>
    public IReadOnlyList<(int Id, string Name)> Levels { get; private set; } = [];

    /// <summary>Today's organisations in scope, labelled with their unit.</summary>
    public IReadOnlyList<(int Id, string Label)> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await changeUnits.ReorganiseAsync(User, Input, cancellationToken);
        return await this.AnswerAsync(outcome.Result, nameof(Input),
            () =>
            {
                TempData[nameof(IndexModel.Status)] = localizer["Reorganisation.Applied", Input.LegalBasis, outcome.Merged, outcome.Moved, outcome.Retired, outcome.Placed].Value;
                return RedirectToPage("/Admin/Units/Index");
            },
            async () =>
            {
                await LoadAsync(cancellationToken);
                return Page();
            });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var scope = User.GetScopeOrNone();
        Units = await UnitOptions.InScopeAsync(db, scope, cancellationToken);
        Levels = (await db.UnitLevels.AsNoTracking().Where(l => l.Rank > 1 && l.RetiredOn == null).OrderBy(l => l.Rank).Select(l => new { l.Id, l.Name }).ToListAsync(cancellationToken))
            .Select(l => (l.Id, l.Name)).ToList();
        Organisations = (await db.Organisations.AsNoTracking().InScope(scope).Where(o => o.Unit!.MergedIntoId == null && o.Unit.RetiredOn == null)
            .OrderBy(o => o.Unit!.Path).ThenBy(o => EF.Functions.Collate(o.Name, VietnameseOrder.CollationName)).ThenBy(o => o.Id).Select(o => new { o.Id, o.Name, Unit = o.Unit!.Name }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, $"{o.Name} — {o.Unit}")).ToList();
        while (Input.Merges.Count < Rows) { Input.Merges.Add(new()); }
        while (Input.Moves.Count < Rows) { Input.Moves.Add(new()); }
        while (Input.Placements.Count < Rows) { Input.Placements.Add(new()); }
    }
}
