using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using FluentValidation;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Administration;

/// <summary>A theme's key (only when added) and name, as typed.</summary>
public sealed class ThemeInput
{
    [Display(Name = "Themes.Code")]
    public string Code { get; set; } = string.Empty;

    [Display(Name = "Themes.Name")]
    public string Name { get; set; } = string.Empty;
}

/// <summary>
/// The top unit's administrators keep the national list of recommendation themes (lĩnh vực): a theme is added
/// with a key (<see cref="Theme.IsValidCode"/>) and renamed, never removed, since recommendations keep theirs.
/// Each change is written to the audit log.
/// </summary>
public sealed class ChangeThemes(
    MeetingPortalDbContext db, IAuthorizationService authorization, AuditTrail audit, IValidator<ThemeInput> validator, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The rule set that checks the key too (adding).</summary>
    public const string AddRuleSet = "add";

    public async Task<UseCaseResult> AddAsync(ClaimsPrincipal user, ThemeInput input, CancellationToken cancellationToken)
    {
        if (!await authorization.MayAsync(user, NationalSettings.Instance, AdministrationOperations.ManageNationalSettings))
        {
            return UseCaseResult.Forbidden;
        }

        Normalise(input);
        var errors = (await validator.ValidateAsync(input, o => o.IncludeRuleSets("default", AddRuleSet), cancellationToken)).ToErrors();
        if (errors.Count == 0 && await db.Themes.AnyAsync(t => t.Code == input.Code, cancellationToken))
        {
            errors.Add(new UseCaseError(nameof(input.Code), localizer["Themes.CodeTaken"]));
        }

        if (errors.Count > 0)
        {
            return UseCaseResult.Invalid(errors);
        }

        var theme = db.Themes.Add(new Theme(input.Code, input.Name)).Entity;
        // The history row needs the new id: one transaction keeps a change from landing unrecorded.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(nameof(Theme), theme.Id, HistoryAction.Created, $"{theme.Code}: {theme.Name}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UseCaseResult.Done(theme.Id);
    }

    public async Task<UseCaseResult> RenameAsync(ClaimsPrincipal user, int themeId, ThemeInput input, CancellationToken cancellationToken)
    {
        if (!await authorization.MayAsync(user, NationalSettings.Instance, AdministrationOperations.ManageNationalSettings))
        {
            return UseCaseResult.Forbidden;
        }

        var theme = await db.Themes.SingleOrDefaultAsync(t => t.Id == themeId, cancellationToken);
        if (theme is null)
        {
            return UseCaseResult.NotFound;
        }

        Normalise(input);
        var errors = (await validator.ValidateAsync(input, cancellationToken)).ToErrors();
        if (errors.Count > 0)
        {
            return UseCaseResult.Invalid(errors);
        }

        // Saving the same name again changes nothing and writes no history, as for units and organisations.
        var changes = AuditTrail.Diff(("Name", theme.Name, input.Name));
        if (changes.Count > 0)
        {
            var before = theme.Name;
            theme.Name = input.Name;
            audit.Record(nameof(Theme), theme.Id, HistoryAction.Updated, $"{theme.Code}: {before} → {theme.Name}", changes: changes);
            await db.SaveChangesAsync(cancellationToken);
        }
        return UseCaseResult.Done(theme.Id);
    }

    private static void Normalise(ThemeInput input)
    {
        input.Code = TextNormalizer.Clean(input.Code);
        input.Name = TextNormalizer.Clean(input.Name);
    }

    /// <summary>A name within <see cref="Theme.NameMaxLength"/>; when adding, a key as <see cref="Theme.IsValidCode"/> says.</summary>
    public sealed class Validator : AbstractValidator<ThemeInput>
    {
        public Validator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(Theme.NameMaxLength).WithName(_ => localizer["Themes.Name"]);
            RuleSet(AddRuleSet, () =>
                RuleFor(x => x.Code).Must(Theme.IsValidCode)
                    .WithMessage(_ => localizer["Admin.CodeFormat"]).WithName(_ => localizer["Themes.Code"]));
        }
    }
}
