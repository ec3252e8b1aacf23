using System.Security.Claims;
using FluentValidation;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Administration;

/// <summary>
/// An administrator renames a group of bodies (correcting how it is written) and sets its known members, bodies of the
/// group's unit (ADR 0020). Names are unique within a unit, as organisations' are. A record that words the group its own
/// way keeps its wording; one that uses the name shows the new name. The change is audited.
/// </summary>
public sealed class EditBodyGroup(
    MeetingPortalDbContext db, IAuthorizationService authorization, AuditTrail audit, IValidator<BodyGroupInput> validator, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>Saves <paramref name="input"/> over group <paramref name="id"/>: 404 outside the user's tree, 403 without the role, messages beside the fields.</summary>
    public async Task<UseCaseResult> RunAsync(ClaimsPrincipal user, int id, BodyGroupInput input, CancellationToken cancellationToken)
    {
        var (group, refusal) = await BodyGroupAdministration.LoadManagedAsync(db, authorization, user, id, cancellationToken);
        if (group is null)
        {
            return refusal!;
        }

        input.Name = TextNormalizer.Clean(input.Name);
        var errors = (await validator.ValidateAsync(input, cancellationToken)).ToErrors();
        if (errors.Count == 0 && await db.BodyGroups.AnyAsync(g => g.Id != id && g.UnitId == group.UnitId && g.Name == input.Name, cancellationToken))
        {
            errors.Add(new UseCaseError(nameof(BodyGroupInput.Name), localizer["Groups.NameTaken"]));
        }

        var wanted = input.MemberIds.Distinct().ToList();
        var members = await db.Organisations.Where(o => wanted.Contains(o.Id) && o.UnitId == group.UnitId).ToListAsync(cancellationToken);
        if (members.Count != wanted.Count)
        {
            errors.Add(new UseCaseError(nameof(BodyGroupInput.MemberIds), localizer["Domain.group.member-unit"]));
        }

        if (errors.Count > 0)
        {
            return UseCaseResult.Invalid(errors);
        }

        var before = await MemberNamesAsync(group.Members.Select(m => m.OrganisationId), cancellationToken);
        var after = string.Join("; ", members.Select(o => o.Name).Order(StringComparer.Ordinal));
        var changes = AuditTrail.Diff(("Name", group.Name, input.Name), ("Members", before, after));
        if (changes.Count == 0)
        {
            return UseCaseResult.Done(group.Id);
        }

        try
        {
            group.Rename(input.Name);
            group.ReplaceMembers(members);
        }
        catch (DomainException ex)
        {
            return UseCaseResult.Invalid(string.Empty, localizer.For(ex));
        }

        audit.Record(nameof(BodyGroup), group.Id, HistoryAction.Updated, group.Name, group.UnitId, changes);
        await db.SaveChangesAsync(cancellationToken);
        return UseCaseResult.Done(group.Id);
    }

    private async Task<string> MemberNamesAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var list = ids.ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => list.Contains(o.Id)).Select(o => o.Name).ToListAsync(cancellationToken);
        return string.Join("; ", names.Order(StringComparer.Ordinal));
    }
}
