using MeetingPortal.Application.Administration;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Admin.Organisations;

/// <summary>The bodies of the administrator's units: listed by unit and added here (<see cref="ChangeOrganisations"/>); each is changed on its own page.</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class IndexModel(MeetingPortalDbContext db, ChangeOrganisations changeOrganisations, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int Shown = 500;

    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<(int Id, string Label)> UnitChoices { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await changeOrganisations.AddAsync(User, Input, cancellationToken);
        return await this.AnswerAsync(result, nameof(Input),
            () =>
            {
                Status = localizer["Organisations.Added", Input.Name];
                return RedirectToPage(new { unit = Input.UnitId });
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
        UnitChoices = await UnitOptions.InScopeAsync(db, scope, cancellationToken);
        var within = Unit is { } unitId ? await UnitOptions.SubtreeInScopeAsync(db, scope, unitId, cancellationToken) ?? new UnitScope(0, "/none/") : scope;
        var query = db.Organisations.AsNoTracking().InScope(within);
        Total = await query.CountAsync(cancellationToken);
        Items = await query.OrderBy(o => o.Unit!.Path)
            .ThenBy(o => EF.Functions.Collate(o.Name, VietnameseOrder.CollationName)).ThenBy(o => o.Id).Take(Shown)
            .Select(o => new Row(o.Id, o.Name, o.Kind, o.Unit!.Name))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(int Id, string Name, OrganisationKind Kind, string UnitName);
}
