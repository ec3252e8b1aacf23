using MeetingPortal.Application.Administration;
using MeetingPortal.Application.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Admin.Organisations;

/// <summary>Renames an organisation or corrects its kind (<see cref="ChangeOrganisations"/>); its unit changes only through a unit merger.</summary>
public sealed class EditModel(ChangeOrganisations changeOrganisations, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public string UnitName { get; private set; } = string.Empty;
    public string CurrentName { get; private set; } = string.Empty;

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var typed = Input;
        // A day that is not one ("abc") must not become "from today": the binder's message stands beside the field.
        var result = ModelState.IsValid ? await changeOrganisations.EditAsync(User, id, typed, cancellationToken) : UseCaseResult.Done();
        if (result.Succeeded && ModelState.IsValid)
        {
            Status = localizer["Organisations.Saved", typed.Name];
            return RedirectToPage("/Admin/Organisations/Index", new { unit = typed.UnitId });
        }

        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Input = typed;
        result.AddTo(ModelState, nameof(Input));
        return Page();
    }

    /// <summary>404 for an organisation outside the user's units, 403 for one they may not change.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (organisation, refusal) = await changeOrganisations.LoadManagedAsync(User, id, cancellationToken);
        if (organisation is null)
        {
            return this.RefusalFor(refusal!);
        }

        UnitName = organisation.Unit!.Name;
        CurrentName = organisation.Name;
        Input = new OrganisationInput { UnitId = organisation.UnitId, Name = organisation.Name, Kind = organisation.Kind };
        return null;
    }
}
