using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Units;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Persistence;

/// <summary>
/// Reshapes the unit tree as the 2025 reform did, each change dated from the Vietnam day it took effect (ADR 0005, 0018):
/// <see cref="MergeAsync"/> merges one unit into another of the same level (meetings with their recommendations,
/// directives and history, organisations, people and accounts move to the target; child units move under it; the merged
/// unit stays, marked, under the target so its frozen reports remain readable there); <see cref="MoveAsync"/> places a unit
/// under a new parent; <see cref="RetireLevelAsync"/> retires a level. Every unit and organisation touched keeps its name
/// and parent of the days before in its namings, and every moved meeting keeps the unit it was held in. Each call commits
/// in one transaction, or joins the one already open (a whole reorganisation commits together or not at all).
/// </summary>
public sealed class UnitMerger(MeetingPortalDbContext db, AuditTrail audit, AuditInterceptor stamp, TimeProvider timeProvider)
{
    /// <summary>What a merger moved: counts of meetings, organisations, people, accounts and child units.</summary>
    public sealed record Result(int Meetings, int Organisations, int People, int Accounts, int ChildUnits);

    /// <summary>
    /// Merges <paramref name="source"/> (with its namings loaded) into <paramref name="target"/> of the same level from
    /// Vietnam day <paramref name="effectiveOn"/> (at most today), <paramref name="reason"/> being the legal basis.
    /// Errors: <see cref="DomainException"/> from <see cref="Unit.MergeInto"/> and <see cref="DatedSpan.Follow{T}"/>; nothing is saved then.
    /// </summary>
    public async Task<Result> MergeAsync(Unit source, Unit target, string reason, DateOnly effectiveOn, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var today = VietnamTime.DateAt(now);
        var oldPath = source.Path;
        var subtree = new UnitScope(source.Id, oldPath);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

        var below = await db.Units.Include(u => u.Namings).InScope(subtree).Where(u => u.Id != source.Id).ToListAsync(cancellationToken);
        var subtreeIds = below.Select(u => u.Id).Append(source.Id).ToList();
        var children = below.Where(u => u.ParentId == source.Id).ToList();
        foreach (var child in children)
        {
            var oldChildPath = child.Path;
            child.StartHistory();
            child.MoveUnder(target);
            child.RecordPlace(effectiveOn, today, reason);
            foreach (var descendant in below.Where(u => u.Id != child.Id && u.Path.StartsWith(oldChildPath, StringComparison.Ordinal)))
            {
                descendant.RebasePath(oldChildPath, child.Path);
            }
        }

        source.StartHistory();
        source.MergeInto(target, now.UtcDateTime);
        source.RecordPlace(effectiveOn, today, reason);

        // Meetings and people move in one UPDATE each (a ward may hold hundreds of meetings); each moved meeting keeps
        // the unit it was held in, and still gets its history row below, with the version the move gave it.
        var meetings = await db.Meetings.Where(m => m.UnitId == source.Id).Select(m => new { m.Id, Version = m.Version + 1 }).ToListAsync(cancellationToken);
        await db.Meetings.Where(m => m.UnitId == source.Id).ExecuteUpdateAsync(set =>
        {
            set.SetProperty(m => m.HeldInUnitId, m => m.HeldInUnitId ?? m.UnitId);
            set.SetProperty(m => m.UnitId, target.Id);
            stamp.StampBulkUpdate(set);
        }, cancellationToken);

        // Two bodies of the same name ("Ủy ban MTTQ") cannot share a unit: the moved one keeps its origin in its name
        // from the merger's day on; its records of the days before keep its name of then.
        var targetNames = await db.Organisations.Where(o => o.UnitId == target.Id).Select(o => o.Name).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.Include(o => o.Namings).Where(o => o.UnitId == source.Id).ToListAsync(cancellationToken);
        foreach (var organisation in organisations)
        {
            organisation.StartHistory();
            if (targetNames.Contains(organisation.Name, StringComparer.Ordinal))
            {
                var renamed = $"{organisation.Name} ({source.Name})";
                organisation.Name = renamed.Length > Domain.Organisations.Organisation.NameMaxLength ? renamed[..Domain.Organisations.Organisation.NameMaxLength] : renamed;
            }

            organisation.UnitId = target.Id;
            organisation.RecordPlace(effectiveOn, today, reason);
        }

        // The merged unit's dialogue plan goes with its meetings, so each held entry keeps its meeting's unit (issue 18).
        await db.PlannedDialogues.Where(p => p.UnitId == source.Id).ExecuteUpdateAsync(set =>
        {
            set.SetProperty(p => p.UnitId, target.Id);
            stamp.StampBulkUpdate(set);
        }, cancellationToken);

        // Its answer templates go with its people (ADR 0025 section 4); one whose name the target already uses stays with the
        // merged unit, where an administrator of the unit above still reads it, rather than be renamed behind anyone's back.
        var templateNames = await db.AnswerTemplates.Where(t => t.UnitId == target.Id).Select(t => t.Name).ToListAsync(cancellationToken);
        await db.AnswerTemplates.Where(t => t.UnitId == source.Id && !templateNames.Contains(t.Name)).ExecuteUpdateAsync(set =>
        {
            set.SetProperty(t => t.UnitId, target.Id);
            stamp.StampBulkUpdate(set);
        }, cancellationToken);

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
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Places <paramref name="unit"/> (its namings loaded) and its subtree under <paramref name="newParent"/> from Vietnam day
    /// <paramref name="effectiveOn"/>: paths below are rewritten, the unit's namings keep the parent of the days before,
    /// and accounts in the subtree sign in again. Its records stay its own. Returns the number of units moved (with the subtree).
    /// Errors: <see cref="DomainException"/> for a move under itself or a date the namings refuse.
    /// </summary>
    public async Task<int> MoveAsync(Unit unit, Unit newParent, string basis, DateOnly effectiveOn, CancellationToken cancellationToken)
    {
        var today = VietnamTime.DateAt(timeProvider.GetUtcNow());
        var oldPath = unit.Path;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var below = await db.Units.InScope(new UnitScope(unit.Id, oldPath)).Where(u => u.Id != unit.Id).ToListAsync(cancellationToken);
        var oldParent = unit.ParentId;
        unit.StartHistory();
        unit.MoveUnder(newParent);
        unit.RecordPlace(effectiveOn, today, basis);
        foreach (var descendant in below)
        {
            descendant.RebasePath(oldPath, unit.Path);
        }

        var subtreeIds = below.Select(u => u.Id).Append(unit.Id).ToList();
        foreach (var account in await db.Users.Where(u => subtreeIds.Contains(u.UnitId)).ToListAsync(cancellationToken))
        {
            account.SecurityStamp = Guid.NewGuid().ToString();
        }

        audit.Record(nameof(Unit), unit.Id, HistoryAction.Updated, $"{unit.Name} → {newParent.Name}: {basis}", unit.Id,
            AuditTrail.Diff(("ParentId", oldParent?.ToString(System.Globalization.CultureInfo.InvariantCulture), newParent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return subtreeIds.Count;
    }

    /// <summary>
    /// Retires <paramref name="level"/> from Vietnam day <paramref name="effectiveOn"/> (the district level on 1/7/2025):
    /// each of its units still standing hands its standing children to its own parent (<see cref="MoveAsync"/>) and is
    /// retired (<see cref="Unit.Retire"/>): it keeps its id, its records and its place, so its records stay where whoever
    /// saw them finds them. Returns the number of units retired. Errors: <see cref="DomainException"/> for the top level.
    /// </summary>
    public async Task<int> RetireLevelAsync(UnitLevel level, string basis, DateOnly effectiveOn, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        level.Retire(effectiveOn);
        var retiring = await db.Units.Include(u => u.Namings).TakingRecords().Where(u => u.LevelId == level.Id).OrderBy(u => u.Path).ToListAsync(cancellationToken);
        foreach (var unit in retiring)
        {
            var parent = await db.Units.SingleAsync(u => u.Id == unit.ParentId, cancellationToken);
            var children = await db.Units.Include(u => u.Namings).TakingRecords().Where(u => u.ParentId == unit.Id).ToListAsync(cancellationToken);
            foreach (var child in children)
            {
                await MoveAsync(child, parent, basis, effectiveOn, cancellationToken);
            }

            unit.Retire(effectiveOn);
            audit.Record(nameof(Unit), unit.Id, HistoryAction.Deactivated, $"{unit.Name}: {basis}", unit.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return retiring.Count;
    }
}
