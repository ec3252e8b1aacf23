using MeetingPortal.Application.Plans;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Application.Meetings;

/// <summary>
/// A line the meeting form offers for the report on earlier recommendations (issue 18, deliver 6): the recommendation
/// (<paramref name="RecommendationId"/>, its text and addressed body), the meeting that raised it (unit, Vietnam date,
/// published or not), the state the report gives it (<paramref name="Status"/>: as recorded for a line already in the
/// report, today's otherwise) beside today's (<paramref name="CurrentStatus"/>), whether it is overdue today, how many
/// times its matter was raised since which Vietnam date, and whether the report already holds it
/// (<paramref name="Reported"/>).
/// </summary>
public sealed record CarriedOverOption(
    int RecommendationId, string Content, string? AddressedTo, int RaisedInUnitId, DateOnly RaisedOn, bool RaisedInPublishedRecord,
    RecommendationStatus Status, RecommendationStatus CurrentStatus, bool Overdue, int TimesRaised, DateOnly FirstRaisedOn, bool Reported)
{
    /// <summary>What the meeting's report records of this line (<see cref="Meeting.ReportCarriedOver"/>).</summary>
    public CarriedOverReport Report => new(RecommendationId, RaisedInUnitId, RaisedOn, RaisedInPublishedRecord, Status, TimesRaised, FirstRaisedOn);
}

/// <summary>
/// What a meeting of a unit may report on as "kết quả giải quyết kiến nghị kỳ trước" (issue 18, deliver 6; ADR 0025,
/// section 5): the lines its report holds already, in their order, then each matter still unresolved from the unit's
/// earlier published dialogues (<see cref="CarriedOverMatters"/>, the query the agenda reads), the longest-standing
/// first. The form offers these, the save accepts only these, and the minutes print the report.
/// </summary>
public static class CarriedOverOffer
{
    /// <summary>
    /// The lines for a meeting of unit <paramref name="unitId"/> held on <paramref name="heldOn"/> (Vietnam date):
    /// <paramref name="meetingId"/> is the meeting being edited (null for a new one), whose own lines come first and whose
    /// own recommendations are never offered; overdue as on <paramref name="today"/> (Vietnam date). The caller has
    /// authorized the unit. Four queries at most, whatever the count.
    /// </summary>
    public static async Task<IReadOnlyList<CarriedOverOption>> ForAsync(
        MeetingPortalDbContext db, int unitId, DateOnly heldOn, int? meetingId, DateOnly today, CancellationToken cancellationToken)
    {
        var reported = meetingId is not { } id ? []
            : await db.CarriedOverRecommendations.AsNoTracking().Where(c => c.MeetingId == id).OrderBy(c => c.Order)
                .Select(c => new
                {
                    Matter = c.Recommendation!.RecurrenceOfId ?? c.RecommendationId,
                    Option = new CarriedOverOption(
                        c.RecommendationId, c.Recommendation.Content, c.Recommendation.AddressedToOrganisation!.Name, c.Recommendation.Meeting!.UnitId,
                        c.Recommendation.Meeting.HeldOn, c.Recommendation.Meeting.Status == MeetingStatus.Published, c.ReportedStatus,
                        c.Recommendation.Status, false, c.TimesRaised, c.FirstRaisedOn, true),
                    c.Recommendation.DueOn,
                    MeetingStatus = c.Recommendation.Meeting.Status,
                })
                .ToListAsync(cancellationToken);
        var matters = await CarriedOverMatters.ForUnitAsync(db, unitId, heldOn, meetingId, today, cancellationToken);
        var reportedMatters = reported.Select(r => r.Matter).ToHashSet();
        return reported
            .Select(r => r.Option with { Overdue = RecommendationStatuses.IsOverdue(r.Option.CurrentStatus, r.DueOn, r.MeetingStatus, today) })
            .Concat(matters.Where(m => !reportedMatters.Contains(m.MatterId)).Select(m => new CarriedOverOption(
                m.LatestId, m.Content, m.AddressedTo, unitId, m.LastRaisedOn, true, m.Status, m.Status, m.Overdue, m.Times, m.Since, false)))
            .ToList();
    }
}
