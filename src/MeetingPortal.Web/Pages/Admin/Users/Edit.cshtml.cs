using FluentValidation;
using MeetingPortal.Domain.History;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using MeetingPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Admin.Users;

/// <summary>One account: its unit, body and roles; deactivation; a forced password reset.</summary>
public sealed class EditModel(
    MeetingPortalDbContext db,
    UserManager<ApplicationUser> userManager,
    IAuthorizationService authorization,
    IValidator<AccountInput> validator,
    AccountChoices choices,
    IStringLocalizer<SharedResource> localizer,
    AuditTrail audit,
    ILogger<EditModel> logger) : PageModel
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

        Input = new AccountInput
        {
            FullName = Account!.FullName,
            Email = Account.Email,
            UnitId = Account.UnitId,
            OrganisationId = Account.OrganisationId,
            Roles = CurrentRoles.ToList(),
        };
        return await FormAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var account = Account!;
        Input.Normalise();
        (await validator.ValidateAsync(Input, cancellationToken)).AddTo(ModelState, nameof(Input));
        await choices.CheckAsync(User, Input, nameof(Input), ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await FormAsync(cancellationToken);
        }

        var organisationId = Input.Roles.Contains(Roles.Responder) ? Input.OrganisationId : null;
        var newUnitName = Input.UnitId == account.UnitId ? UnitName
            : await db.Units.Where(u => u.Id == Input.UnitId).Select(u => u.Name).SingleAsync(cancellationToken);
        var changes = AuditTrail.Diff(
            ("FullName", account.FullName, Input.FullName),
            ("Email", account.Email, Input.Email),
            ("Unit", UnitName, newUnitName),
            ("OrganisationId", account.OrganisationId?.ToString(System.Globalization.CultureInfo.InvariantCulture), organisationId?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Roles", string.Join(", ", CurrentRoles), string.Join(", ", Input.Roles.Order(StringComparer.Ordinal))));
        if (changes.Count == 0)
        {
            Status = localizer["Users.Saved", account.UserName!];
            return RedirectToPage("/Admin/Users/Index");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var accessChanged = account.UnitId != Input.UnitId || !CurrentRoles.SequenceEqual(Input.Roles.Order(StringComparer.Ordinal));
        account.FullName = Input.FullName;
        account.Email = Input.Email;
        account.UnitId = Input.UnitId!.Value;
        account.OrganisationId = organisationId;
        var result = await userManager.UpdateAsync(account);
        if (result.Succeeded && CurrentRoles.Except(Input.Roles).ToList() is { Count: > 0 } removed)
        {
            result = await userManager.RemoveFromRolesAsync(account, removed);
        }

        if (result.Succeeded && Input.Roles.Except(CurrentRoles).ToList() is { Count: > 0 } added)
        {
            result = await userManager.AddToRolesAsync(account, added);
        }

        // The sign-in cookie carries unit and roles: a new stamp makes the user sign in again with the new ones.
        if (result.Succeeded && accessChanged)
        {
            result = await userManager.UpdateSecurityStampAsync(account);
        }

        if (!result.Succeeded)
        {
            logger.LogWarning("Saving account {UserId} was refused: {Errors}", account.Id, string.Join(", ", result.Errors.Select(e => e.Code)));
            ModelState.AddModelError(string.Empty, localizer["Users.SaveRefused"]);
            return await FormAsync(cancellationToken);
        }

        audit.Record("User", 0, HistoryAction.Updated, account.UserName!, account.UnitId, changes);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Status = localizer["Users.Saved", account.UserName!];
        return RedirectToPage("/Admin/Users/Index");
    }

    public Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, false, cancellationToken);

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

    public Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, true, cancellationToken);

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var account = Account!;
        FillInputFromAccount();
        var password = Security.TemporaryPassword.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        account.MustChangePassword = true;
        // A reset also ends a lockout and signs the user out everywhere (the stamp changes).
        var result = await userManager.ResetPasswordAsync(account, await userManager.GeneratePasswordResetTokenAsync(account), password);
        if (result.Succeeded)
        {
            result = await userManager.SetLockoutEndDateAsync(account, null);
        }

        if (result.Succeeded)
        {
            result = await userManager.ResetAccessFailedCountAsync(account);
        }

        if (!result.Succeeded)
        {
            logger.LogWarning("Resetting the password of {UserId} was refused: {Errors}", account.Id, string.Join(", ", result.Errors.Select(e => e.Code)));
            ModelState.AddModelError(string.Empty, localizer["Users.SaveRefused"]);
            return await FormAsync(cancellationToken);
        }

        audit.Record("User", 0, HistoryAction.PasswordReset, account.UserName!, account.UnitId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Password of {UserId} reset by an administrator", account.Id);
        TemporaryPassword = password;
        return await FormAsync(cancellationToken);
    }

    private async Task<IActionResult> SetActiveAsync(string id, bool active, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var account = Account!;
        if (account.IsActive != active)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            account.IsActive = active;
            // Deactivation takes effect on open sessions too: their stamp no longer matches.
            var result = await userManager.UpdateSecurityStampAsync(account);
            if (result.Succeeded && active)
            {
                result = await userManager.SetLockoutEndDateAsync(account, null);
            }

            if (!result.Succeeded)
            {
                FillInputFromAccount();
                ModelState.AddModelError(string.Empty, localizer["Users.SaveRefused"]);
                return await FormAsync(cancellationToken);
            }

            audit.Record("User", 0, active ? HistoryAction.Reactivated : HistoryAction.Deactivated, account.UserName!, account.UnitId);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        Status = localizer[active ? "Users.ReactivatedStatus" : "Users.DeactivatedStatus", account.UserName!];
        return RedirectToPage("/Admin/Users/Edit", new { id });
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
        // The tracked account, loaded once: the UserManager calls below share this context.
        Account = await db.Users.InScope(User.GetScopeOrNone()).Include(u => u.Unit).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (Account is null)
        {
            return NotFound();
        }

        CurrentRoles = (await userManager.GetRolesAsync(Account)).Order(StringComparer.Ordinal).ToList();
        UnitName = Account.Unit!.Name;
        return await authorization.MayAsync(User, new AccountResource(Account.Id, Account.Unit.Path, CurrentRoles.Contains(Roles.Administrator)), AdministrationOperations.ManageAccount)
            ? null
            : Forbid();
    }

    /// <summary>The choices are read only when the form is shown, not on posts that redirect.</summary>
    private async Task<IActionResult> FormAsync(CancellationToken cancellationToken)
    {
        await choices.LoadAsync(User, Input, cancellationToken);
        return Page();
    }
}
