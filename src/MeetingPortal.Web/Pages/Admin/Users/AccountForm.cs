using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using FluentValidation;
using MeetingPortal.Domain.Common;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Admin.Users;

/// <summary>What an administrator sets on an account; shared by the create and edit pages.</summary>
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

    public void Normalise()
    {
        FullName = TextNormalizer.Clean(FullName);
        Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        Roles = Roles.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal).ToList();
    }
}

public sealed class AccountInputValidator : AbstractValidator<AccountInput>
{
    public AccountInputValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(x => x.FullName).NotEmpty().MaximumLength(ApplicationUser.FullNameMaxLength).WithName(_ => localizer["Users.FullName"]);
        RuleFor(x => x.Email).MaximumLength(256).EmailAddress().WithName(_ => localizer["Users.Email"]);
        RuleFor(x => x.UnitId).NotNull().WithName(_ => localizer["Meetings.Unit"]);
        RuleFor(x => x.Roles).NotEmpty().WithMessage(_ => localizer["Users.RoleRequired"]);
        RuleForEach(x => x.Roles).Must(r => Roles.All.Contains(r)).WithMessage(_ => localizer["Users.UnknownRole"]);
        RuleFor(x => x.OrganisationId).NotNull().When(x => x.Roles.Contains(Roles.Responder))
            .WithMessage(_ => localizer["Users.ResponderNeedsOrganisation"]);
    }
}

/// <summary>The checks that need the database: the unit and organisation must be the administrator's, and only some may grant Administrator.</summary>
public sealed class AccountChoices(MeetingPortalDbContext db, IStringLocalizer<SharedResource> localizer, IAuthorizationService authorization)
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
                .OrderBy(o => o.Unit!.Path).ThenBy(o => o.Name)
                .Select(o => new { o.Id, o.Name, Unit = o.Unit!.Name }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, $"{o.Name} ({o.Unit})")).ToList();
    }

    /// <summary>Adds field errors and returns the chosen unit's path when everything is allowed.</summary>
    public async Task<string?> CheckAsync(ClaimsPrincipal user, AccountInput input, string prefix, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var scope = user.GetScopeOrNone();
        var unitPath = input.UnitId is { } unitId
            ? await UnitOptions.PathTakingRecordsAsync(db, scope, unitId, cancellationToken)
            : null;
        if (input.UnitId is not null && unitPath is null)
        {
            modelState.AddModelError($"{prefix}.{nameof(AccountInput.UnitId)}", localizer["Admin.UnitOutOfScope"]);
        }

        if (input.OrganisationId is { } organisationId && !await db.Organisations.InScope(scope).AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            modelState.AddModelError($"{prefix}.{nameof(AccountInput.OrganisationId)}", localizer["Users.OrganisationOutOfScope"]);
        }

        if (unitPath is not null && input.Roles.Contains(Roles.Administrator) && !await authorization.MayAsync(user, new UnitResource(unitPath), AdministrationOperations.GrantAdministrator))
        {
            modelState.AddModelError($"{prefix}.{nameof(AccountInput.Roles)}", localizer["Users.CannotGrantAdministrator"]);
        }

        return unitPath;
    }
}
