using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Units;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Persistence;

/// <summary>
/// Merges one unit into another of the same level, as the 2025 reform merged communes and provinces.
/// Meetings (with their recommendations, directives and history), organisations, people and
/// accounts move to the target; child units move under it; the merged unit stays, marked, under
/// the target so its frozen reports remain readable there. All of it commits together or not at all.
/// </summary>
public sealed class UnitMerger(MeetingPortalDbContext db, AuditTrail audit, AuditInterceptor stamp, TimeProvider timeProvider)
{
    public sealed record Result(int Meetings, int Organisations, int People, int Accounts, int ChildUnits);

    public async Task<Result> MergeAsync(Unit source, Unit target, string reason, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var oldPath = source.Path;
        var subtree = new UnitScope(source.Id, oldPath);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var below = await db.Units.InScope(subtree).Where(u => u.Id != source.Id).ToListAsync(cancellationToken);
        var subtreeIds = below.Select(u => u.Id).Append(source.Id).ToList();
        var children = below.Where(u => u.ParentId == source.Id).ToList();
        foreach (var child in children)
        {
            var oldChildPath = child.Path;
            child.MoveUnder(target);
            foreach (var descendant in below.Where(u => u.Id != child.Id && u.Path.StartsWith(oldChildPath, StringComparison.Ordinal)))
            {
                descendant.RebasePath(oldChildPath, child.Path);
            }
        }

        source.MergeInto(target, now);

        // Meetings and people move in one UPDATE each (a ward may hold hundreds of meetings); each moved
        // meeting still gets its history row below, with the version the move gave it.
        var meetings = await db.Meetings.Where(m => m.UnitId == source.Id).Select(m => new { m.Id, Version = m.Version + 1 }).ToListAsync(cancellationToken);
        await db.Meetings.Where(m => m.UnitId == source.Id).ExecuteUpdateAsync(set =>
        {
            set.SetProperty(m => m.UnitId, target.Id);
            stamp.StampBulkUpdate(set);
        }, cancellationToken);

        // Two bodies of the same name ("Ủy ban MTTQ") cannot share a unit: the moved one keeps its origin in its name.
        var targetNames = await db.Organisations.Where(o => o.UnitId == target.Id).Select(o => o.Name).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.Where(o => o.UnitId == source.Id).ToListAsync(cancellationToken);
        foreach (var organisation in organisations)
        {
            if (targetNames.Contains(organisation.Name, StringComparer.Ordinal))
            {
                var renamed = $"{organisation.Name} ({source.Name})";
                organisation.Name = renamed.Length > Domain.Organisations.Organisation.NameMaxLength ? renamed[..Domain.Organisations.Organisation.NameMaxLength] : renamed;
            }

            organisation.UnitId = target.Id;
        }

        var people = await db.People.Where(p => p.UnitId == source.Id).ExecuteUpdateAsync(set =>
        {
            set.SetProperty(p => p.UnitId, target.Id);
            stamp.StampBulkUpdate(set);
        }, cancellationToken);

        // Sign-in cookies carry the unit's path: a new security stamp makes every affected user sign in again with the new one.
        var accounts = await db.Users.Where(u => subtreeIds.Contains(u.UnitId)).ToListAsync(cancellationToken);
        foreach (var account in accounts)
        {
            if (account.UnitId == source.Id)
            {
                account.UnitId = target.Id;
            }

            account.SecurityStamp = Guid.NewGuid().ToString();
        }

        await db.SaveChangesAsync(cancellationToken);

        var movedNote = $"{source.Name} → {target.Name}: {reason}";
        foreach (var meeting in meetings)
        {
            audit.Record(nameof(Meeting), meeting.Id, HistoryAction.Merged, movedNote, version: meeting.Version);
        }

        var result = new Result(meetings.Count, organisations.Count, people, accounts.Count(a => a.UnitId == target.Id), children.Count);
        string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        audit.Record(nameof(Unit), source.Id, HistoryAction.Merged, movedNote, target.Id, AuditTrail.Diff(
            ("Meetings", null, Count(result.Meetings)), ("Organisations", null, Count(result.Organisations)), ("People", null, Count(result.People)),
            ("Accounts", null, Count(result.Accounts)), ("ChildUnits", null, Count(result.ChildUnits))));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
