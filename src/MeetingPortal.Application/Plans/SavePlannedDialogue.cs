using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Plans;

/// <summary>
/// An entry of unit <paramref name="UnitId"/>'s dialogue plan for <paramref name="Year"/> as typed: new when
/// <paramref name="Id"/> is null, else a change of that entry as of <paramref name="Version"/>. <paramref name="Period"/>
/// is "Month-{1..12}" or "Quarter-{1..4}" (of <paramref name="Year"/>); the host and the counterparts are body ids of
/// the unit or a unit above it.
/// </summary>
public sealed record SavePlannedDialogueCommand(
    int? Id, int Version, int UnitId, int Year, string? Period, string? Topic, int? HostOrganisationId, MeetingFormat Format, bool WithPeople, IReadOnlyList<int> CounterpartIds);

/// <summary>
/// Adds an entry to a unit's dialogue plan or changes one (issue 18, deliver 1): loads the unit (404 out of scope),
/// authorizes <see cref="PlanOperations.Write"/> (403 for a missing role), checks what is typed (messages beside the
/// fields, nothing saved), calls the domain and saves once with a history row.
/// </summary>
public sealed class SavePlannedDialogue(
    MeetingPortalDbContext db, IAuthorizationService authorization, AuditTrail audit, IValidator<SavePlannedDialogueCommand> validator,
    IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The form's period values of a plan's year: the four quarters, then the twelve months.</summary>
    public static IEnumerable<(string Value, ReviewPeriod Period)> PeriodsOf(int year) =>
        Enumerable.Range(1, 4).Select(q => ($"Quarter-{q}", new ReviewPeriod(PeriodKind.Quarter, year, q)))
            .Concat(Enumerable.Range(1, 12).Select(m => ($"Month-{m}", new ReviewPeriod(PeriodKind.Month, year, m))));

    /// <summary>The form's value of a planned period ("Quarter-2", "Month-5").</summary>
    public static string ValueOf(ReviewPeriod period) => $"{period.Kind}-{period.Number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Saves the entry; Done carries its id.</summary>
    public async Task<UseCaseResult> RunAsync(ClaimsPrincipal user, SavePlannedDialogueCommand command, CancellationToken cancellationToken)
    {
        PlannedDialogue? entry = null;
        var unitId = command.UnitId;
        if (command.Id is { } id)
        {
            entry = await db.PlannedDialogues.Include(p => p.Counterparts).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (entry is null)
            {
                return UseCaseResult.NotFound;
            }

            unitId = entry.UnitId;
        }

        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Path, Takes = u.MergedIntoId == null && u.RetiredOn == null }).SingleOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return UseCaseResult.NotFound;
        }

        var unitPath = unit.Path;

        var access = await authorization.CheckAsync(user, new PlanResource(unitPath), PlanOperations.Write);
        if (access != Access.Allowed)
        {
            return UseCaseResult.Refused(access);
        }

        // A stale page wins over its input's refusals (as AggregateChange does): the user must see the newer entry first.
        if (entry is not null && entry.Version != command.Version)
        {
            return UseCaseResult.Stale(localizer["Plans.Stale"]);
        }

        var year = entry?.Year ?? command.Year;
        var errors = (await validator.ValidateAsync(command with { Year = year }, cancellationToken)).ToErrors();
        var period = ReviewPeriod.IsValidYear(year) ? PeriodsOf(year).Where(p => p.Value == command.Period).Select(p => (ReviewPeriod?)p.Period).FirstOrDefault() : null;
        if (period is null && ReviewPeriod.IsValidYear(year) && errors.All(e => e.Field != nameof(command.Period)))
        {
            errors.Add(new UseCaseError(nameof(command.Period), localizer["Plans.PeriodRequired"]));
        }

        // Bodies of the unit and the units above it: a commune's dialogue may name the province's Front, never a neighbour's.
        var lineage = Domain.Units.Unit.IdsOf(unitPath);
        var named = command.CounterpartIds.Append(command.HostOrganisationId ?? 0).Where(i => i != 0).Distinct().ToList();
        var known = await db.Organisations.AsNoTracking().Where(o => named.Contains(o.Id) && lineage.Contains(o.UnitId)).Select(o => o.Id).ToListAsync(cancellationToken);
        if (command.HostOrganisationId is { } host && !known.Contains(host))
        {
            errors.Add(new UseCaseError(nameof(command.HostOrganisationId), localizer["Plans.UnknownBody"]));
        }

        if (command.CounterpartIds.Any(c => !known.Contains(c)))
        {
            errors.Add(new UseCaseError(nameof(command.CounterpartIds), localizer["Plans.UnknownBody"]));
        }

        // A merged or retired unit takes no new records (ADR 0005, 0018); its plan as it stood can still be corrected.
        if (entry is null && !unit.Takes)
        {
            errors.Add(new UseCaseError(string.Empty, localizer["Plans.UnitClosed"]));
        }

        if (errors.Count > 0)
        {
            return UseCaseResult.Invalid(errors);
        }

        var seenVersion = entry?.Version ?? 0;

        try
        {
            if (entry is null)
            {
                entry = new PlannedDialogue(unitId, period!.Value, command.Topic!);
                entry.Change(period.Value, command.Topic!, command.HostOrganisationId, command.Format, command.WithPeople, command.CounterpartIds);
                db.PlannedDialogues.Add(entry);

                // The history row needs the new id: both saves stand or fall together.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                audit.Record(nameof(PlannedDialogue), entry.Id, HistoryAction.Created, localizer["Plans.History.Added"], unitId);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return UseCaseResult.Done(entry.Id);
            }

            entry.Change(period!.Value, command.Topic!, command.HostOrganisationId, command.Format, command.WithPeople, command.CounterpartIds);
            audit.Record(nameof(PlannedDialogue), entry.Id, HistoryAction.Updated, localizer["Plans.History.Changed"], unitId);
            db.SaveAsOf(entry, seenVersion);
            await db.SaveChangesAsync(cancellationToken);
            return UseCaseResult.Done(entry.Id);
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult.Invalid(ex.Code == "plan.topic" ? nameof(command.Topic) : string.Empty, localizer.For(ex));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult.Stale(localizer["Plans.Stale"]);
        }
    }

    /// <summary>What is typed: a topic within <see cref="PlannedDialogue.TopicMaxLength"/>, a known format.</summary>
    public sealed class Validator : AbstractValidator<SavePlannedDialogueCommand>
    {
        public Validator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.Topic).NotEmpty().MaximumLength(PlannedDialogue.TopicMaxLength).WithName(_ => localizer["Plans.Topic"]);
            RuleFor(x => x.Format).IsInEnum().WithMessage(_ => localizer["Plans.FormatUnknown"]);
            RuleFor(x => x.Year).Must(ReviewPeriod.IsValidYear).WithMessage(_ => localizer["Plans.YearInvalid"]);
        }
    }
}
