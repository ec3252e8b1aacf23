using MeetingPortal.Domain.Recommendations;

namespace MeetingPortal.Domain.Meetings;

/// <summary>
/// One line of a meeting's report on the recommendations of earlier dialogues still unresolved ("kết quả giải quyết kiến
/// nghị kỳ trước", the first item of the next meeting; issue 18, deliver 6; ADR 0025, section 5): the earlier
/// recommendation, and what the report said of it when the recorder put it in — its state that day, how many times the
/// matter had been raised and since when. The snapshot stays as recorded when the recommendation moves on, because the
/// minutes say what was reported at the meeting; pages show today's state beside it.
/// </summary>
public class CarriedOverRecommendation
{
    private CarriedOverRecommendation()
    {
    }

    internal CarriedOverRecommendation(CarriedOverReport report, int order)
    {
        RecommendationId = report.RecommendationId;
        ReportedStatus = report.Status;
        TimesRaised = report.TimesRaised;
        FirstRaisedOn = report.FirstRaisedOn;
        Order = order;
    }

    public int MeetingId { get; private set; }

    /// <summary>The earlier recommendation reported on: the latest raising of its matter when the report was made.</summary>
    public int RecommendationId { get; private set; }

    public Recommendation? Recommendation { get; private set; }

    /// <summary>The line's place in the report, from 1.</summary>
    public int Order { get; internal set; }

    /// <summary>The recommendation's state when the line was put in the report: always one of <see cref="RecommendationStatuses.Open"/>.</summary>
    public RecommendationStatus ReportedStatus { get; private set; }

    /// <summary>How many times the matter had been raised by then (1 for a matter raised once).</summary>
    public int TimesRaised { get; private set; }

    /// <summary>The Vietnam date of the meeting that first raised the matter.</summary>
    public DateOnly FirstRaisedOn { get; private set; }
}

/// <summary>
/// What a meeting's carried-over report is given for one earlier recommendation (<see cref="Meeting.ReportCarriedOver"/>):
/// the recommendation, the meeting that raised it (its unit, Vietnam date and whether it is published), its state as
/// reported, and how many times its matter had been raised since which Vietnam date.
/// </summary>
public sealed record CarriedOverReport(
    int RecommendationId, int RaisedInUnitId, DateOnly RaisedOn, bool RaisedInPublishedRecord, RecommendationStatus Status, int TimesRaised,
    DateOnly FirstRaisedOn)
{
    /// <summary>
    /// Whether a meeting of unit <paramref name="unitId"/> held on <paramref name="heldOn"/> (Vietnam date) may report on
    /// it: raised in a published meeting of the same unit held before that day (the rule of
    /// <see cref="Meeting.ReportCarriedOver"/>, "meeting.carry-not-earlier").
    /// </summary>
    public bool IsEarlierOf(int unitId, DateOnly heldOn) => RaisedInUnitId == unitId && RaisedInPublishedRecord && RaisedOn < heldOn;
}
