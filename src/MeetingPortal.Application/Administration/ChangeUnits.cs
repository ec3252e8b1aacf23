using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using FluentValidation;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Units;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace MeetingPortal.Application.Administration;

/// <summary>A new unit as typed: the unit it sits under, its level, its key and its name.</summary>
public sealed class NewUnitInput
{
    [Display(Name = "Units.Parent")]
    public int? ParentId { get; set; }

    [Display(Name = "Units.Level")]
    public int? LevelId { get; set; }

    [Display(Name = "Units.Code")]
    public string Code { get; set; } = string.Empty;

    [Display(Name = "Units.Name")]
    public string Name { get; set; } = string.Empty;
}

/// <summary>
/// A unit's key and name as typed on its page, with the Vietnam day a new name takes effect (today when left empty)
/// and the decision behind it; the earlier name stays for the days before (ADR 0018).
/// </summary>
public sealed class UnitDetailsInput
{
    [Display(Name = "Units.Code")]
    public string Code { get; set; } = string.Empty;

    [Display(Name = "Units.Name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The first Vietnam day of the new name; null for today.</summary>
    [Display(Name = "Units.EffectiveOn")]
    public DateOnly? EffectiveOn { get; set; }

    /// <summary>The decision that renamed the unit ("Nghị quyết 1314/NQ-UBTVQH15"), optional.</summary>
    [Display(Name = "Units.RenameBasis")]
    public string? Basis { get; set; }
}

/// <summary>The unit another is merged into, the reason (kept in the history) and the administrator's confirmation.</summary>
public sealed class UnitMergeInput
{
    [Display(Name = "Units.MergeTarget")]
    public int? TargetId { get; set; }

    [Display(Name = "Units.MergeReason")]
    public string Reason { get; set; } = string.Empty;

    /// <summary>The Vietnam day the merger took effect; null for today (ADR 0018).</summary>
    [Display(Name = "Units.EffectiveOn")]
    public DateOnly? EffectiveOn { get; set; }

    [Display(Name = "Reorganisation.ConfirmField")]
    public bool Confirm { get; set; }
}

/// <summary>One unit of a reorganisation and the unit it goes into (a merger) or under (a move); an empty row is ignored.</summary>
public sealed class ReorganisationUnitRow
{
    /// <summary>The unit merged or moved.</summary>
    [Display(Name = "Reorganisation.Unit")]
    public int? UnitId { get; set; }

    /// <summary>The unit it is merged into, or placed under.</summary>
    [Display(Name = "Reorganisation.Target")]
    public int? TargetId { get; set; }
}

/// <summary>One organisation of a reorganisation and the body of its unit it is placed under (the Front's committee); an empty row is ignored.</summary>
public sealed class ReorganisationOrganisationRow
{
    /// <summary>The organisation placed.</summary>
    [Display(Name = "Reorganisation.Organisation")]
    public int? OrganisationId { get; set; }

    /// <summary>The body it stands under from the decision's day.</summary>
    [Display(Name = "Reorganisation.OrganisationParent")]
    public int? ParentId { get; set; }
}

/// <summary>
/// A decision reshaping the tree as typed (ADR 0018): its legal basis and effective Vietnam day, the units merged and
/// moved, the level retired, the organisations placed under the Front, and the administrator's confirmation.
/// </summary>
public sealed class ReorganisationInput
{
    /// <summary>The decision's name and number as written ("Nghị quyết 202/2025/QH15").</summary>
    [Display(Name = "Reorganisation.LegalBasis")]
    public string LegalBasis { get; set; } = string.Empty;

    /// <summary>The Vietnam day the decision took effect (1/7/2025); not after today.</summary>
    [Display(Name = "Reorganisation.EffectiveOn")]
    public DateOnly? EffectiveOn { get; set; }

    /// <summary>The level the decision ends (the district level), or null.</summary>
    [Display(Name = "Reorganisation.RetireLevel")]
    public int? RetireLevelId { get; set; }

    /// <summary>Units merged into another of their level (<see cref="ChangeUnits.MergeAsync"/>'s rules).</summary>
    public List<ReorganisationUnitRow> Merges { get; set; } = [];

    /// <summary>Units placed under a new parent.</summary>
    public List<ReorganisationUnitRow> Moves { get; set; } = [];

    /// <summary>Organisations placed under another body of their unit.</summary>
    public List<ReorganisationOrganisationRow> Placements { get; set; } = [];

    /// <summary>The administrator confirms the decision, which cannot be undone from the portal.</summary>
    [Display(Name = "Reorganisation.ConfirmField")]
    public bool Confirm { get; set; }
}

/// <summary>What a reorganisation did; the counts are null unless it was applied.</summary>
public sealed record ReorganisationOutcome(UseCaseResult Result, int Merged = 0, int Moved = 0, int Retired = 0, int Placed = 0);

/// <summary>What a merger moved; null unless the merger was done.</summary>
public sealed record UnitMergeOutcome(UseCaseResult Result, string? SourceName = null, string? TargetName = null, UnitMerger.Result? Moved = null);

/// <summary>
/// Administrators keep the unit tree below their own unit: they add a unit under one of theirs (at a lower level
/// than its parent), rename one below their own, and merge one into another of the same level, as the 2025
/// reorganisation merged communes and provinces (Nghị quyết 202/2025/QH15; <see cref="UnitMerger"/>). A unit
/// outside the administrator's tree does not exist for them (404, or a message beside the field that chose it);
/// the rules of <see cref="UnitAdministrationHandler"/> decide the rest (403). Each change is written to the audit log.
/// </summary>
public sealed class ChangeUnits(
    MeetingPortalDbContext db,
    IAuthorizationService authorization,
    AuditTrail audit,
    UnitMerger merger,
    IValidator<NewUnitInput> newValidator,
    IValidator<UnitDetailsInput> detailsValidator,
    IValidator<UnitMergeInput> mergeValidator,
    IValidator<ReorganisationInput> reorganisationValidator,
    IStringLocalizer<SharedResource> localizer,
    TimeProvider timeProvider,
    ILogger<ChangeUnits> logger)
{
    /// <summary>Adds a unit under <see cref="NewUnitInput.ParentId"/>; the result's id is the new unit's.</summary>
    public async Task<UseCaseResult> AddAsync(ClaimsPrincipal user, NewUnitInput input, CancellationToken cancellationToken)
    {
        // The role first (403), whichever parent was chosen: the handler decides, as for every unit operation.
        if (!await authorization.MayAsync(user, new UnitResource(user.GetScopeOrNone().Path), AdministrationOperations.CreateUnitUnder))
        {
            return UseCaseResult.Forbidden;
        }

        input.Code = TextNormalizer.Clean(input.Code);
        input.Name = TextNormalizer.Clean(input.Name);
        var errors = (await newValidator.ValidateAsync(input, cancellationToken)).ToErrors();
        var parent = input.ParentId is { } parentId
            ? await db.Units.InScope(user.GetScopeOrNone()).TakingRecords().Include(u => u.Level).SingleOrDefaultAsync(u => u.Id == parentId, cancellationToken)
            : null;
        if (input.ParentId is not null
            && (parent is null || !await authorization.MayAsync(user, new UnitResource(parent.Path), AdministrationOperations.CreateUnitUnder)))
        {
            errors.Add(new UseCaseError(nameof(NewUnitInput.ParentId), localizer["Admin.UnitOutOfScope"]));
        }

        var level = input.LevelId is { } levelId ? await db.UnitLevels.AsNoTracking().SingleOrDefaultAsync(l => l.Id == levelId, cancellationToken) : null;
        if (input.LevelId is not null && (level is null || (parent is not null && !Unit.MayBeAtLevelUnder(level, parent.Level))))
        {
            errors.Add(new UseCaseError(nameof(NewUnitInput.LevelId), localizer["Units.LevelBelowParent"]));
        }

        if (errors.Count == 0 && await db.Units.AnyAsync(u => u.Code == input.Code, cancellationToken))
        {
            errors.Add(new UseCaseError(nameof(NewUnitInput.Code), localizer["Admin.CodeTaken"]));
        }

        if (errors.Count > 0)
        {
            return UseCaseResult.Invalid(errors);
        }

        var unit = new Unit(input.Code, input.Name, level!.Id);
        unit.PlaceUnder(parent);
        db.Units.Add(unit);
        // The path ends with the new id, so the row is saved twice; one transaction keeps a pathless unit from existing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        unit.AssignPath();
        unit.BeginsOn(VietnamTime.DateAt(timeProvider.GetUtcNow()));
        audit.Record(nameof(Unit), unit.Id, HistoryAction.Created, $"{unit.Code}: {unit.Name}", unit.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UseCaseResult.Done(unit.Id);
    }

    /// <summary>
    /// Changes the key and name of unit <paramref name="unitId"/>. A new name holds from <see cref="UnitDetailsInput.EffectiveOn"/>
    /// (today when empty): records of the days before keep the name they were held under (ADR 0018). A day after today or
    /// before the current name took effect is refused beside the field.
    /// </summary>
    public async Task<UseCaseResult> RenameAsync(ClaimsPrincipal user, int unitId, UnitDetailsInput input, CancellationToken cancellationToken)
    {
        var (unit, refusal) = await LoadManagedAsync(user, unitId, cancellationToken);
        if (unit is null)
        {
            return refusal!;
        }

        input.Code = TextNormalizer.Clean(input.Code);
        input.Name = TextNormalizer.Clean(input.Name);
        input.Basis = string.IsNullOrWhiteSpace(input.Basis) ? null : TextNormalizer.Clean(input.Basis);
        var today = VietnamTime.DateAt(timeProvider.GetUtcNow());
        var from = input.EffectiveOn ?? today;
        var errors = (await detailsValidator.ValidateAsync(input, cancellationToken)).ToErrors();
        if (errors.Count == 0 && await db.Units.AnyAsync(u => u.Id != unitId && u.Code == input.Code, cancellationToken))
        {
            errors.Add(new UseCaseError(nameof(UnitDetailsInput.Code), localizer["Admin.CodeTaken"]));
        }

        var renamed = !string.Equals(unit.Name, input.Name, StringComparison.Ordinal);
        if (renamed && NamingDateError(unit.Namings, from, today) is { } dateError)
        {
            errors.Add(new UseCaseError(nameof(UnitDetailsInput.EffectiveOn), localizer[dateError]));
        }

        if (errors.Count > 0)
        {
            return UseCaseResult.Invalid(errors);
        }

        var changes = AuditTrail.Diff(("Code", unit.Code, input.Code), ("Name", unit.Name, input.Name));
        if (changes.Count > 0)
        {
            unit.Code = input.Code;
            if (renamed)
            {
                unit.Rename(input.Name, from, today, input.Basis);
            }

            var note = renamed ? $"{unit.Name} ({localizer["Units.FromDay", from.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)]}{(input.Basis is null ? "" : "; " + input.Basis)})" : unit.Name;
            audit.Record(nameof(Unit), unit.Id, HistoryAction.Updated, note, unit.Id, changes);
            await db.SaveChangesAsync(cancellationToken);
        }

        return UseCaseResult.Done(unit.Id);
    }

    /// <summary>
    /// The resource key of the message refusing a change dated <paramref name="from"/> against <paramref name="spans"/>
    /// (after <paramref name="today"/>, or before the current name took effect: history is not rewritten), else null.
    /// The same rule as <see cref="DatedSpan.Follow{T}"/>, asked before the change so the form can say it.
    /// </summary>
    public static string? NamingDateError(IEnumerable<DatedSpan> spans, DateOnly from, DateOnly today) =>
        from > today ? "Units.EffectiveInFuture"
        : spans.SingleOrDefault(s => s.ValidTo is null)?.ValidFrom is { } openFrom && from < openFrom ? "Units.EffectiveBeforeCurrent"
        : null;

    /// <summary>
    /// Why <paramref name="unit"/> cannot end on <paramref name="effectiveOn"/> (merged or retired from that Vietnam day):
    /// it holds a meeting held on or after that day, which would be left in a unit that no longer stood when it met and
    /// print a peer unit as its superior body (issue 16 trial). Null when it holds none.
    /// </summary>
    private async Task<string?> MeetingHeldFromAsync(Unit unit, DateOnly effectiveOn, CancellationToken cancellationToken)
    {
        var first = await db.Meetings.Where(m => m.UnitId == unit.Id && m.HeldOn >= effectiveOn).OrderBy(m => m.HeldOn)
            .Select(m => (DateOnly?)m.HeldOn).FirstOrDefaultAsync(cancellationToken);
        return first is { } heldOn
            ? localizer["Units.MeetingAfterEnd", unit.Name, heldOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), effectiveOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)].Value
            : null;
    }

    /// <summary>Merges unit <paramref name="unitId"/> into <see cref="UnitMergeInput.TargetId"/>, one of <see cref="MergeTargetsAsync"/>.</summary>
    public async Task<UnitMergeOutcome> MergeAsync(ClaimsPrincipal user, int unitId, UnitMergeInput input, CancellationToken cancellationToken)
    {
        var (source, refusal) = await LoadManagedAsync(user, unitId, cancellationToken);
        if (source is null)
        {
            return new UnitMergeOutcome(refusal!);
        }

        input.Reason = TextNormalizer.Clean(input.Reason);
        var errors = (await mergeValidator.ValidateAsync(input, cancellationToken)).ToErrors();
        var targets = await MergeTargetsAsync(user, source, cancellationToken);
        var target = input.TargetId is { } targetId && targets.Any(t => t.Id == targetId)
            ? await db.Units.SingleAsync(u => u.Id == targetId, cancellationToken)
            : null;
        if (input.TargetId is not null && target is null)
        {
            errors.Add(new UseCaseError(nameof(UnitMergeInput.TargetId), localizer["Units.MergeTargetInvalid"]));
        }

        var today = VietnamTime.DateAt(timeProvider.GetUtcNow());
        var effectiveOn = input.EffectiveOn ?? today;
        if (NamingDateError(source.Namings, effectiveOn, today) is { } dateError)
        {
            errors.Add(new UseCaseError(nameof(UnitMergeInput.EffectiveOn), localizer[dateError]));
        }
        else if (await MeetingHeldFromAsync(source, effectiveOn, cancellationToken) is { } held)
        {
            errors.Add(new UseCaseError(nameof(UnitMergeInput.EffectiveOn), held));
        }

        if (errors.Count > 0)
        {
            return new UnitMergeOutcome(UseCaseResult.Invalid(errors));
        }

        UnitMerger.Result moved;
        try
        {
            moved = await merger.MergeAsync(source, target!, input.Reason, effectiveOn, cancellationToken);
        }
        catch (DomainException e) when (e.Code.StartsWith("span.", StringComparison.Ordinal))
        {
            // A child or organisation renamed after the day given: nothing was committed.
            db.ChangeTracker.Clear();
            return new UnitMergeOutcome(UseCaseResult.Invalid(nameof(UnitMergeInput.EffectiveOn), localizer["Units.EffectiveBeforeCurrent"]));
        }

        logger.LogInformation("Unit {SourceId} merged into {TargetId}: {Meetings} meetings, {Accounts} accounts moved", source.Id, target!.Id, moved.Meetings, moved.Accounts);
        return new UnitMergeOutcome(UseCaseResult.Done(target.Id), source.Name, target.Name, moved);
    }

    /// <summary>
    /// Applies a reorganisation decision as data (ADR 0018), as one change: the moves first (a unit placed under a new
    /// parent its level may sit under), then the mergers (each as <see cref="MergeAsync"/> would make it), then the level
    /// retired (its units hand their children to their parent and take no new record), then the organisations placed under
    /// another body of their unit; every change dated from <see cref="ReorganisationInput.EffectiveOn"/>, with the legal
    /// basis. Every row is checked before anything changes: a unit outside the administrator's tree or one they may not
    /// manage is refused beside its row, as the merge form refuses it; retiring a level needs the top unit's administrator
    /// (403). Earlier records, frozen reports and their scope are kept (ADR 0005: merged units' records move to the
    /// surviving unit, which keeps who held them; retired units keep theirs where they stood).
    /// </summary>
    public async Task<ReorganisationOutcome> ReorganiseAsync(ClaimsPrincipal user, ReorganisationInput input, CancellationToken cancellationToken)
    {
        if (!await authorization.MayAsync(user, new UnitResource(user.GetScopeOrNone().Path), AdministrationOperations.CreateUnitUnder))
        {
            return new ReorganisationOutcome(UseCaseResult.Forbidden);
        }

        if (input.RetireLevelId is not null && !await authorization.MayAsync(user, NationalSettings.Instance, AdministrationOperations.ManageNationalSettings))
        {
            return new ReorganisationOutcome(UseCaseResult.Forbidden);
        }

        input.LegalBasis = TextNormalizer.Clean(input.LegalBasis);
        input.Merges = [.. input.Merges.Where(r => r.UnitId is not null || r.TargetId is not null)];
        input.Moves = [.. input.Moves.Where(r => r.UnitId is not null || r.TargetId is not null)];
        input.Placements = [.. input.Placements.Where(r => r.OrganisationId is not null || r.ParentId is not null)];
        var errors = (await reorganisationValidator.ValidateAsync(input, cancellationToken)).ToErrors();
        var today = VietnamTime.DateAt(timeProvider.GetUtcNow());
        if (input.EffectiveOn > today)
        {
            errors.Add(new UseCaseError(nameof(ReorganisationInput.EffectiveOn), localizer["Units.EffectiveInFuture"]));
        }

        var scope = user.GetScopeOrNone();
        var touched = new HashSet<int>();
        var moves = new List<(Unit Unit, Unit Parent)>();
        for (var i = 0; i < input.Moves.Count; i++)
        {
            var row = input.Moves[i];
            var (unit, _) = row.UnitId is { } id ? await LoadManagedAsync(user, id, cancellationToken) : (null, null);
            var parent = row.TargetId is { } parentId
                ? await db.Units.InScope(scope).TakingRecords().Include(u => u.Level).SingleOrDefaultAsync(u => u.Id == parentId, cancellationToken)
                : null;
            if (unit is null || !touched.Add(unit.Id))
            {
                errors.Add(new UseCaseError($"Moves[{i}].UnitId", localizer["Reorganisation.UnitInvalid"]));
            }
            else if (parent is null || parent.Path.StartsWith(unit.Path, StringComparison.Ordinal) || !Unit.MayBeAtLevelUnder(unit.Level!, parent.Level)
                || !await authorization.MayAsync(user, new UnitResource(parent.Path), AdministrationOperations.CreateUnitUnder))
            {
                errors.Add(new UseCaseError($"Moves[{i}].TargetId", localizer["Reorganisation.ParentInvalid"]));
            }
            else
            {
                moves.Add((unit, parent));
            }
        }

        var merges = new List<(Unit Source, int TargetId)>();
        for (var i = 0; i < input.Merges.Count; i++)
        {
            var row = input.Merges[i];
            var (source, _) = row.UnitId is { } id ? await LoadManagedAsync(user, id, cancellationToken) : (null, null);
            if (source is null || !touched.Add(source.Id))
            {
                errors.Add(new UseCaseError($"Merges[{i}].UnitId", localizer["Reorganisation.UnitInvalid"]));
            }
            else if (row.TargetId is not { } targetId || input.Merges.Any(m => m.UnitId == targetId) || !(await MergeTargetsAsync(user, source, cancellationToken)).Any(t => t.Id == targetId))
            {
                errors.Add(new UseCaseError($"Merges[{i}].TargetId", localizer["Units.MergeTargetInvalid"]));
            }
            else if (input.EffectiveOn is { } day && await MeetingHeldFromAsync(source, day, cancellationToken) is { } held)
            {
                errors.Add(new UseCaseError($"Merges[{i}].UnitId", held));
            }
            else
            {
                merges.Add((source, targetId));
            }
        }

        var level = input.RetireLevelId is { } levelId ? await db.UnitLevels.SingleOrDefaultAsync(l => l.Id == levelId && l.Rank > 1 && l.RetiredOn == null, cancellationToken) : null;
        if (input.RetireLevelId is not null && level is null)
        {
            errors.Add(new UseCaseError(nameof(ReorganisationInput.RetireLevelId), localizer["Reorganisation.LevelInvalid"]));
        }
        else if (level is not null && input.EffectiveOn is { } retiredOn)
        {
            // One query for the whole level (a country's districts are hundreds), not one per unit.
            var first = await db.Meetings
                .Where(m => m.HeldOn >= retiredOn && db.Units.Any(u => u.Id == m.UnitId && u.LevelId == level.Id && u.MergedIntoId == null))
                .OrderBy(m => m.HeldOn).Select(m => new { m.UnitId, m.HeldOn }).FirstOrDefaultAsync(cancellationToken);
            if (first is not null)
            {
                var unit = await db.Units.SingleAsync(u => u.Id == first.UnitId, cancellationToken);
                errors.Add(new UseCaseError(nameof(ReorganisationInput.RetireLevelId), (await MeetingHeldFromAsync(unit, retiredOn, cancellationToken))!));
            }
        }

        var placements = new List<(Domain.Organisations.Organisation Organisation, Domain.Organisations.Organisation Parent)>();
        for (var i = 0; i < input.Placements.Count; i++)
        {
            var row = input.Placements[i];
            var organisation = row.OrganisationId is { } id
                ? await db.Organisations.InScope(scope).Include(o => o.Unit).Include(o => o.Namings).SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
                : null;
            var parent = row.ParentId is { } parentId ? await db.Organisations.InScope(scope).SingleOrDefaultAsync(o => o.Id == parentId, cancellationToken) : null;
            if (organisation is null || !await authorization.MayAsync(user, new UnitResource(organisation.Unit!.Path), AdministrationOperations.ManageOrganisations))
            {
                errors.Add(new UseCaseError($"Placements[{i}].OrganisationId", localizer["Reorganisation.OrganisationInvalid"]));
            }
            else if (parent is null || parent.Id == organisation.Id || parent.UnitId != organisation.UnitId)
            {
                errors.Add(new UseCaseError($"Placements[{i}].ParentId", localizer["Reorganisation.OrganisationParentInvalid"]));
            }
            else
            {
                placements.Add((organisation, parent));
            }
        }

        if (errors.Count == 0 && moves.Count + merges.Count + placements.Count == 0 && level is null)
        {
            errors.Add(new UseCaseError(nameof(ReorganisationInput.LegalBasis), localizer["Reorganisation.Empty"]));
        }

        if (errors.Count > 0)
        {
            return new ReorganisationOutcome(UseCaseResult.Invalid(errors));
        }

        var effectiveOn = input.EffectiveOn!.Value;
        var basis = input.LegalBasis;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var retired = 0;
        try
        {
            foreach (var (unit, parent) in moves)
            {
                await merger.MoveAsync(unit, parent, basis, effectiveOn, cancellationToken);
            }

            foreach (var (source, targetId) in merges)
            {
                // A target moved above has a new path: read it again.
                var target = await db.Units.SingleAsync(u => u.Id == targetId, cancellationToken);
                await merger.MergeAsync(source, target, basis, effectiveOn, cancellationToken);
            }

            if (level is not null)
            {
                retired = await merger.RetireLevelAsync(level, basis, effectiveOn, cancellationToken);
            }

            foreach (var (organisation, parent) in placements)
            {
                organisation.PlaceUnder(parent, effectiveOn, today, basis);
                audit.Record(nameof(Domain.Organisations.Organisation), organisation.Id, HistoryAction.Updated, $"{organisation.Name} → {parent.Name}: {basis}", organisation.UnitId);
            }

            var decision = new Reorganisation(basis, effectiveOn)
            {
                RetiredLevelId = level?.Id,
                Outcome = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"merged {merges.Count}; moved {moves.Count}; retired {retired}; organisations placed {placements.Count}"),
            };
            db.Reorganisations.Add(decision);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Reorganisation), decision.Id, HistoryAction.Created, $"{basis} ({effectiveOn:dd/MM/yyyy}): {decision.Outcome}", scope.UnitId);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DomainException e) when (e.Code.StartsWith("span.", StringComparison.Ordinal))
        {
            // A unit or organisation renamed after the decision's day: nothing is committed, nothing stays tracked.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new ReorganisationOutcome(UseCaseResult.Invalid(nameof(ReorganisationInput.EffectiveOn), localizer["Units.EffectiveBeforeCurrent"]));
        }

        logger.LogInformation("Reorganisation applied: {Merged} merged, {Moved} moved, {Retired} retired, {Placed} organisations placed", merges.Count, moves.Count, retired, placements.Count);
        return new ReorganisationOutcome(UseCaseResult.Done(scope.UnitId), merges.Count, moves.Count, retired, placements.Count);
    }

    /// <summary>
    /// The units <paramref name="source"/> may be merged into: of its level, still taking records, outside its own
    /// subtree, and managed by <paramref name="user"/>. The merge form lists these and the merger accepts only these.
    /// </summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> MergeTargetsAsync(ClaimsPrincipal user, Unit source, CancellationToken cancellationToken)
    {
        var (id, levelId, path) = (source.Id, source.LevelId, source.Path);
        var candidates = await db.Units.AsNoTracking().InScope(user.GetScopeOrNone()).TakingRecords()
            .Where(u => u.Id != id && u.LevelId == levelId)
            .Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(cancellationToken);
        var targets = new List<(int, string)>();
        foreach (var u in candidates.ByName(u => u.Name).Where(u => !u.Path.StartsWith(path, StringComparison.Ordinal)))
        {
            if (await authorization.MayAsync(user, new UnitResource(u.Path), AdministrationOperations.ManageUnit))
            {
                targets.Add((u.Id, u.Name));
            }
        }

        return targets;
    }

    /// <summary>
    /// The tracked unit when <paramref name="user"/> may rename or merge it: 404 outside their tree, 403 for their own
    /// unit, without the role, or for a unit already merged (it only keeps its history).
    /// </summary>
    public async Task<(Unit? Unit, UseCaseResult? Refusal)> LoadManagedAsync(ClaimsPrincipal user, int unitId, CancellationToken cancellationToken)
    {
        var unit = await db.Units.InScope(user.GetScopeOrNone()).Include(u => u.Level).Include(u => u.Namings).SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is null)
        {
            return (null, UseCaseResult.NotFound);
        }

        var access = await authorization.CheckAsync(user, new UnitResource(unit.Path), AdministrationOperations.ManageUnit);
        if (access != Access.Allowed)
        {
            return (null, UseCaseResult.Refused(access));
        }

        return unit.TakesRecords ? (unit, null) : (null, UseCaseResult.Forbidden);
    }

    /// <summary>
    /// Unit <paramref name="unitId"/> for its administration page, to be read even when it no longer takes records
    /// (merged, or retired with its level): its names over time and what ended it stay readable to whoever may
    /// manage it (issue 16 trial: the top administrator got 403 on retired Kỳ Anh). 404 out of scope, 403 without
    /// the right; changing it still goes through <see cref="LoadManagedAsync"/>.
    /// </summary>
    public async Task<(Unit? Unit, UseCaseResult? Refusal)> LoadForReadingAsync(ClaimsPrincipal user, int unitId, CancellationToken cancellationToken)
    {
        var unit = await db.Units.InScope(user.GetScopeOrNone()).Include(u => u.Level).Include(u => u.Namings).SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is null)
        {
            return (null, UseCaseResult.NotFound);
        }

        var access = await authorization.CheckAsync(user, new UnitResource(unit.Path), AdministrationOperations.ManageUnit);
        return access == Access.Allowed ? (unit, null) : (null, UseCaseResult.Refused(access));
    }

    /// <summary>A parent, a level, a name within <see cref="Unit.NameMaxLength"/> and a key as <see cref="Unit.IsValidCode"/> says.</summary>
    public sealed class NewUnitValidator : AbstractValidator<NewUnitInput>
    {
        public NewUnitValidator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.ParentId).NotNull().WithName(_ => localizer["Units.Parent"]);
            RuleFor(x => x.LevelId).NotNull().WithName(_ => localizer["Units.Level"]);
            RuleFor(x => x.Name).NotEmpty().MaximumLength(Unit.NameMaxLength).WithName(_ => localizer["Units.Name"]);
            RuleFor(x => x.Code).NotEmpty().MaximumLength(Unit.CodeMaxLength).WithName(_ => localizer["Units.Code"]);
            RuleFor(x => x.Code).Must(Unit.IsValidCode).When(x => !string.IsNullOrEmpty(x.Code)).WithMessage(_ => localizer["Admin.CodeFormat"]);
        }
    }

    /// <summary>The same name and key rules as for a new unit.</summary>
    public sealed class DetailsValidator : AbstractValidator<UnitDetailsInput>
    {
        public DetailsValidator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(Unit.NameMaxLength).WithName(_ => localizer["Units.Name"]);
            RuleFor(x => x.Code).NotEmpty().MaximumLength(Unit.CodeMaxLength).WithName(_ => localizer["Units.Code"]);
            RuleFor(x => x.Code).Must(Unit.IsValidCode).When(x => !string.IsNullOrEmpty(x.Code)).WithMessage(_ => localizer["Admin.CodeFormat"]);
            RuleFor(x => x.Basis).MaximumLength(DatedSpan.BasisMaxLength).WithName(_ => localizer["Units.RenameBasis"]);
        }
    }

    /// <summary>A legal basis (at most <see cref="Reorganisation.LegalBasisMaxLength"/> characters), an effective day and the confirmation box ticked.</summary>
    public sealed class ReorganisationValidator : AbstractValidator<ReorganisationInput>
    {
        /// <summary>The rules with their Vietnamese messages.</summary>
        public ReorganisationValidator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.LegalBasis).NotEmpty().MaximumLength(Reorganisation.LegalBasisMaxLength).WithName(_ => localizer["Reorganisation.LegalBasis"]);
            RuleFor(x => x.EffectiveOn).NotNull().WithName(_ => localizer["Reorganisation.EffectiveOn"]);
            RuleFor(x => x.Confirm).Equal(true).WithMessage(_ => localizer["Units.MergeConfirmRequired"]);
        }
    }

    /// <summary>A target, a reason (at most 500 characters) and the confirmation box ticked.</summary>
    public sealed class MergeValidator : AbstractValidator<UnitMergeInput>
    {
        public MergeValidator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.TargetId).NotNull().WithName(_ => localizer["Units.MergeTarget"]);
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(500).WithName(_ => localizer["Units.MergeReason"]);
            RuleFor(x => x.Confirm).Equal(true).WithMessage(_ => localizer["Units.MergeConfirmRequired"]);
        }
    }
}
