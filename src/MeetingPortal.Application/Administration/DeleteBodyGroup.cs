using System.Security.Claims;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Administration;

/// <summary>
/// An administrator deletes a group of bodies no meeting names and no task is given to (a group made by mistake, or
/// left over); a group a record uses is refused with a message (<see cref="BodyGroup.CheckRemovable"/>), since the record
/// would lose what it says. Its known memberships go with it. The deletion is audited.
/// </summary>
public sealed class DeleteBodyGroup(
    MeetingPortalDbContext db, IAuthorizationService authorization, AuditTrail audit, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>Deletes group <paramref name="id"/>: 404 outside the user's tree, 403 without the role, Invalid when a record uses it.</summary>
    public async Task<UseCaseResult> RunAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        var (group, refusal) = await BodyGroupAdministration.LoadManagedAsync(db, authorization, user, id, cancellationToken);
        if (group is null)
        {
            return refusal!;
        }

        var (meetings, tasks) = await BodyGroupAdministration.UsesAsync(db, id, cancellationToken);
        try
        {
            BodyGroup.CheckRemovable(meetings, tasks);
        }
        catch (DomainException ex)
        {
            return UseCaseResult.Invalid(string.Empty, localizer.For(ex));
        }

        db.BodyGroups.Remove(group);
        audit.Record(nameof(BodyGroup), group.Id, HistoryAction.Removed, group.Name, group.UnitId);
        await db.SaveChangesAsync(cancellationToken);
        return UseCaseResult.Done();
    }
}
