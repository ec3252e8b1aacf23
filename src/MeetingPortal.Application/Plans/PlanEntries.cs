using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Infrastructure.Monitoring;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingPortal.Application.Plans;

/// <summary>One entry of a dialogue plan as its pages show it, with where it stands today (the domain's rule).</summary>
public sealed record PlanEntryView(
    int Id, int Version, int UnitId, string UnitName, string UnitPath, ReviewPeriod Period, string Topic, string? Host, IReadOnlyList<string> Counterparts,
    bool WithPeople, MeetingFormat PlannedFormat, PlannedDialogueState State, int? MeetingId, string? MeetingTitle, DateOnly? MeetingHeldOn,
    DateOnly? CancelledOn, string? CancelReason);

/// <summary>Reads plan entries for the plan pages: each with its state by <see cref="PlannedDialogue.StateOn"/>.</summary>
public sealed class PlanEntries(MeetingPortalDbContext db, CalendarService calendar, IOptions<MonitoringOptions> monitoring)
{
    /// <summary>The entries <paramref name="entries"/> selects, by period start then topic; today is the Vietnam date.</summary>
    public async Task<IReadOnlyList<PlanEntryView>> ReadAsync(IQueryable<PlannedDialogue> entries, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var until = await PlanProgressQuery.DueSoonUntilAsync(calendar, monitoring, cancellationToken);
        var loaded = await entries.AsNoTracking().AsSplitQuery().Include(p => p.Meeting).Include(p => p.Counterparts).Include(p => p.Unit)
            .OrderBy(p => p.StartsOn).ThenBy(p => p.EndsOn).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var bodyIds = loaded.SelectMany(p => p.Counterparts.Select(c => c.OrganisationId)).Concat(loaded.Where(p => p.HostOrganisationId != null).Select(p => p.HostOrganisationId!.Value)).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => bodyIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return loaded.Select(p => new PlanEntryView(
                p.Id, p.Version, p.UnitId, p.Unit!.Name, p.Unit.Path, p.Period, p.Topic, p.HostOrganisationId is { } host ? names.GetValueOrDefault(host) : null,
                p.Counterparts.Select(c => names.GetValueOrDefault(c.OrganisationId) ?? string.Empty).Order(VietnameseOrder.Names).ToList(),
                p.WithPeople, p.PlannedFormat, p.StateOn(today, until), p.MeetingId, p.Meeting?.Title, p.Meeting?.HeldOn, p.CancelledOn, p.CancelReason))
            .ToList();
    }
}
