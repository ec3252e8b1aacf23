using MeetingPortal.Domain.Common;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using FluentValidation;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Administration;

/// <summary>A group of bodies as typed on its administration page: its name and the ids of its known members.</summary>
public sealed class BodyGroupInput
{
    [Display(Name = "Groups.Name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The bodies of the group's unit ticked as members; any other id is refused beside the field.</summary>
    [Display(Name = "Groups.Members")]
    public List<int> MemberIds { get; set; } = [];

    /// <summary>A name within <see cref="BodyGroup.NameMaxLength"/>.</summary>
    public sealed class Validator : AbstractValidator<BodyGroupInput>
    {
        public Validator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(BodyGroup.NameMaxLength).WithName(_ => localizer["Groups.Name"]);
        }
    }
}

/// <summary>
/// What the groups' administration pages read (ADR 0020): the groups of the units in the administrator's scope, and one
/// group with the bodies of its unit that may be its members and how many records use it. Groups are administered as
/// their unit's organisations are (<see cref="AdministrationOperations.ManageOrganisations"/>): outside the administrator's
/// tree a group does not exist (404), without the role it is refused (403).
/// </summary>
public sealed class BodyGroupAdministration(MeetingPortalDbContext db, IAuthorizationService authorization)
{
    /// <summary>A group in the list: its unit's name, how many members are known and how many meetings and tasks use it.</summary>
    public sealed record Row(int Id, string Name, string UnitName, int Members, int Meetings, int Tasks);

    /// <summary>A group on its page: the bodies of its unit (id, name), the ids of its members, and its uses.</summary>
    public sealed record Details(
        int Id, string Name, int UnitId, string UnitName, IReadOnlyList<int> MemberIds, IReadOnlyList<(int Id, string Name)> Bodies, int Meetings, int Tasks);

    /// <summary>The groups of the units within <paramref name="within"/>, by unit then name in Vietnamese order (ADR 0021), at most <paramref name="take"/>; and how many there are.</summary>
    public async Task<(int Total, IReadOnlyList<Row> Rows)> ListAsync(UnitScope within, int take, CancellationToken cancellationToken)
    {
        var query = db.BodyGroups.AsNoTracking().InScope(within);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(g => g.Unit!.Path)
            .ThenBy(g => EF.Functions.Collate(g.Name, VietnameseOrder.CollationName)).ThenBy(g => g.Id).Take(take)
            .Select(g => new Row(
                g.Id, g.Name, g.Unit!.Name, g.Members.Count,
                db.Meetings.Count(m => m.ParticipantGroups.Any(p => p.BodyGroupId == g.Id)),
                db.Directives.Count(d => d.GroupAssignees.Any(a => a.BodyGroupId == g.Id))))
            .ToListAsync(cancellationToken);
        return (total, rows);
    }

    /// <summary>Group <paramref name="id"/> for its page; 404 outside the user's tree, 403 without the role.</summary>
    public async Task<(Details? Group, UseCaseResult? Refusal)> ReadAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        var found = await db.BodyGroups.AsNoTracking().InScope(user.GetScopeOrNone()).Where(g => g.Id == id)
            .Select(g => new
            {
                g.Id, g.Name, g.UnitId, UnitName = g.Unit!.Name, g.Unit.Path,
                Members = g.Members.Select(m => m.OrganisationId).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return (null, UseCaseResult.NotFound);
        }

        var access = await authorization.CheckAsync(user, new UnitResource(found.Path), AdministrationOperations.ManageOrganisations);
        if (access != Access.Allowed)
        {
            return (null, UseCaseResult.Refused(access));
        }

        var bodies = (await db.Organisations.AsNoTracking().Where(o => o.UnitId == found.UnitId)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken)).ByName(o => o.Name);
        var (meetings, tasks) = await UsesAsync(db, id, cancellationToken);
        return (new Details(found.Id, found.Name, found.UnitId, found.UnitName, found.Members, bodies.Select(b => (b.Id, b.Name)).ToList(), meetings, tasks), null);
    }

    /// <summary>How many meetings name group <paramref name="id"/> among those taking part, and how many tasks are given to it.</summary>
    internal static async Task<(int Meetings, int Tasks)> UsesAsync(MeetingPortalDbContext db, int id, CancellationToken cancellationToken) =>
        (await db.Meetings.CountAsync(m => m.ParticipantGroups.Any(p => p.BodyGroupId == id), cancellationToken),
         await db.Directives.CountAsync(d => d.GroupAssignees.Any(a => a.BodyGroupId == id), cancellationToken));

    /// <summary>The tracked group with its unit and members when <paramref name="user"/> may change it: 404 outside their tree, 403 without the role.</summary>
    internal static async Task<(BodyGroup? Group, UseCaseResult? Refusal)> LoadManagedAsync(
        MeetingPortalDbContext db, IAuthorizationService authorization, ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        var group = await db.BodyGroups.InScope(user.GetScopeOrNone()).Include(g => g.Unit).Include(g => g.Members)
            .SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return (null, UseCaseResult.NotFound);
        }

        var access = await authorization.CheckAsync(user, new UnitResource(group.Unit!.Path), AdministrationOperations.ManageOrganisations);
        return access == Access.Allowed ? (group, null) : (null, UseCaseResult.Refused(access));
    }
}
