using MeetingPortal.Application.Administration;
using MeetingPortal.Application.Common;
using MeetingPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Admin.Users;

/// <summary>One account: its unit, body and roles; deactivation; a forced password reset (<see cref="ChangeAccounts"/>).</summary>
public sealed class EditModel(ChangeAccounts changeAccounts, AccountChoices choices, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public AccountChoices Choices => choices;
    public ApplicationUser? Account { get; private set; }
    public string UnitName { get; private set; } = string.Empty;
    public IReadOnlyList<string> CurrentRoles { get; private set; } = [];

    /// <summary>Shown once after a reset; the user must replace it at their next sign-in.</summary>
    public string? TemporaryPassword { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        FillInputFromAccount();
        return await FormAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(string id, CancellationToken cancellationToken)
    {
        var saved = await changeAccounts.SaveAsync(User, id, Input, cancellationToken);
        if (saved.Result.Succeeded)
        {
            Status = localizer["Users.Saved", saved.UserName!];
            return RedirectToPage("/Admin/Users/Index");
        }

        return await ShowAsync(id, saved.Result, keepTyped: true, cancellationToken);
    }

    public Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, false, cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, true, cancellationToken);

    /// <summary>Shows the answering bodies of the unit now chosen; nothing is checked or saved, nothing typed is lost.</summary>
    public async Task<IActionResult> OnPostBodiesAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Input.Normalise();
        ModelState.Clear();
        return await FormAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken cancellationToken)
    {
        var reset = await changeAccounts.ResetPasswordAsync(User, id, cancellationToken);
        TemporaryPassword = reset.TemporaryPassword;
        return await ShowAsync(id, reset.Result, keepTyped: false, cancellationToken);
    }

    private async Task<IActionResult> SetActiveAsync(string id, bool active, CancellationToken cancellationToken)
    {
        var changed = await changeAccounts.SetActiveAsync(User, id, active, cancellationToken);
        if (changed.Result.Succeeded)
        {
            Status = localizer[active ? "Users.ReactivatedStatus" : "Users.DeactivatedStatus", changed.UserName!];
            return RedirectToPage("/Admin/Users/Edit", new { id });
        }

        return await ShowAsync(id, changed.Result, keepTyped: false, cancellationToken);
    }

    /// <summary>The page again after a use case: 404/403 as it answered, otherwise the account with its messages.</summary>
    private async Task<IActionResult> ShowAsync(string id, UseCaseResult result, bool keepTyped, CancellationToken cancellationToken)
    {
        if ((this.RefusalFor(result) ?? await LoadAsync(id, cancellationToken)) is { } refusal)
        {
            return refusal;
        }

        if (!keepTyped)
        {
            FillInputFromAccount();
        }

        result.AddTo(ModelState, nameof(Input));
        return await FormAsync(cancellationToken);
    }

    private void FillInputFromAccount() => Input = new AccountInput
    {
        FullName = Account!.FullName,
        Email = Account.Email,
        UnitId = Account.UnitId,
        OrganisationId = Account.OrganisationId,
        Roles = CurrentRoles.ToList(),
    };

    /// <summary>404 for an account outside the user's scope; 403 for one they may not manage.</summary>
    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var (managed, refusal) = await changeAccounts.LoadManagedAsync(User, id, cancellationToken);
        if (managed is null)
        {
            return this.RefusalFor(refusal!);
        }

        (Account, CurrentRoles) = managed;
        UnitName = Account.Unit!.Name;
        return null;
    }

    /// <summary>The choices are read only when the form is shown, not on posts that redirect.</summary>
    private async Task<IActionResult> FormAsync(CancellationToken cancellationToken)
    {
        await choices.LoadAsync(User, Input, cancellationToken);
        return Page();
    }
}
