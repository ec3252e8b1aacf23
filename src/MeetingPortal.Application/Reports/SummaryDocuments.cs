using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Reports;

/// <summary>
/// A summary as computed: the document every view draws from, and the current period's figures behind it.
/// <see cref="Key"/> names it in <see cref="SummaryCache"/> (null when computed outside it): what the page drew
/// from the same key is the same, so its rendering may be kept under that key too.
/// </summary>
public sealed record ComputedSummary(ReportDocument Document, SummaryFigures Current)
{
    public string? Key { get; init; }
}

/// <summary>
/// Computes a unit's summary for a period once and lays it out (<see cref="SummaryReport"/>): the page, the exports and
/// a freeze all take their figures from here, so they cannot differ. The caller has checked that the user may read the
/// unit's summaries.
/// </summary>
public sealed class SummaryDocuments(SummaryCalculator calculator, SummaryReport layout, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>How many periods the trend shows.</summary>
    public const int TrendPeriods = 8;

    /// <summary>The latest year with a published meeting in <paramref name="unit"/>'s subtree (<see cref="SummaryCalculator.LatestYearWithRecordsAsync"/>).</summary>
    public Task<int?> LatestYearWithRecordsAsync(UnitScope unit, CancellationToken cancellationToken) => calculator.LatestYearWithRecordsAsync(unit, cancellationToken);

    /// <summary>
    /// The summary of <paramref name="unit"/>'s subtree (named <paramref name="unitName"/>) for <paramref name="period"/>,
    /// compared with the period before (none before year 1), with the eight-period trend; counted today (Vietnam date).
    /// <paramref name="periodQuery"/> is the summary page's query for the period, kept by the links to child units.
    /// With <paramref name="then"/> the units are counted as they stood on its day (the period's last day; ADR 0018):
    /// the unit under its name of that day, and without links, since the lists they would open show today's tree.
    /// </summary>
    public async Task<ComputedSummary> ComputeAsync(UnitScope unit, string unitName, ReportPeriod period, IReadOnlyDictionary<string, string> periodQuery, CancellationToken cancellationToken, TreeThen? then = null)
    {
        var current = await calculator.CalculateAsync(unit, period, details: true, cancellationToken, then);
        var before = period.Previous();
        var previous = before is { } p ? await calculator.CalculateAsync(unit, p, details: false, cancellationToken, then) : null;
        var trend = await calculator.TrendAsync(unit, period, TrendPeriods, cancellationToken, then);
        var document = layout.Build(new SummaryInput(
            unit.UnitId, unitName, period, PeriodNames.Name(localizer, period), before is { } b ? PeriodNames.Name(localizer, b) : null, current, previous,
            trend.Select(t => (PeriodNames.Name(localizer, t.Period), t.Recommendations, t.Answered)).ToList(), periodQuery));
        return new ComputedSummary(then is null ? document : document.WithoutLinks(), current);
    }
}
