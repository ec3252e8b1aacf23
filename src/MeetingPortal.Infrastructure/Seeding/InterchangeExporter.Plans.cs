using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Seeding;

// Format version 5 (issue 18, deliver 1; ADR 0025): the units' dialogue plans, by codes and names only.
public sealed partial class InterchangeExporter
{
    /// <summary>
    /// Every entry of the plans of the units in <paramref name="scopePath"/> (every unit when null), by unit code, period
    /// and topic: the host and the bodies taking part by name, the meeting that held it by its key, the recommendations
    /// gathered for it (ADR 0026). Null when none.
    /// </summary>
    private async Task<List<PlannedDialogueData>?> PlansAsync(string? scopePath, CancellationToken cancellationToken)
    {
        var entries = (await db.PlannedDialogues.AsNoTracking().AsSplitQuery()
            .Select(p => new
            {
                p.Id,
                UnitCode = p.Unit!.Code,
                UnitPath = p.Unit.Path,
                p.PeriodKind,
                p.Year,
                p.PeriodNumber,
                p.StartsOn,
                p.Topic,
                p.HostOrganisationId,
                Counterparts = p.Counterparts.Select(c => c.OrganisationId).ToList(),
                p.WithPeople,
                p.PlannedFormat,
                Meeting = p.Meeting == null ? null : new { UnitCode = p.Meeting.Unit!.Code, p.Meeting.HeldOn, p.Meeting.Title },
                p.CancelledOn,
                p.CancelReason,
                Gathered = db.GatheredRecommendations.Where(g => g.PlannedDialogueId == p.Id).OrderBy(g => g.SubmittedOn).ThenBy(g => g.Id)
                    .Select(g => new { g.Content, g.RaisedByOrganisationId, g.SubmittedOn, Theme = g.Theme!.Code, g.AddressedToOrganisationId, g.OnAgenda, RaisedAs = (int?)g.Recommendation!.Order })
                    .ToList(),
            })
            .ToListAsync(cancellationToken))
            .Where(p => scopePath is null || Unit.IsInScope(p.UnitPath, scopePath))
            .OrderBy(p => p.UnitCode, StringComparer.Ordinal).ThenBy(p => p.StartsOn).ThenBy(p => p.Id)
            .ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        var bodyIds = entries.SelectMany(p => p.Counterparts.Append(p.HostOrganisationId ?? 0)
                .Concat(p.Gathered.SelectMany(g => new[] { g.RaisedByOrganisationId, g.AddressedToOrganisationId ?? 0 })))
            .Where(id => id != 0).ToHashSet();
        var names = await db.Organisations.AsNoTracking().Where(o => bodyIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return entries.Select(p => new PlannedDialogueData(p.UnitCode, new PeriodData(p.PeriodKind, p.Year, p.PeriodNumber), p.Topic)
        {
            Host = p.HostOrganisationId is { } host ? names[host] : null,
            Counterparts = p.Counterparts.Count == 0 ? null : p.Counterparts.Select(id => names[id]).Order(StringComparer.Ordinal).ToList(),
            WithPeople = p.WithPeople ? true : null,
            Format = p.PlannedFormat == MeetingFormat.NotStated ? null : p.PlannedFormat,
            Meeting = p.Meeting is { } m ? new MeetingReferenceData(m.UnitCode, m.HeldOn, m.Title) : null,
            CancelledOn = p.CancelledOn,
            CancelReason = p.CancelReason,
            Gathered = p.Gathered.Count == 0 ? null : p.Gathered.Select(g => new GatheredRecommendationData(g.Content, names[g.RaisedByOrganisationId], g.SubmittedOn)
            {
                Theme = g.Theme,
                AddressedTo = g.AddressedToOrganisationId is { } addressed ? names[addressed] : null,
                OnAgenda = g.OnAgenda && g.RaisedAs is null ? true : null,
                RaisedAs = g.RaisedAs,
            }).ToList(),
        }).ToList();
    }
}
