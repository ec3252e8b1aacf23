using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Application.Plans;

/// <summary>
/// A matter still unresolved from a unit's earlier dialogues, shown once however often it was raised: its latest
/// raising (<paramref name="LatestId"/>, its text, state, addressed body and due date), how many times it was raised
/// (<paramref name="Times"/>) and since when (<paramref name="Since"/>, the Vietnam date of the first meeting).
/// </summary>
public sealed record CarriedMatter(
    int MatterId, int LatestId, string Content, RecommendationStatus Status, string? AddressedTo, DateOnly? DueOn, bool Overdue,
    int Times, DateOnly Since, DateOnly LastRaisedOn);

/// <summary>
/// The unresolved recommendations carried over from a unit's earlier dialogues (kiến nghị đã đề xuất nhiều lần nhưng
/// chưa giải quyết, the host office's brief in district guidance such as Tuy Phong's; issue 18, deliver 2 and 6; ADR
/// 0026): open recommendations of the unit's own published meetings held before a day, one line per matter
/// (<see cref="Recommendation.MatterId"/>), the longest-standing first.
/// </summary>
public static class CarriedOverMatters
{
    /// <summary>
    /// The matters of unit <paramref name="unitId"/> still open, from its published meetings held before
    /// <paramref name="before"/> (Vietnam date), leaving out meeting <paramref name="exceptMeetingId"/>; overdue as on
    /// <paramref name="today"/>. Read untracked in three queries whatever the count.
    /// </summary>
    public static async Task<IReadOnlyList<CarriedMatter>> ForUnitAsync(
        MeetingPortalDbContext db, int unitId, DateOnly before, int? exceptMeetingId, DateOnly today, CancellationToken cancellationToken)
    {
        var open = RecommendationStatuses.Open.ToArray();
        var rows = await db.Recommendations.AsNoTracking().Where(Recommendation.Followed)
            .Where(r => r.Meeting!.UnitId == unitId && r.Meeting.HeldOn < before && r.MeetingId != exceptMeetingId && open.Contains(r.Status))
            .Select(r => new
            {
                r.Id,
                Matter = r.RecurrenceOfId ?? r.Id,
                r.Content,
                r.Status,
                AddressedTo = r.AddressedToOrganisation!.Name,
                r.DueOn,
                MeetingStatus = r.Meeting!.Status,
                r.Meeting.HeldOn,
            })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var matterIds = rows.Select(r => r.Matter).Distinct().ToList();
        // Every raising of each matter counts, answered or not, in this unit or another: "how many times, since when".
        var history = (await db.Recommendations.AsNoTracking().Where(Recommendation.Followed)
                .Where(r => matterIds.Contains(r.RecurrenceOfId ?? r.Id))
                .GroupBy(r => r.RecurrenceOfId ?? r.Id)
                .Select(g => new { Matter = g.Key, Times = g.Count(), Since = g.Min(r => r.Meeting!.HeldOn) })
                .ToListAsync(cancellationToken))
            .ToDictionary(h => h.Matter);
        return rows.GroupBy(r => r.Matter)
            .Select(g =>
            {
                var latest = g.OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id).First();
                var known = history.GetValueOrDefault(g.Key);
                return new CarriedMatter(
                    g.Key, latest.Id, latest.Content, latest.Status, latest.AddressedTo, latest.DueOn,
                    RecommendationStatuses.IsOverdue(latest.Status, latest.DueOn, latest.MeetingStatus, today),
                    known?.Times ?? g.Count(), known?.Since ?? g.Min(r => r.HeldOn), latest.HeldOn);
            })
            .OrderBy(m => m.Since).ThenBy(m => m.MatterId)
            .ToList();
    }
}
