using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Application.Units;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace MeetingPortal.Application.Administration;

/// <summary>What an administrator sets on an account: name, e-mail, unit, answering body (for a Responder) and roles.</summary>
public sealed class AccountInput
{
    [Display(Name = "Users.FullName")]
    public string FullName { get; set; } = string.Empty;

    [Display(Name = "Users.Email")]
    public string? Email { get; set; }

    [Display(Name = "Meetings.Unit")]
    public int? UnitId { get; set; }

    [Display(Name = "Users.Organisation")]
    public int? OrganisationId { get; set; }

    [Display(Name = "Users.Roles")]
    public List<string> Roles { get; set; } = [];

    /// <summary>Trims what was typed; an empty e-mail is none; each role once.</summary>
    public void Normalise()
    {
        FullName = TextNormalizer.Clean(FullName);
        Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        Roles = Roles.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal).ToList();
    }
}

/// <summary>A new account: its sign-in name (lower case, kept as typed otherwise) and what <see cref="AccountInput"/> sets.</summary>
public sealed class NewAccountInput
{
    [Display(Name = "Users.UserName")]
    public string UserName { get; set; } = string.Empty;

    public AccountInput Account { get; set; } = new();
}

/// <summary>
/// The outcome of an account change: the use case's result, the account's id, and the one-time password to hand
/// over (only after creating an account or resetting its password; shown once, never stored in plain text), and
/// its sign-in name for the confirmation.
/// </summary>
public sealed record AccountChangeResult(UseCaseResult Result, string? AccountId = null, string? TemporaryPassword = null, string? UserName = null);

/// <summary>An account as its administrator sees it: tracked, with its unit and its current roles (sorted).</summary>
public sealed record ManagedAccount(ApplicationUser Account, IReadOnlyList<string> Roles);

/// <summary>
/// Administrators keep the accounts of their unit tree: they create one with a one-time password the user must
/// replace at first sign-in (nothing is e-mailed), change its unit, body and roles, deactivate or reactivate it, and
/// reset its password. <see cref="AccountAdministrationHandler"/> says whose accounts (404 outside the tree, 403 for
/// the administrators of one's own unit and one's own account); Administrator is granted as
/// <see cref="AdministrationOperations.GrantAdministrator"/> allows. A change of unit or roles, a deactivation and a
/// reset end the account's open sessions (new security stamp). Each change is audited.
/// </summary>
public sealed class ChangeAccounts(
    MeetingPortalDbContext db,
    UserManager<ApplicationUser> userManager,
    IAuthorizationService authorization,
    AuditTrail audit,
    SignInSessions sessions,
    IValidator<NewAccountInput> newValidator,
    IValidator<AccountInput> validator,
    IStringLocalizer<SharedResource> localizer,
    ILogger<ChangeAccounts> logger)
{
    /// <summary>Creates the account; its id and the one-time password come back when done.</summary>
    public async Task<AccountChangeResult> CreateAsync(ClaimsPrincipal user, NewAccountInput input, CancellationToken cancellationToken)
    {
        // The role first (403): may this user manage an ordinary account of their own unit at all.
        if (!await authorization.MayAsync(user, new AccountResource(string.Empty, user.GetScopeOrNone().Path, IsAdministrator: false), AdministrationOperations.ManageAccount))
        {
            return new AccountChangeResult(UseCaseResult.Forbidden);
        }

        // Model binding turns an empty field into null.
        input.UserName = (input.UserName ?? string.Empty).Trim().ToLowerInvariant();
        input.Account.Normalise();
        var errors = (await newValidator.ValidateAsync(input, cancellationToken)).ToErrors();
        var unitPath = await CheckChoicesAsync(user, input.Account, $"{nameof(NewAccountInput.Account)}.", errors, cancellationToken);
        if (errors.Count == 0 && await userManager.FindByNameAsync(input.UserName) is not null)
        {
            errors.Add(new UseCaseError(nameof(NewAccountInput.UserName), localizer["Users.UserNameTaken"]));
        }

        if (errors.Count > 0 || unitPath is null)
        {
            return new AccountChangeResult(UseCaseResult.Invalid(errors));
        }

        var account = new ApplicationUser
        {
            UserName = input.UserName,
            FullName = input.Account.FullName,
            Email = input.Account.Email,
            UnitId = input.Account.UnitId!.Value,
            OrganisationId = Roles.NeedOrganisation(input.Account.Roles) ? input.Account.OrganisationId : null,
            MustChangePassword = true,
        };
        var password = TemporaryPassword.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await userManager.CreateAsync(account, password);
        if (created.Succeeded)
        {
            created = await userManager.AddToRolesAsync(account, input.Account.Roles);
        }

        if (!created.Succeeded)
        {
            // Identity's own checks (e.g. characters it refuses in user names) answer beside the field, in Vietnamese.
            logger.LogWarning("Creating account {UserName} was refused: {Errors}", input.UserName, string.Join(", ", created.Errors.Select(e => e.Code)));
            await transaction.RollbackAsync(cancellationToken);
            return new AccountChangeResult(UseCaseResult.Invalid(nameof(NewAccountInput.UserName), localizer["Users.CreateRefused"]));
        }

        audit.Record("User", 0, HistoryAction.Created, $"{account.UserName} ({account.FullName}): {string.Join(", ", input.Account.Roles.Select(r => localizer["Role." + r].Value))}", account.UnitId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Account {UserId} created in unit {UnitId}", account.Id, account.UnitId);
        return new AccountChangeResult(UseCaseResult.Done(), account.Id, password, account.UserName);
    }

    /// <summary>Saves name, e-mail, unit, body and roles of account <paramref name="accountId"/>.</summary>
    public async Task<AccountChangeResult> SaveAsync(ClaimsPrincipal user, string accountId, AccountInput input, CancellationToken cancellationToken)
    {
        var (managed, refusal) = await LoadManagedAsync(user, accountId, cancellationToken);
        if (managed is null)
        {
            return new AccountChangeResult(refusal!);
        }

        var (account, currentRoles) = managed;
        input.Normalise();
        var errors = (await validator.ValidateAsync(input, cancellationToken)).ToErrors();
        await CheckChoicesAsync(user, input, string.Empty, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return new AccountChangeResult(UseCaseResult.Invalid(errors));
        }

        var organisationId = Roles.NeedOrganisation(input.Roles) ? input.OrganisationId : null;
        var unitName = account.Unit!.Name;
        var newUnitName = input.UnitId == account.UnitId ? unitName
            : await db.Units.Where(u => u.Id == input.UnitId).Select(u => u.Name).SingleAsync(cancellationToken);
        var roles = input.Roles.Order(StringComparer.Ordinal).ToList();
        var changes = AuditTrail.Diff(
            ("FullName", account.FullName, input.FullName),
            ("Email", account.Email, input.Email),
            ("Unit", unitName, newUnitName),
            ("OrganisationId", account.OrganisationId?.ToString(CultureInfo.InvariantCulture), organisationId?.ToString(CultureInfo.InvariantCulture)),
            ("Roles", string.Join(", ", currentRoles), string.Join(", ", roles)));
        if (changes.Count == 0)
        {
            return new AccountChangeResult(UseCaseResult.Done(), account.Id, null, account.UserName);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var accessChanged = account.UnitId != input.UnitId || !currentRoles.SequenceEqual(roles);
        account.FullName = input.FullName;
        account.Email = input.Email;
        account.UnitId = input.UnitId!.Value;
        account.OrganisationId = organisationId;
        var result = await userManager.UpdateAsync(account);
        if (result.Succeeded && currentRoles.Except(roles).ToList() is { Count: > 0 } removed)
        {
            result = await userManager.RemoveFromRolesAsync(account, removed);
        }

        if (result.Succeeded && roles.Except(currentRoles).ToList() is { Count: > 0 } added)
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
            await transaction.RollbackAsync(cancellationToken);
            return new AccountChangeResult(UseCaseResult.Invalid(string.Empty, localizer["Users.SaveRefused"]));
        }

        audit.Record("User", 0, HistoryAction.Updated, account.UserName!, account.UnitId, changes);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AccountChangeResult(UseCaseResult.Done(), account.Id, null, account.UserName);
    }

    /// <summary>Deactivates (<paramref name="active"/> false) or reactivates account <paramref name="accountId"/>; deactivation ends its open sessions.</summary>
    public async Task<AccountChangeResult> SetActiveAsync(ClaimsPrincipal user, string accountId, bool active, CancellationToken cancellationToken)
    {
        var (managed, refusal) = await LoadManagedAsync(user, accountId, cancellationToken);
        if (managed is null)
        {
            return new AccountChangeResult(refusal!);
        }

        var account = managed.Account;
        if (account.IsActive == active)
        {
            return new AccountChangeResult(UseCaseResult.Done(), account.Id, null, account.UserName);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        account.IsActive = active;
        // Deactivation takes effect on open sessions too: they end now, and a stamp that no longer matches ends any other.
        var result = await userManager.UpdateSecurityStampAsync(account);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new AccountChangeResult(UseCaseResult.Invalid(string.Empty, localizer["Users.SaveRefused"]));
        }

        if (!active)
        {
            await sessions.EndAllAsync(account.Id, cancellationToken);
        }

        audit.Record("User", 0, active ? HistoryAction.Reactivated : HistoryAction.Deactivated, account.UserName!, account.UnitId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AccountChangeResult(UseCaseResult.Done(), account.Id, null, account.UserName);
    }

    /// <summary>Gives account <paramref name="accountId"/> a new one-time password and ends the user's sessions everywhere.</summary>
    public async Task<AccountChangeResult> ResetPasswordAsync(ClaimsPrincipal user, string accountId, CancellationToken cancellationToken)
    {
        var (managed, refusal) = await LoadManagedAsync(user, accountId, cancellationToken);
        if (managed is null)
        {
            return new AccountChangeResult(refusal!);
        }

        var account = managed.Account;
        var password = TemporaryPassword.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        account.MustChangePassword = true;
        var result = await userManager.ResetPasswordAsync(account, await userManager.GeneratePasswordResetTokenAsync(account), password);
        if (!result.Succeeded)
        {
            logger.LogWarning("Resetting the password of {UserId} was refused: {Errors}", account.Id, string.Join(", ", result.Errors.Select(e => e.Code)));
            await transaction.RollbackAsync(cancellationToken);
            return new AccountChangeResult(UseCaseResult.Invalid(string.Empty, localizer["Users.SaveRefused"]));
        }

        await sessions.EndAllAsync(account.Id, cancellationToken);
        audit.Record("User", 0, HistoryAction.PasswordReset, account.UserName!, account.UnitId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Password of {UserId} reset by an administrator", account.Id);
        return new AccountChangeResult(UseCaseResult.Done(), account.Id, password, account.UserName);
    }

    /// <summary>
    /// The tracked account with its unit and roles when <paramref name="user"/> may manage it: 404 outside their tree,
    /// 403 otherwise (see <see cref="AccountAdministrationHandler"/>). The UserManager calls share this tracked row.
    /// </summary>
    public async Task<(ManagedAccount? Account, UseCaseResult? Refusal)> LoadManagedAsync(ClaimsPrincipal user, string accountId, CancellationToken cancellationToken)
    {
        var account = await db.Users.InScope(user.GetScopeOrNone()).Include(u => u.Unit).SingleOrDefaultAsync(u => u.Id == accountId, cancellationToken);
        if (account is null)
        {
            return (null, UseCaseResult.NotFound);
        }

        var roles = (await userManager.GetRolesAsync(account)).Order(StringComparer.Ordinal).ToList();
        var access = await authorization.CheckAsync(user, new AccountResource(account.Id, account.Unit!.Path, roles.Contains(Roles.Administrator)), AdministrationOperations.ManageAccount);
        return access == Access.Allowed ? (new ManagedAccount(account, roles), null) : (null, UseCaseResult.Refused(access));
    }

    /// <summary>
    /// The checks that need the database: the unit (still taking records) and the body must be in the
    /// administrator's tree, and Administrator only where they may grant it. Adds messages under
    /// <paramref name="prefix"/>; returns the chosen unit's path.
    /// </summary>
    private async Task<string?> CheckChoicesAsync(ClaimsPrincipal user, AccountInput input, string prefix, List<UseCaseError> errors, CancellationToken cancellationToken)
    {
        var scope = user.GetScopeOrNone();
        var unitPath = input.UnitId is { } unitId
            ? await UnitOptions.PathTakingRecordsAsync(db, scope, unitId, cancellationToken)
            : null;
        if (input.UnitId is not null && unitPath is null)
        {
            errors.Add(new UseCaseError(prefix + nameof(AccountInput.UnitId), localizer["Admin.UnitOutOfScope"]));
        }

        if (input.OrganisationId is { } organisationId && !await db.Organisations.InScope(scope).AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            errors.Add(new UseCaseError(prefix + nameof(AccountInput.OrganisationId), localizer["Users.OrganisationOutOfScope"]));
        }

        if (unitPath is not null && input.Roles.Contains(Roles.Administrator)
            && !await authorization.MayAsync(user, new UnitResource(unitPath), AdministrationOperations.GrantAdministrator))
        {
            errors.Add(new UseCaseError(prefix + nameof(AccountInput.Roles), localizer["Users.CannotGrantAdministrator"]));
        }

        return unitPath;
    }

    /// <summary>A name, an optional e-mail, a unit, at least one known role, a body for a Responder or a Raiser, and a Raiser's role alone (ADR 0026).</summary>
    public sealed class AccountValidator : AbstractValidator<AccountInput>
    {
        public AccountValidator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.FullName).NotEmpty().MaximumLength(ApplicationUser.FullNameMaxLength).WithName(_ => localizer["Users.FullName"]);
            RuleFor(x => x.Email).MaximumLength(256).EmailAddress().WithName(_ => localizer["Users.Email"]);
            RuleFor(x => x.UnitId).NotNull().WithName(_ => localizer["Meetings.Unit"]);
            RuleFor(x => x.Roles).NotEmpty().WithMessage(_ => localizer["Users.RoleRequired"]);
            RuleForEach(x => x.Roles).Must(r => Roles.All.Contains(r)).WithMessage(_ => localizer["Users.UnknownRole"]);
            RuleFor(x => x.OrganisationId).NotNull().When(x => x.Roles.Contains(Roles.Responder))
                .WithMessage(_ => localizer["Users.ResponderNeedsOrganisation"]);
            RuleFor(x => x.OrganisationId).NotNull().When(x => x.Roles.Contains(Roles.Raiser) && !x.Roles.Contains(Roles.Responder))
                .WithMessage(_ => localizer["Users.RaiserNeedsOrganisation"]);
            // The raising side reaches only what its body raised: an account that also held a staff role would see the unit's records (ADR 0026).
            RuleFor(x => x.Roles).Must(r => !r.Contains(Roles.Raiser) || r.Count == 1).When(x => x.Roles.Count > 0)
                .WithMessage(_ => localizer["Users.RaiserAlone"]);
        }
    }

    /// <summary>A sign-in name of 3 to 64 lower-case letters, digits, dots, hyphens or underscores, and the account's fields.</summary>
    public sealed class NewAccountValidator : AbstractValidator<NewAccountInput>
    {
        public NewAccountValidator(IStringLocalizer<SharedResource> localizer, IValidator<AccountInput> account)
        {
            RuleFor(x => x.UserName).NotEmpty().MaximumLength(64).WithName(_ => localizer["Users.UserName"]);
            RuleFor(x => x.UserName).Matches("^[a-z0-9][a-z0-9._-]{2,63}$").When(x => !string.IsNullOrEmpty(x.UserName)).WithMessage(_ => localizer["Users.UserNameFormat"]);
            RuleFor(x => x.Account).SetValidator(account);
        }
    }
}

/// <summary>The choices of the account form: the units in the administrator's scope and the answering bodies around the chosen unit.</summary>
public sealed class AccountChoices(MeetingPortalDbContext db)
{
    public IReadOnlyList<(int Id, string Label)> Units { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> Organisations { get; private set; } = [];

    /// <summary>
    /// The units in scope and, as answering bodies, those around the account's unit
    /// (<see cref="UnitOptions.BodiesAround"/>). The form's "show bodies" button reloads them for another
    /// unit without saving.
    /// </summary>
    public async Task LoadAsync(ClaimsPrincipal user, AccountInput input, CancellationToken cancellationToken)
    {
        var scope = user.GetScopeOrNone();
        Units = await UnitOptions.InScopeAsync(db, scope, cancellationToken);
        Organisations = (await UnitOptions.BodiesAround(db, scope, Units, input.UnitId, input.OrganisationId)
                .OrderBy(o => o.Unit!.Path).ThenBy(o => EF.Functions.Collate(o.Name, VietnameseOrder.CollationName)).ThenBy(o => o.Id)
                .Select(o => new { o.Id, o.Name, Unit = o.Unit!.Name }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, $"{o.Name} ({o.Unit})")).ToList();
    }
}
