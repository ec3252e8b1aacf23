using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using FluentValidation;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Application.Units;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Administration;

/// <summary>An organisation as typed: the unit it belongs to (only when added), its name and its kind.</summary>
public sealed class OrganisationInput
{
    [Display(Name = "Meetings.Unit")]
    public int? UnitId { get; set; }

    [Display(Name = "Organisations.Name")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "Form.OrganisationKind")]
    public OrganisationKind? Kind { get; set; }

    /// <summary>The first Vietnam day of a new name (today when empty); records of the days before keep the old one (ADR 0018).</summary>
    [Display(Name = "Units.EffectiveOn")]
    public DateOnly? EffectiveOn { get; set; }
}

/// <summary>
/// Administrators keep the organisations (Party committee, authority, Front, mass organisations) of their unit and
/// the units below it: they add one to a unit still taking records, rename one or correct its kind. Names are unique
/// within a unit. The unit an organisation belongs to changes only through a merger (<see cref="ChangeUnits"/>).
/// An organisation outside the administrator's tree does not exist for them (404). Each change is audited.
/// </summary>
public sealed class ChangeOrganisations(
    MeetingPortalDbContext db, IAuthorizationService authorization, AuditTrail audit, IValidator<OrganisationInput> validator, IStringLocalizer<SharedResource> localizer,
    TimeProvider timeProvider)
{
    /// <summary>Adds an organisation to <see cref="OrganisationInput.UnitId"/>; the result's id is the new organisation's.</summary>
    public async Task<UseCaseResult> AddAsync(ClaimsPrincipal user, OrganisationInput input, CancellationToken cancellationToken)
    {
        if (!await authorization.MayAsync(user, new UnitResource(user.GetScopeOrNone().Path), AdministrationOperations.ManageOrganisations))
        {
            return UseCaseResult.Forbidden;
        }

        input.Name = TextNormalizer.Clean(input.Name);
        var errors = (await validator.ValidateAsync(input, cancellationToken)).ToErrors();
        var unitPath = input.UnitId is { } unitId
            ? await UnitOptions.PathTakingRecordsAsync(db, user.GetScopeOrNone(), unitId, cancellationToken)
            : null;
        if (input.UnitId is not null
            && (unitPath is null || !await authorization.MayAsync(user, new UnitResource(unitPath), AdministrationOperations.ManageOrganisations)))
        {
            errors.Add(new UseCaseError(nameof(OrganisationInput.UnitId), localizer["Admin.UnitOutOfScope"]));
        }

        if (errors.Count == 0 && await db.Organisations.AnyAsync(o => o.UnitId == input.UnitId && o.Name == input.Name, cancellationToken))
        {
            errors.Add(new UseCaseError(nameof(OrganisationInput.Name), localizer["Organisations.NameTaken"]));
        }

        if (errors.Count > 0)
        {
            return UseCaseResult.Invalid(errors);
        }

        var organisation = db.Organisations.Add(new Organisation(input.UnitId!.Value, input.Name, input.Kind!.Value)).Entity;
        // The history row needs the new id: one transaction keeps a change from landing unrecorded.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(nameof(Organisation), organisation.Id, HistoryAction.Created, organisation.Name, organisation.UnitId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UseCaseResult.Done(organisation.Id);
    }

    /// <summary>
    /// Renames organisation <paramref name="organisationId"/> from <see cref="OrganisationInput.EffectiveOn"/> (today when
    /// empty; records of the days before keep the old name) or corrects its kind; a posted unit is ignored.
    /// </summary>
    public async Task<UseCaseResult> EditAsync(ClaimsPrincipal user, int organisationId, OrganisationInput input, CancellationToken cancellationToken)
    {
        var (organisation, refusal) = await LoadManagedAsync(user, organisationId, cancellationToken);
        if (organisation is null)
        {
            return refusal!;
        }

        input.UnitId = organisation.UnitId;
        input.Name = TextNormalizer.Clean(input.Name);
        var errors = (await validator.ValidateAsync(input, cancellationToken)).ToErrors();
        if (errors.Count == 0 && await db.Organisations.AnyAsync(o => o.Id != organisationId && o.UnitId == organisation.UnitId && o.Name == input.Name, cancellationToken))
        {
            errors.Add(new UseCaseError(nameof(OrganisationInput.Name), localizer["Organisations.NameTaken"]));
        }

        var today = VietnamTime.DateAt(timeProvider.GetUtcNow());
        var from = input.EffectiveOn ?? today;
        var renamed = !string.Equals(organisation.Name, input.Name, StringComparison.Ordinal);
        if (renamed && ChangeUnits.NamingDateError(organisation.Namings, from, today) is { } dateError)
        {
            errors.Add(new UseCaseError(nameof(OrganisationInput.EffectiveOn), localizer[dateError]));
        }

        if (errors.Count > 0)
        {
            return UseCaseResult.Invalid(errors);
        }

        var changes = AuditTrail.Diff(("Name", organisation.Name, input.Name), ("Kind", organisation.Kind.ToString(), input.Kind!.Value.ToString()));
        if (changes.Count > 0)
        {
            if (renamed)
            {
                organisation.Rename(input.Name, from, today, null);
            }

            organisation.Kind = input.Kind.Value;
            audit.Record(nameof(Organisation), organisation.Id, HistoryAction.Updated, organisation.Name, organisation.UnitId, changes);
            await db.SaveChangesAsync(cancellationToken);
        }

        return UseCaseResult.Done(organisation.Id);
    }

    /// <summary>The tracked organisation with its unit when <paramref name="user"/> may change it: 404 outside their tree, 403 without the role.</summary>
    public async Task<(Organisation? Organisation, UseCaseResult? Refusal)> LoadManagedAsync(ClaimsPrincipal user, int organisationId, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.InScope(user.GetScopeOrNone()).Include(o => o.Unit).Include(o => o.Namings).SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return (null, UseCaseResult.NotFound);
        }

        var access = await authorization.CheckAsync(user, new UnitResource(organisation.Unit!.Path), AdministrationOperations.ManageOrganisations);
        return access == Access.Allowed ? (organisation, null) : (null, UseCaseResult.Refused(access));
    }

    /// <summary>A unit, a name within <see cref="Organisation.NameMaxLength"/> and a known kind.</summary>
    public sealed class Validator : AbstractValidator<OrganisationInput>
    {
        public Validator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.UnitId).NotNull().WithName(_ => localizer["Meetings.Unit"]);
            RuleFor(x => x.Name).NotEmpty().MaximumLength(Organisation.NameMaxLength).WithName(_ => localizer["Organisations.Name"]);
            RuleFor(x => x.Kind).NotNull().IsInEnum().WithName(_ => localizer["Form.OrganisationKind"]);
        }
    }
}
