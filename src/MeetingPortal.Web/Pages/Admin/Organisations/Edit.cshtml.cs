using FluentValidation;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using MeetingPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Admin.Organisations;

/// <summary>Renames an organisation or corrects its kind; the unit it belongs to changes only through a unit merger.</summary>
public sealed class EditModel(
    MeetingPortalDbContext db, IValidator<IndexModel.OrganisationInput> validator, IStringLocalizer<SharedResource> localizer, AuditTrail audit,
    IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public IndexModel.OrganisationInput Input { get; set; } = new();

    public string UnitName { get; private set; } = string.Empty;
    public string CurrentName { get; private set; } = string.Empty;

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await FindAsync(id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }

        if (!await authorization.MayAsync(User, new UnitResource(organisation.Unit!.Path), AdministrationOperations.ManageOrganisations))
        {
            return Forbid();
        }

        Input = new IndexModel.OrganisationInput { UnitId = organisation.UnitId, Name = organisation.Name, Kind = organisation.Kind };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await FindAsync(id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }

        if (!await authorization.MayAsync(User, new UnitResource(organisation.Unit!.Path), AdministrationOperations.ManageOrganisations))
        {
            return Forbid();
        }

        // The unit is not editable here: whatever was posted, the organisation stays where it is.
        Input.UnitId = organisation.UnitId;
        Input.Name = TextNormalizer.Clean(Input.Name);
        (await validator.ValidateAsync(Input, cancellationToken)).AddTo(ModelState, nameof(Input));
        if (ModelState.IsValid && await db.Organisations.AnyAsync(o => o.Id != id && o.UnitId == organisation.UnitId && o.Name == Input.Name, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(IndexModel.OrganisationInput.Name)}", localizer["Organisations.NameTaken"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var changes = AuditTrail.Diff(("Name", organisation.Name, Input.Name), ("Kind", organisation.Kind.ToString(), Input.Kind!.Value.ToString()));
        if (changes.Count > 0)
        {
            organisation.Name = Input.Name;
            organisation.Kind = Input.Kind.Value;
            audit.Record(nameof(Organisation), organisation.Id, HistoryAction.Updated, organisation.Name, organisation.UnitId, changes);
            await db.SaveChangesAsync(cancellationToken);
        }

        Status = localizer["Organisations.Saved", organisation.Name];
        return RedirectToPage("/Admin/Organisations/Index", new { unit = organisation.UnitId });
    }

    /// <summary>Only organisations of the user's units exist for them: another unit's id answers 404.</summary>
    private async Task<Organisation?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.InScope(User.GetScopeOrNone()).Include(o => o.Unit).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        UnitName = organisation?.Unit?.Name ?? string.Empty;
        CurrentName = organisation?.Name ?? string.Empty;
        return organisation;
    }
}
