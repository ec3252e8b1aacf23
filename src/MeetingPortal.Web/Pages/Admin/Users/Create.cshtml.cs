using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MeetingPortal.Domain.History;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Admin.Users;

/// <summary>
/// Creates an account with a one-time password shown once to the administrator; the user must
/// choose their own at first sign-in. Nothing is e-mailed: the administrator hands it over.
/// </summary>
[Authorize(Policy = Policies.Administration)]
public sealed class CreateModel(
    MeetingPortalDbContext db,
    UserManager<ApplicationUser> userManager,
    IValidator<CreateModel.NewAccountInput> validator,
    AccountChoices choices,
    IStringLocalizer<SharedResource> localizer,
    AuditTrail audit,
    ILogger<CreateModel> logger) : PageModel
{
    [BindProperty]
    public NewAccountInput Input { get; set; } = new();

    public AccountChoices Choices => choices;

    /// <summary>Shown once, on the answer to the post that created the account; never stored in plain text.</summary>
    public string? TemporaryPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? unit, CancellationToken cancellationToken)
    {
        Input.Account.UnitId = unit;
        await choices.LoadAsync(User, Input.Account, cancellationToken);
        return Page();
    }

    /// <summary>Shows the answering bodies of the unit now chosen; nothing is checked or saved, nothing typed is lost.</summary>
    public async Task<IActionResult> OnPostBodiesAsync(CancellationToken cancellationToken)
    {
        Input.UserName = (Input.UserName ?? string.Empty).Trim();
        Input.Account.Normalise();
        ModelState.Clear();
        await choices.LoadAsync(User, Input.Account, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Model binding turns an empty field into null.
        Input.UserName = (Input.UserName ?? string.Empty).Trim().ToLowerInvariant();
        Input.Account.Normalise();
        (await validator.ValidateAsync(Input, cancellationToken)).AddTo(ModelState, nameof(Input));
        var unitPath = await choices.CheckAsync(User, Input.Account, $"{nameof(Input)}.{nameof(NewAccountInput.Account)}", ModelState, cancellationToken);
        if (ModelState.IsValid && await userManager.FindByNameAsync(Input.UserName) is not null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(NewAccountInput.UserName)}", localizer["Users.UserNameTaken"]);
        }

        if (!ModelState.IsValid || unitPath is null)
        {
            await choices.LoadAsync(User, Input.Account, cancellationToken);
            return Page();
        }

        var account = new ApplicationUser
        {
            UserName = Input.UserName,
            FullName = Input.Account.FullName,
            Email = Input.Account.Email,
            UnitId = Input.Account.UnitId!.Value,
            OrganisationId = Input.Account.Roles.Contains(Roles.Responder) ? Input.Account.OrganisationId : null,
            MustChangePassword = true,
        };
        var password = Security.TemporaryPassword.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await userManager.CreateAsync(account, password);
        if (created.Succeeded)
        {
            created = await userManager.AddToRolesAsync(account, Input.Account.Roles);
        }

        if (!created.Succeeded)
        {
            // Identity's own checks (e.g. characters it refuses in user names) answer beside the field, in Vietnamese.
            logger.LogWarning("Creating account {UserName} was refused: {Errors}", Input.UserName, string.Join(", ", created.Errors.Select(e => e.Code)));
            ModelState.AddModelError($"{nameof(Input)}.{nameof(NewAccountInput.UserName)}", localizer["Users.CreateRefused"]);
            await choices.LoadAsync(User, Input.Account, cancellationToken);
            return Page();
        }

        audit.Record("User", 0, HistoryAction.Created, $"{account.UserName} ({account.FullName}): {string.Join(", ", Input.Account.Roles)}", account.UnitId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Account {UserId} created in unit {UnitId}", account.Id, account.UnitId);
        TemporaryPassword = password;
        CreatedId = account.Id;
        return Page();
    }

    public string? CreatedId { get; private set; }

    public sealed class NewAccountInput
    {
        [Display(Name = "Users.UserName")]
        public string UserName { get; set; } = string.Empty;

        public AccountInput Account { get; set; } = new();
    }

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
