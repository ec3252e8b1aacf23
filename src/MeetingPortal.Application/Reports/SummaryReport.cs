using MeetingPortal.Domain.Directives;
using System.Globalization;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Reports;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Reports;

/// <summary>What a summary document is made from: the unit, the period and its name, both periods' figures and the trend.</summary>
/// <param name="PeriodQuery">The summary page's own query for the period ("year", "quarter"…), so a child unit's link keeps the period.</param>
public sealed record SummaryInput(
    int UnitId, string UnitName, ReportPeriod Period, string PeriodLabel, string? PreviousLabel, SummaryFigures Current, SummaryFigures? Previous,
    IReadOnlyList<(string Label, int Recommendations, int Answered)> Trend, IReadOnlyDictionary<string, string> PeriodQuery);

/// <summary>
/// Lays a summary out as a <see cref="ReportDocument"/>: the one place that decides which figures the page, the
/// official report and the files show, in which order, under which names, with which links (issue 15, deliver 1-3).
/// </summary>
public sealed class SummaryReport(IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The tracker page a recommendation figure opens.</summary>
    public const string TrackerPage = "/Recommendations/Index";

    /// <summary>The meeting list a meeting figure opens.</summary>
    public const string MeetingsPage = "/Meetings/Index";

    /// <summary>The task list a directive figure opens.</summary>
    public const string DirectivesPage = "/Directives/Index";

    /// <summary>The summary page a child unit's name opens.</summary>
    public const string SummaryPage = "/Reports/Quarterly";


    /// <summary>Ids of the tables, the same on the page (section ids), in the stored report and in the files.</summary>
    public static class Tables
    {
        public const string KeyFigures = "key-figures";
        public const string Children = "children";
        public const string Scorecards = "scorecards";
        public const string ByTheme = "by-theme";
        public const string ByRaisingOrganisation = "by-raising-organisation";
        public const string ByAddressedBody = "by-addressed-body";
        public const string Recurring = "recurring";
        public const string Trend = "trend";
    }

    /// <summary>Builds the document; <paramref name="input"/>'s figures are not recomputed.</summary>
    public ReportDocument Build(SummaryInput input)
    {
        var c = input.Current;
        var p = input.Previous;
        var u = input.UnitId;
        var tables = new List<ReportTable>
        {
            KeyFigures(input, c, p, u),
            Children(input, c),
            Scorecards(input.Period, c, u),
            Breakdown(Tables.ByTheme, localizer["Report.ByTheme"], input.Period, c.ByTheme, u, "theme"),
            Breakdown(Tables.ByRaisingOrganisation, localizer["Report.ByRaisingOrganisation"], input.Period, c.ByRaisingOrganisation, u, "raisedBy"),
            Breakdown(Tables.ByAddressedBody, localizer["Report.ByAddressedBody"], input.Period, c.ByAddressedBody, u, "addressedTo"),
            Recurring(c),
            new(Tables.Trend, localizer["Report.ChartTrend"], localizer["Report.ChartTrendDesc"], localizer["Report.Period"],
                [localizer["Report.Recommendations"], localizer["Report.Answered"]],
                input.Trend.Select(t => new ReportRow(t.Label, 0, null, [new ReportValue(ValueKind.Count, t.Recommendations), new ReportValue(ValueKind.Count, t.Answered, t.Recommendations)])).ToList()),
        };
        return new ReportDocument(u, input.UnitName, input.PeriodLabel, input.PreviousLabel, input.Period.Start, input.Period.End, c.CountedOn,
            tables, Charts(input), Definitions());
    }

    private static Dictionary<string, string> Criteria(int unitId, params (string Key, string Value)[] extra)
    {
        var criteria = new Dictionary<string, string>
        {
            ["unit"] = unitId.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra)
        {
            criteria[key] = value;
        }

        return criteria;
    }

    private static Dictionary<string, string> Dated(ReportPeriod period, int unitId, params (string Key, string Value)[] extra)
    {
        var criteria = Criteria(unitId, extra);
        criteria["from"] = period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        criteria["to"] = period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return criteria;
    }

    /// <summary>The tracker, limited to what summaries count (published meetings) and the period.</summary>
    private static ReportLink Tracker(ReportPeriod period, int unitId, params (string Key, string Value)[] extra) =>
        new(TrackerPage, Dated(period, unitId, [("published", "true"), .. extra]));

    /// <summary>The task list, limited to what summaries count (published meetings) and the period.</summary>
    private static ReportLink Tasks(ReportPeriod period, int unitId, params (string Key, string Value)[] extra) =>
        new(DirectivesPage, Dated(period, unitId, [("published", "true"), .. extra]));

    private ReportTable KeyFigures(SummaryInput input, SummaryFigures c, SummaryFigures? p, int u)
    {
        var period = input.Period;
        var rows = new List<ReportRow>();

        // One row: this period (with its links), the one before, and the change of the first part.
        void Row(string label, int level, Func<SummaryFigures, int> part, Func<SummaryFigures, int?>? whole = null, ReportLink? link = null, ReportLink? wholeLink = null, bool compare = true)
        {
            var now = new ReportValue(ValueKind.Count, part(c), whole?.Invoke(c), link, wholeLink);
            var before = compare && p is not null ? new ReportValue(ValueKind.Count, part(p), whole?.Invoke(p)) : null;
            var change = before is not null ? new ReportValue(ValueKind.Change, part(c) - part(p!)) : null;
            rows.Add(new ReportRow(label, level, null, [now, before, change]));
        }

        void Stated(string label, Func<SummaryFigures, int> count)
        {
            ReportValue? Of(SummaryFigures? f) => f is null ? null : new ReportValue(ValueKind.Count, f.MeetingsStatingCounts == 0 ? null : count(f));
            var before = Of(p);
            var change = c.MeetingsStatingCounts > 0 && p is { MeetingsStatingCounts: > 0 } ? new ReportValue(ValueKind.Change, count(c) - count(p)) : null;
            rows.Add(new ReportRow(label, 1, null, [Of(c), before, change]));
        }

        void Days(string label, Func<SummaryFigures, double?> days) => rows.Add(new ReportRow(label, 0, null,
            [new ReportValue(ValueKind.WorkingDays, days(c)), p is null ? null : new ReportValue(ValueKind.WorkingDays, days(p)), null]));

        Row(localizer["Report.Meetings"], 0, f => f.Meetings, link: new ReportLink(MeetingsPage, Dated(period, u, ("status", "Published"))));
        foreach (var type in Enum.GetValues<MeetingType>())
        {
            Row(localizer["MeetingType." + type], 1, f => f.MeetingsByType.GetValueOrDefault(type),
                link: new ReportLink(MeetingsPage, Dated(period, u, ("status", "Published"), ("type", type.ToString()))));
        }

        Row(localizer["Report.Speeches"], 0, f => f.Speeches, compare: false);
        Row(localizer["Report.Organisations"], 0, f => f.Organisations, compare: false);
        Row(localizer["Report.Recommendations"], 0, f => f.Recommendations, link: Tracker(period, u));
        Row(localizer["Report.Matters"], 1, f => f.Matters);
        // What meetings state of themselves, beside what their records hold; "—" where no meeting stated a count.
        Row(localizer["Report.MeetingsStating"], 0, f => f.MeetingsStatingCounts);
        Stated(localizer["Report.StatedRecommendations"], f => f.StatedRecommendations);
        Stated(localizer["Report.RecordedInStating"], f => f.RecordedInStatingMeetings);
        Stated(localizer["Report.StatedOpinions"], f => f.StatedOpinions);
        Row(localizer["Report.Answered"], 0, f => f.Answered, f => f.Recommendations, Tracker(period, u, ("answered", "true")), Tracker(period, u));
        Row(localizer["Report.Resolved"], 0, f => f.Resolved, f => f.Recommendations, Tracker(period, u, ("resolved", "true")), Tracker(period, u));
        Row(localizer["Report.OnTime"], 0, f => f.OnTime, f => f.Due, Tracker(period, u, ("onTime", "true")), Tracker(period, u, ("due", nameof(DueState.Passed))));
        Row(localizer["Report.NotYetDue"], 1, f => f.NotYetDue, link: Tracker(period, u, ("due", nameof(DueState.NotYet))));
        Row(localizer["Report.NoDueDate"], 1, f => f.NoDueDate, link: Tracker(period, u, ("due", nameof(DueState.None))));
        Days(localizer["Report.MedianAnswer"], f => f.MedianDaysToAnswer);
        Days(localizer["Report.MedianResolve"], f => f.MedianDaysToResolve);
        Row(localizer["Report.Open"], 0, f => f.Open, link: Tracker(period, u, ("open", "true")));
        Row(localizer["Report.Overdue"], 0, f => f.Overdue, link: Tracker(period, u, ("overdue", "true")));
        // Roadmaps (issue 18, deliver 3): counted now like the plan figures, so an official report frozen in format 1,
        // which says nothing of either, does not show them as zero.
        if (c.CountsPlans)
        {
            Row(localizer["Report.OnRoadmap"], 0, f => f.OnRoadmap, link: Tracker(period, u, ("onRoadmap", "true")), compare: p?.CountsPlans ?? false);
            Row(localizer["Report.RoadmapOverdue"], 1, f => f.RoadmapOverdue, f => f.OnRoadmap,
                Tracker(period, u, ("roadmapOverdue", "true")), Tracker(period, u, ("onRoadmap", "true")), compare: p?.CountsPlans ?? false);
        }

        if (c.CountsPlans)
        {
            // Planned against held (issue 18, deliver 1): the entries whose month or quarter ends in the period. Not links:
            // the drill-down opens lists that count a figure, and the plan's view (/Plans/Progress) is a table by unit.
            Row(localizer["Report.HeldDialogues"], 0, f => f.HeldDialogues, f => f.PlannedDialogues, compare: p?.CountsPlans ?? false);
            Row(localizer["Report.LateDialogues"], 1, f => f.LateDialogues, compare: p?.CountsPlans ?? false);
        }

        Row(localizer["Report.Directives"], 0, f => f.DirectivesDone, f => f.Directives,
            Tasks(period, u, ("status", "Done")), Tasks(period, u));
        Row(localizer["Report.DirectivesWithTarget"], 0, f => f.DirectivesWithTarget, link: Tasks(period, u, ("withTarget", "true")));
        Row(localizer["Report.TargetReached"], 1, f => f.TargetReached, f => f.DirectivesWithTarget,
            Tasks(period, u, ("target", nameof(TargetState.Reached))), Tasks(period, u, ("withTarget", "true")));
        Row(localizer["Report.TargetNotReached"], 1, f => f.TargetNotReached, link: Tasks(period, u, ("target", nameof(TargetState.NotReached))));
        Row(localizer["Report.TargetNotReported"], 1, f => f.TargetNotReported, link: Tasks(period, u, ("target", nameof(TargetState.NotReported))));

        return new ReportTable(Tables.KeyFigures, localizer["Report.KeyFigures"], null, localizer["Report.Figure"],
            [input.PeriodLabel, input.PreviousLabel ?? localizer["Report.NoPrevious"], localizer["Report.Change"]], rows);
    }

    private ReportTable Children(SummaryInput input, SummaryFigures c)
    {
        var period = input.Period;
        var rows = c.Children.Select(x =>
        {
            var summary = new Dictionary<string, string>(input.PeriodQuery) { ["unit"] = x.UnitId.ToString(CultureInfo.InvariantCulture) };
            // A child retired since (ADR 0018) says so beside its name: its figures are of its own records, kept in its place.
            var label = x.RetiredOn is { } retired ? localizer["Report.ChildRetired", x.Name, retired.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)].Value : x.Name;
            return new ReportRow(label, 0, new ReportLink(SummaryPage, summary),
            [
                new ReportValue(ValueKind.Count, x.Meetings, Link: new ReportLink(MeetingsPage, Dated(period, x.UnitId, ("status", "Published")))),
                new ReportValue(ValueKind.Count, x.Recommendations, Link: Tracker(period, x.UnitId)),
                new ReportValue(ValueKind.Count, x.Answered, x.Recommendations, Tracker(period, x.UnitId, ("answered", "true")), Tracker(period, x.UnitId)),
                new ReportValue(ValueKind.Count, x.Resolved, x.Recommendations, Tracker(period, x.UnitId, ("resolved", "true")), Tracker(period, x.UnitId)),
                new ReportValue(ValueKind.Count, x.Overdue, Link: Tracker(period, x.UnitId, ("overdue", "true"))),
            ]);
        }).ToList();
        return new ReportTable(Tables.Children, localizer["Report.Children"], null, localizer["Meetings.Unit"],
            [localizer["Report.Meetings"], localizer["Report.Recommendations"], localizer["Report.Answered"], localizer["Report.Resolved"], localizer["Report.Overdue"]], rows);
    }

    private ReportTable Scorecards(ReportPeriod period, SummaryFigures c, int u)
    {
        ReportRow Row(Scorecard s, int? rank) => new(s.Body, 0, null,
        [
            rank is { } r ? new ReportValue(ValueKind.Rank, r) : null,
            new ReportValue(ValueKind.Count, s.Items, Link: Tracker(period, u, ("addressedTo", s.BodyId.ToString(CultureInfo.InvariantCulture)))),
            new ReportValue(ValueKind.Count, s.OnTime, s.Due, Tracker(period, u, ("addressedTo", s.BodyId.ToString(CultureInfo.InvariantCulture)), ("onTime", "true")), Tracker(period, u, ("addressedTo", s.BodyId.ToString(CultureInfo.InvariantCulture)), ("due", nameof(DueState.Passed)))),
            new ReportValue(ValueKind.Count, s.NoDueDate, Link: Tracker(period, u, ("addressedTo", s.BodyId.ToString(CultureInfo.InvariantCulture)), ("due", nameof(DueState.None)))),
            new ReportValue(ValueKind.WorkingDays, s.MedianDaysToAnswer),
            new ReportValue(ValueKind.WorkingDays, s.MedianDaysToResolve),
        ]);
        var rows = c.Ranked.Select((s, i) => Row(s, i + 1)).Concat(c.TooFewToRank.Select(s => Row(s, null))).ToList();
        return new ReportTable(Tables.Scorecards, localizer["Report.Scorecards"], localizer["Report.ScorecardsHint", FigureDefinitions.MinimumDueToRank], localizer["Recommendation.AddressedTo"],
            [localizer["Report.Rank"], localizer["Report.Items"], localizer["Report.OnTime"], localizer["Report.NoDueDate"], localizer["Report.MedianAnswer"], localizer["Report.MedianResolve"]], rows);
    }

    private ReportTable Breakdown(string id, string title, ReportPeriod period, IReadOnlyList<Breakdown> rows, int u, string key) =>
        new(id, title, null, localizer["Report.Item"], [localizer["Report.Recommendations"]],
            rows.Select(r => new ReportRow(r.Name ?? localizer["Common.NotStated"], 0, null,
                [new ReportValue(ValueKind.Count, r.Count, Link: r.Id is { } itemId ? Tracker(period, u, (key, itemId.ToString(CultureInfo.InvariantCulture))) : null)])).ToList());

    private ReportTable Recurring(SummaryFigures c) =>
        new(Tables.Recurring, localizer["Report.Recurring"], null, localizer["Report.Matter"],
            [localizer["Report.Raisings"], localizer["Report.RaisingUnits"], localizer["Report.RaisingQuarters"]],
            c.Recurring.Select(m => new ReportRow(m.Content.Length > 160 ? m.Content[..160] + "…" : m.Content, 0,
                new ReportLink("/Recommendations/Details", new Dictionary<string, string> { ["id"] = m.MatterId.ToString(CultureInfo.InvariantCulture) }),
                [new ReportValue(ValueKind.Count, m.Raisings), new ReportValue(ValueKind.Count, m.Units), new ReportValue(ValueKind.Count, m.Quarters)])).ToList());

    private List<ReportChart> Charts(SummaryInput input)
    {
        var c = input.Current;
        var culture = CultureInfo.GetCultureInfo("vi-VN");
        string Pct(int part, int whole) => new ReportValue(ValueKind.Count, part, whole).ShareText(culture)!;
        var charts = new List<ReportChart>();
        if (c.Children.Count > 0)
        {
            charts.Add(new ReportChart("chart-children", localizer["Report.ChartChildren"], localizer["Report.ChartChildrenDesc"],
                c.Children.Select(x => new ReportBar(x.Name, x.Recommendations, $"{x.Recommendations} ({localizer["Report.Answered"]} {x.Answered}, {localizer["Report.Resolved"]} {x.Resolved})")).ToList()));
        }

        charts.Add(new ReportChart("chart-status", localizer["Report.ChartStatus"], localizer["Report.ChartStatusDesc"],
        [
            new(localizer["Report.Answered"], c.Answered, $"{c.Answered} ({Pct(c.Answered, c.Recommendations)})"),
            new(localizer["Report.Resolved"], c.Resolved, $"{c.Resolved} ({Pct(c.Resolved, c.Recommendations)})"),
            new(localizer["Report.Open"], c.Open, $"{c.Open} ({Pct(c.Open, c.Recommendations)})"),
            new(localizer["Report.Overdue"], c.Overdue, $"{c.Overdue} ({Pct(c.Overdue, c.Recommendations)})"),
        ]));
        charts.Add(new ReportChart("chart-trend", localizer["Report.ChartTrend"], localizer["Report.ChartTrendDesc"],
            input.Trend.Select(t => new ReportBar(t.Label, t.Recommendations, $"{t.Recommendations} ({localizer["Report.Answered"]} {t.Answered})")).ToList()));
        return charts;
    }

    /// <summary>What each figure counts, in the words the page, the report and the files use.</summary>
    public IReadOnlyList<ReportDefinition> Definitions() =>
    [
        new(localizer["Report.DefCountedTerm"], localizer["Report.DefCounted"]),
        new(localizer["Report.Answered"], localizer["Report.DefAnswered"]),
        new(localizer["Report.Resolved"], localizer["Report.DefResolved"]),
        new(localizer["Report.OnTime"], localizer["Report.DefOnTime"]),
        new(localizer["Report.NotYetDue"], localizer["Report.DefNotYetDue"]),
        new(localizer["Report.NoDueDate"], localizer["Report.DefNoDueDate"]),
        new(localizer["Report.Overdue"], localizer["Report.DefOverdue"]),
        new(localizer["Report.Open"], localizer["Report.DefOpen"]),
        new(localizer["Report.OnRoadmap"], localizer["Report.DefOnRoadmap"]),
        new(localizer["Report.RoadmapOverdue"], localizer["Report.DefRoadmapOverdue"]),
        new(localizer["Report.StatedRecommendations"], localizer["Report.DefStated"]),
        new(localizer["Report.MedianAnswer"], localizer["Report.DefMedian"]),
        new(localizer["Report.Scorecards"], localizer["Report.DefScorecards", FigureDefinitions.MinimumDueToRank]),
        new(localizer["Report.DirectivesWithTarget"], localizer["Report.DefTarget"]),
        new(localizer["Report.HeldDialogues"], localizer["Report.DefPlans"]),
    ];
}
