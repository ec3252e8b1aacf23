using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Application.Reports;

public sealed record Breakdown(int? Id, string? Name, int Count);

public sealed record RecurringMatter(int MatterId, string Content, int Raisings, int Units, int Quarters);

/// <summary>
/// How one addressed body answered the recommendations of the period. Counts are numbers of recommendations, medians
/// working days from the meeting. <see cref="Due"/> and <see cref="OnTime"/> follow <see cref="FigureDefinitions.OnTime"/>;
/// ranked only with at least <see cref="FigureDefinitions.MinimumDueToRank"/> items due.
/// </summary>
public sealed record Scorecard(int BodyId, string Body, int Items, int Answered, int Resolved, int Due, int OnTime, int NoDueDate, double? MedianDaysToAnswer, double? MedianDaysToResolve)
{
    /// <summary>Answered by the due date over all that fell due (0-1), null when none fell due.</summary>
    public double? OnTimeShare => FigureDefinitions.Share(OnTime, Due);
}

/// <summary>
/// One child unit's row: its subtree's counts for the period (definitions in <see cref="FigureDefinitions"/>);
/// <paramref name="RetiredOn"/> the Vietnam day a child retired since was retired (ADR 0018), shown beside its name:
/// a retired child is a row only while it holds figures of the period, so that the rows add up to the total.
/// </summary>
public sealed record ChildFigures(int UnitId, string Name, bool HasChildren, int Meetings, int Recommendations, int Answered, int Resolved, int Overdue, DateOnly? RetiredOn = null);

/// <summary>
/// The figures of one unit's subtree for one period, each as <see cref="FigureDefinitions"/> defines it: records of
/// published meetings held in the period; <see cref="Overdue"/>, <see cref="Due"/> and <see cref="OnTime"/> as of
/// the day counted (<see cref="CountedOn"/>, Vietnam date).
/// </summary>
public sealed class SummaryFigures
{
    /// <summary>The Vietnam date the figures were counted on (due dates and "overdue" are judged against it).</summary>
    public DateOnly CountedOn { get; init; }
    public int Meetings { get; init; }
    public required IReadOnlyDictionary<MeetingType, int> MeetingsByType { get; init; }
    public int Speeches { get; init; }
    public int Organisations { get; init; }
    public int Recommendations { get; init; }
    public int Matters { get; init; }
    public int Answered { get; init; }
    public int Resolved { get; init; }

    /// <summary>Fell due before the day counted, answered or not: the on-time share's denominator.</summary>
    public int Due { get; init; }

    /// <summary>Answered by the due date, of <see cref="Due"/>.</summary>
    public int OnTime { get; init; }

    /// <summary>Has a due date that has not come yet.</summary>
    public int NotYetDue { get; init; }

    /// <summary>Has no due date: shown apart, never silently left out of the on-time share.</summary>
    public int NoDueDate { get; init; }

    public double? MedianDaysToAnswer { get; init; }
    public double? MedianDaysToResolve { get; init; }
    public int Open { get; init; }
    public int Overdue { get; init; }

    /// <summary>Theo lộ trình (<see cref="FigureDefinitions.OnRoadmap"/>): accepted, open and with a roadmap; apart from <see cref="Overdue"/>.</summary>
    public int OnRoadmap { get; init; }

    /// <summary>Lộ trình quá hạn on the day counted (<see cref="FigureDefinitions.RoadmapOverdue"/>): of <see cref="OnRoadmap"/>.</summary>
    public int RoadmapOverdue { get; init; }

    /// <summary>
    /// Recommendations of meetings held before the period, in the same units, overdue as of the day counted: not a figure
    /// of the period, but what a leader must still see first (issue 15 trial: the top unit opened on a year without
    /// recommendations and never heard of five overdue since 2022). Computed with the details only.
    /// </summary>
    public int OverdueFromEarlier { get; init; }
    public int Directives { get; init; }
    public int DirectivesDone { get; init; }

    /// <summary>Tasks with a measurable target (<see cref="FigureDefinitions.WithTarget"/>), issue 16, deliver 6.</summary>
    public int DirectivesWithTarget { get; init; }

    /// <summary>Of those, the latest value reported reaches the target (<see cref="FigureDefinitions.TargetReached"/>).</summary>
    public int TargetReached { get; init; }

    /// <summary>Of those, the latest value reported falls short (<see cref="FigureDefinitions.TargetNotReached"/>).</summary>
    public int TargetNotReached { get; init; }

    /// <summary>Of those, no value has been reported (<see cref="FigureDefinitions.TargetNotReported"/>).</summary>
    public int TargetNotReported { get; init; }

    /// <summary>
    /// Dialogues planned for the period in the unit's subtree: plan entries whose month or quarter ends in the period,
    /// not taken off the plan (<see cref="FigureDefinitions.PlannedDialogues"/>; issue 18, deliver 1).
    /// </summary>
    public int PlannedDialogues { get; init; }

    /// <summary>
    /// Whether the plan figures were counted: true for every summary counted now, false for figures read back from an
    /// official report frozen before plans were kept (format 1), which says nothing of them.
    /// </summary>
    public bool CountsPlans { get; init; }

    /// <summary>Of those, held: a published meeting is linked (<see cref="FigureDefinitions.HeldDialogues"/>), late or not.</summary>
    public int HeldDialogues { get; init; }

    /// <summary>Of those, late on the day counted: the period ended and none is held (<see cref="FigureDefinitions.LateDialogues"/>).</summary>
    public int LateDialogues { get; init; }

    /// <summary>Meetings of the period whose report states how many recommendations were raised ("13 ý kiến, 34 kiến nghị").</summary>
    public int MeetingsStatingCounts { get; init; }

    /// <summary>The sum of the stated recommendation counts of those meetings.</summary>
    public int StatedRecommendations { get; init; }

    /// <summary>The sum of the stated opinion counts of those meetings.</summary>
    public int StatedOpinions { get; init; }

    /// <summary>The recommendations recorded for those same meetings, to set beside <see cref="StatedRecommendations"/>.</summary>
    public int RecordedInStatingMeetings { get; init; }

    public IReadOnlyList<Breakdown> ByTheme { get; init; } = [];
    public IReadOnlyList<Breakdown> ByRaisingOrganisation { get; init; } = [];
    public IReadOnlyList<Breakdown> ByAddressedBody { get; init; } = [];
    public IReadOnlyList<RecurringMatter> Recurring { get; init; } = [];
    public IReadOnlyList<ChildFigures> Children { get; init; } = [];
    public IReadOnlyList<Scorecard> Ranked { get; init; } = [];
    public IReadOnlyList<Scorecard> TooFewToRank { get; init; } = [];

    public static double? Share(int part, int whole) => FigureDefinitions.Share(part, whole);
}

/// <summary>
/// Computes a summary with grouped queries over indexed columns: counts and groupings run in the
/// database, each with its one definition from <see cref="FigureDefinitions"/>; only the date pairs
/// needed for working-day medians come back, two dates a row.
/// </summary>
public sealed class SummaryCalculator(MeetingPortalDbContext db, CalendarService calendar)
{
    /// <summary>Names in Vietnamese alphabetical order ("Đ" after "D"), not by code point.</summary>
    private static readonly StringComparer Vietnamese = VietnameseOrder.Names;

    /// <summary>
    /// The latest year in which <paramref name="unit"/> or a unit below it held a published meeting (Vietnam calendar
    /// year of the meeting day), or null when it has none: a summary opened without a period shows that year, so a new
    /// leader whose records end before this year sees them rather than a page of zeros (issue 15, item 7).
    /// </summary>
    public async Task<int?> LatestYearWithRecordsAsync(UnitScope unit, CancellationToken cancellationToken)
    {
        var latest = await db.Meetings.AsNoTracking().InScope(unit).Where(FigureDefinitions.CountedMeeting).MaxAsync(m => (DateOnly?)m.HeldOn, cancellationToken);
        return latest?.Year;
    }

    /// <summary>
    /// The published meetings of <paramref name="unit"/>'s subtree held in <paramref name="period"/>: the subtree of
    /// today, or with <paramref name="then"/> the subtree as it stood then, each meeting in the unit it was held in
    /// (<c>HeldInUnitId</c>, kept by a merger; ADR 0018).
    /// </summary>
    public IQueryable<Meeting> Meetings(UnitScope unit, ReportPeriod period, TreeThen? then = null)
    {
        var (start, end) = (period.Start, period.End);
        var meetings = db.Meetings.AsNoTracking();
        if (then is null)
        {
            meetings = meetings.InScope(unit);
        }
        else
        {
            var ids = then.UnitIds;
            meetings = meetings.Where(m => ids.Contains(m.HeldInUnitId ?? m.UnitId));
        }

        return meetings.Where(FigureDefinitions.CountedMeeting).Where(m => m.HeldOn >= start && m.HeldOn <= end);
    }

    /// <summary>The recommendations of those meetings.</summary>
    public IQueryable<Recommendation> Recommendations(UnitScope unit, ReportPeriod period, TreeThen? then = null)
    {
        var (start, end) = (period.Start, period.End);
        var recommendations = db.Recommendations.AsNoTracking();
        if (then is null)
        {
            // Reached from the scoped meetings (a join the planner drives from units down), never as "MeetingId in
            // (scoped meetings)": SQLite turns that into a scan of every speech in the database.
            recommendations = recommendations.InScope(unit);
        }
        else
        {
            var ids = then.UnitIds;
            recommendations = recommendations.Where(r => ids.Contains(r.Meeting!.HeldInUnitId ?? r.Meeting.UnitId));
        }

        return recommendations.Where(FigureDefinitions.CountedRecommendation).Where(r => r.Meeting!.HeldOn >= start && r.Meeting.HeldOn <= end);
    }

    /// <summary>
    /// The figures of <paramref name="unit"/>'s subtree for <paramref name="period"/>, counted today (Vietnam date);
    /// without <paramref name="details"/> only the headline counts (for the comparison column). With
    /// <paramref name="then"/> the subtree and its child units are those of that day (ADR 0018, "as the units stood then").
    /// </summary>
    public async Task<SummaryFigures> CalculateAsync(UnitScope unit, ReportPeriod period, bool details, CancellationToken cancellationToken, TreeThen? then = null)
    {
        var today = calendar.Today;
        var meetings = Meetings(unit, period, then);
        var recommendations = Recommendations(unit, period, then);

        var byType = await meetings.GroupBy(m => m.Type).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var matters = await recommendations.Select(r => r.RecurrenceOfId ?? r.Id).Distinct().CountAsync(cancellationToken);
        var directives = await meetings.SelectMany(m => m.Directives)
            .GroupBy(_ => 1).Select(g => new { Total = g.Count(), Done = g.Count(d => d.Status == DirectiveStatus.Done) })
            .SingleOrDefaultAsync(cancellationToken);
        var stated = await meetings.Where(m => m.StatedRecommendationCount != null || m.StatedOpinionCount != null).GroupBy(_ => 1).Select(g => new
        {
            Meetings = g.Count(),
            Recommendations = g.Sum(m => m.StatedRecommendationCount ?? 0),
            Opinions = g.Sum(m => m.StatedOpinionCount ?? 0),
        }).SingleOrDefaultAsync(cancellationToken);
        var recordedInStating = stated is null ? 0
            : await recommendations.CountAsync(r => r.Meeting!.StatedRecommendationCount != null || r.Meeting.StatedOpinionCount != null, cancellationToken);

        var working = await calendar.CalendarAsync(cancellationToken);
        var answeredDates = await recommendations.Where(FigureDefinitions.Answered)
            .Select(r => new { r.Meeting!.HeldOn, On = r.FirstAnsweredOn!.Value }).ToListAsync(cancellationToken);
        var resolvedDates = await recommendations.Where(FigureDefinitions.Resolved)
            .Select(r => new { r.Meeting!.HeldOn, On = r.ResolvedOn!.Value }).ToListAsync(cancellationToken);

        var scorecards = details ? await ScorecardsAsync(recommendations, working, today, cancellationToken, then?.Day) : [];
        return new SummaryFigures
        {
            CountedOn = today,
            Ranked = scorecards.Where(s => s.Due >= FigureDefinitions.MinimumDueToRank)
                .OrderByDescending(s => s.OnTimeShare ?? -1).ThenBy(s => s.MedianDaysToAnswer ?? double.MaxValue).ThenBy(s => s.Body, Vietnamese).ToList(),
            TooFewToRank = scorecards.Where(s => s.Due < FigureDefinitions.MinimumDueToRank).OrderBy(s => s.Body, Vietnamese).ToList(),
            Meetings = byType.Values.Sum(),
            MeetingsByType = byType,
            Speeches = details ? await meetings.SelectMany(m => m.Speeches).CountAsync(cancellationToken) : 0,
            Organisations = details ? await meetings.SelectMany(m => m.Organisations).Select(o => o.OrganisationId).Distinct().CountAsync(cancellationToken) : 0,
            Recommendations = await recommendations.CountAsync(cancellationToken),
            Matters = matters,
            Answered = await recommendations.CountAsync(FigureDefinitions.Answered, cancellationToken),
            Resolved = await recommendations.CountAsync(FigureDefinitions.Resolved, cancellationToken),
            Due = await recommendations.CountAsync(FigureDefinitions.Due(DueState.Passed, today), cancellationToken),
            OnTime = await recommendations.CountAsync(FigureDefinitions.OnTime(today), cancellationToken),
            NotYetDue = await recommendations.CountAsync(FigureDefinitions.Due(DueState.NotYet, today), cancellationToken),
            NoDueDate = await recommendations.CountAsync(FigureDefinitions.Due(DueState.None, today), cancellationToken),
            Open = await recommendations.CountAsync(FigureDefinitions.Open, cancellationToken),
            Overdue = await recommendations.CountAsync(FigureDefinitions.Overdue(today), cancellationToken),
            OnRoadmap = await recommendations.CountAsync(FigureDefinitions.OnRoadmap, cancellationToken),
            RoadmapOverdue = await recommendations.CountAsync(FigureDefinitions.RoadmapOverdue(today), cancellationToken),
            OverdueFromEarlier = details && ReportPeriod.IsValidRange(new DateOnly(RecordDates.FirstMeetingYear, 1, 1), period.Start.AddDays(-1))
                ? await Recommendations(unit, ReportPeriod.Range(new DateOnly(RecordDates.FirstMeetingYear, 1, 1), period.Start.AddDays(-1)), then).CountAsync(FigureDefinitions.Overdue(today), cancellationToken)
                : 0,
            MedianDaysToAnswer = Statistics.Median(answeredDates.Select(d => working.WorkingDaysBetween(d.HeldOn, d.On))),
            MedianDaysToResolve = Statistics.Median(resolvedDates.Select(d => working.WorkingDaysBetween(d.HeldOn, d.On))),
            Directives = directives?.Total ?? 0,
            DirectivesDone = directives?.Done ?? 0,
            DirectivesWithTarget = await meetings.SelectMany(m => m.Directives).CountAsync(FigureDefinitions.WithTarget, cancellationToken),
            TargetReached = await meetings.SelectMany(m => m.Directives).CountAsync(FigureDefinitions.TargetReached, cancellationToken),
            TargetNotReached = await meetings.SelectMany(m => m.Directives).CountAsync(FigureDefinitions.TargetNotReached, cancellationToken),
            TargetNotReported = await meetings.SelectMany(m => m.Directives).CountAsync(FigureDefinitions.TargetNotReported, cancellationToken),
            CountsPlans = true,
            PlannedDialogues = await Planned(unit, period).CountAsync(FigureDefinitions.PlannedDialogues, cancellationToken),
            HeldDialogues = await Planned(unit, period).CountAsync(FigureDefinitions.HeldDialogues, cancellationToken),
            LateDialogues = await Planned(unit, period).CountAsync(FigureDefinitions.LateDialogues(today), cancellationToken),
            MeetingsStatingCounts = stated?.Meetings ?? 0,
            StatedRecommendations = stated?.Recommendations ?? 0,
            StatedOpinions = stated?.Opinions ?? 0,
            RecordedInStatingMeetings = recordedInStating,
            ByTheme = details ? await BreakdownAsync(recommendations.GroupBy(r => r.ThemeId).Select(g => new KeyCount { Key = g.Key, Count = g.Count() }), db.Themes.Select(t => new IdName { Id = t.Id, Name = t.Name }), cancellationToken) : [],
            ByRaisingOrganisation = details ? await BreakdownAsync(recommendations.GroupBy(r => r.RaisedByOrganisationId).Select(g => new KeyCount { Key = g.Key, Count = g.Count() }), db.Organisations.Select(o => new IdName { Id = o.Id, Name = o.Name }), cancellationToken, then?.Day) : [],
            ByAddressedBody = details ? await BreakdownAsync(recommendations.GroupBy(r => r.AddressedToOrganisationId).Select(g => new KeyCount { Key = g.Key, Count = g.Count() }), db.Organisations.Select(o => new IdName { Id = o.Id, Name = o.Name }), cancellationToken, then?.Day) : [],
            Recurring = details ? await RecurringAsync(recommendations, cancellationToken) : [],
            Children = !details ? [] : then is null ? await ChildrenAsync(unit, meetings, recommendations, today, cancellationToken) : await ChildrenThenAsync(then, meetings, recommendations, today, cancellationToken),
        };
    }

    // The plan entries of the subtree whose month or quarter ends in the period: a quarter's entry counts in that
    // quarter's report, not in the report of a month within it.
    private IQueryable<Domain.Plans.PlannedDialogue> Planned(UnitScope unit, ReportPeriod period) =>
        db.PlannedDialogues.AsNoTracking().InScope(unit).Where(p => p.EndsOn >= period.Start && p.EndsOn <= period.End);

    // Member-initialised, not positional: EF Core translates ordering by init properties, not by constructor arguments.
    private sealed class KeyCount
    {
        public int? Key { get; init; }
        public int Count { get; init; }
    }

    private sealed class IdName
    {
        public int Id { get; init; }
        public required string Name { get; init; }
    }

    /// <remarks>
    /// With <paramref name="organisationsOn"/> the ids are organisations named as on that day (ADR 0018: a summary "as
    /// the units stood then" names the bodies as they were on the period's last day, as it names the units).
    /// </remarks>
    private async Task<IReadOnlyList<Breakdown>> BreakdownAsync(IQueryable<KeyCount> groups, IQueryable<IdName> names, CancellationToken cancellationToken, DateOnly? organisationsOn = null)
    {
        // Every group, most raised first, ties by name: a list cut at ten cut ties in the middle and said nothing (issue 15
        // trial); the screen shows the first rows of a long table and opens it whole, the files keep every row.
        var all = await groups.ToListAsync(cancellationToken);
        var ids = all.Select(g => g.Key).OfType<int>().ToList();
        var labels = await names.Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, cancellationToken);
        if (organisationsOn is { } day)
        {
            foreach (var (id, name) in await NamesOnDate.OrganisationsAsync(db, ids, day, cancellationToken))
            {
                labels[id] = name;
            }
        }
        return all.Select(g => new Breakdown(g.Key, g.Key is { } id ? labels.GetValueOrDefault(id) : null, g.Count))
            .OrderByDescending(b => b.Count).ThenBy(b => b.Name is null).ThenBy(b => b.Name, Vietnamese).ToList();
    }

    /// <summary>
    /// Recommendations raised (and of those, answered) in each of the <paramref name="count"/> periods ending with
    /// <paramref name="last"/> (<see cref="ReportPeriod.Trend"/>): eight months, quarters, halves, years or ranges.
    /// </summary>
    public async Task<IReadOnlyList<(ReportPeriod Period, int Recommendations, int Answered)>> TrendAsync(UnitScope unit, ReportPeriod last, int count, CancellationToken cancellationToken, TreeThen? then = null)
    {
        var periods = last.Trend(count);
        var (start, end) = (periods[0].Start, periods[^1].End);
        IQueryable<Recommendation> raised;
        if (then is null)
        {
            // One grouped query by meeting date; the dates fold into periods here. Over two years SQLite
            // would rather walk the date index through every unit's meetings (34 ms for a ward at country
            // scale); the scope's unit ids let it seek (unit, date) instead.
            var unitIds = await db.Units.AsNoTracking().InScope(unit).Select(u => u.Id).ToListAsync(cancellationToken);
            raised = db.Recommendations.AsNoTracking().Where(FigureDefinitions.CountedRecommendation)
                .Where(r => unitIds.Contains(r.Meeting!.UnitId) && r.Meeting.HeldOn >= start && r.Meeting.HeldOn <= end);
        }
        else
        {
            // As then: the one tree of the summary's day for every period of the trend, the same two grouped queries.
            var ids = then.UnitIds;
            raised = db.Recommendations.AsNoTracking().Where(FigureDefinitions.CountedRecommendation)
                .Where(r => ids.Contains(r.Meeting!.HeldInUnitId ?? r.Meeting.UnitId) && r.Meeting.HeldOn >= start && r.Meeting.HeldOn <= end);
        }

        var total = await raised.GroupBy(r => r.Meeting!.HeldOn).Select(g => new { HeldOn = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var answered = await raised.Where(FigureDefinitions.Answered).GroupBy(r => r.Meeting!.HeldOn).Select(g => new { HeldOn = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return periods.Select(p => (p,
            total.Where(d => p.Contains(d.HeldOn)).Sum(d => d.Count),
            answered.Where(d => p.Contains(d.HeldOn)).Sum(d => d.Count))).ToList();
    }

    /// <summary>Per addressed body: each count grouped in SQL with its definition, medians from (meeting date, answer date) pairs.</summary>
    /// <remarks>With <paramref name="organisationsOn"/> each body is named as on that day (a summary "as then", ADR 0018).</remarks>
    private async Task<IReadOnlyList<Scorecard>> ScorecardsAsync(IQueryable<Recommendation> recommendations, MeetingPortal.Domain.Calendar.WorkingCalendar working, DateOnly today, CancellationToken cancellationToken, DateOnly? organisationsOn = null)
    {
        var addressed = recommendations.Where(r => r.AddressedToOrganisationId != null);
        Task<Dictionary<int, int>> Count(System.Linq.Expressions.Expression<Func<Recommendation, bool>> definition) =>
            addressed.Where(definition).GroupBy(r => r.AddressedToOrganisationId!.Value).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var items = await Count(_ => true);
        var answered = await Count(FigureDefinitions.Answered);
        var resolved = await Count(FigureDefinitions.Resolved);
        var due = await Count(FigureDefinitions.Due(DueState.Passed, today));
        var onTime = await Count(FigureDefinitions.OnTime(today));
        var noDue = await Count(FigureDefinitions.Due(DueState.None, today));
        var dates = await addressed.Where(r => r.FirstAnsweredOn != null || r.ResolvedOn != null)
            .Select(r => new { Body = r.AddressedToOrganisationId!.Value, r.Meeting!.HeldOn, r.FirstAnsweredOn, r.ResolvedOn }).ToListAsync(cancellationToken);
        var ids = items.Keys.ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        if (organisationsOn is { } day)
        {
            foreach (var (id, name) in await NamesOnDate.OrganisationsAsync(db, ids, day, cancellationToken))
            {
                names[id] = name;
            }
        }
        var byBody = dates.ToLookup(d => d.Body);
        return items.Select(c => new Scorecard(
            c.Key, names.GetValueOrDefault(c.Key) ?? string.Empty, c.Value, answered.GetValueOrDefault(c.Key), resolved.GetValueOrDefault(c.Key),
            due.GetValueOrDefault(c.Key), onTime.GetValueOrDefault(c.Key), noDue.GetValueOrDefault(c.Key),
            Statistics.Median(byBody[c.Key].Where(d => d.FirstAnsweredOn != null).Select(d => working.WorkingDaysBetween(d.HeldOn, d.FirstAnsweredOn!.Value))),
            Statistics.Median(byBody[c.Key].Where(d => d.ResolvedOn != null).Select(d => working.WorkingDaysBetween(d.HeldOn, d.ResolvedOn!.Value)))))
            .ToList();
    }

    /// <summary>Matters raised in the period that were raised more than once, each counted once.</summary>
    private async Task<IReadOnlyList<RecurringMatter>> RecurringAsync(IQueryable<Recommendation> inPeriod, CancellationToken cancellationToken)
    {
        // Two steps that each seek an index: the period's raisings that belong to a recurring matter, then
        // every raising of those matters. One query matching "same matter" through COALESCE on both sides
        // cannot use an index and took minutes at province scale.
        var matterIds = await inPeriod
            .Where(r => r.RecurrenceOfId != null || db.Recommendations.Any(f => f.RecurrenceOfId == r.Id))
            .Select(r => r.RecurrenceOfId ?? r.Id).Distinct().ToListAsync(cancellationToken);
        if (matterIds.Count == 0)
        {
            return [];
        }

        var raisings = await db.Recommendations.AsNoTracking()
            .Where(r => matterIds.Contains(r.Id) || (r.RecurrenceOfId != null && matterIds.Contains(r.RecurrenceOfId.Value)))
            .Select(r => new { Matter = r.RecurrenceOfId ?? r.Id, r.Meeting!.UnitId, r.Meeting.HeldOn })
            .ToListAsync(cancellationToken);
        var groups = raisings.GroupBy(r => r.Matter).Where(g => g.Count() > 1).ToList();
        var ids = groups.Select(g => g.Key).ToList();
        var contents = await db.Recommendations.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Content, cancellationToken);
        return groups
            .Select(g => new RecurringMatter(g.Key, contents.GetValueOrDefault(g.Key) ?? string.Empty, g.Count(), g.Select(r => r.UnitId).Distinct().Count(),
                g.Select(r => ReviewPeriod.QuarterOf(r.HeldOn)).Distinct().Count()))
            .OrderByDescending(m => m.Raisings).ThenBy(m => m.MatterId).ToList();
    }

    /// <summary>Grouped by the meeting's unit in SQL, then folded into the child units by path.</summary>
    /// <summary>The child units as they stood then (<see cref="TreeThen.Children"/>), each meeting counted under the child it was held below.</summary>
    private static async Task<IReadOnlyList<ChildFigures>> ChildrenThenAsync(TreeThen then, IQueryable<Meeting> meetings, IQueryable<Recommendation> recommendations, DateOnly today, CancellationToken cancellationToken)
    {
        if (then.Children.Count == 0)
        {
            return [];
        }

        var meetingCounts = await meetings.GroupBy(m => m.HeldInUnitId ?? m.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Task<Dictionary<int, int>> ByUnit(IQueryable<Recommendation> counted) =>
            counted.GroupBy(r => r.Meeting!.HeldInUnitId ?? r.Meeting.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var totals = await ByUnit(recommendations);
        var answered = await ByUnit(recommendations.Where(FigureDefinitions.Answered));
        var resolved = await ByUnit(recommendations.Where(FigureDefinitions.Resolved));
        var overdue = await ByUnit(recommendations.Where(FigureDefinitions.Overdue(today)));
        int Sum(Dictionary<int, int> counts, int child) => counts.Where(c => then.ChildOf.TryGetValue(c.Key, out var of) && of == child).Sum(c => c.Value);

        // A child that no longer stood that day (retired, merged) is a row only when it still has records to show. The
        // order is that of today's rows (Vietnamese order of names, then id), so both readings list alike (ADR 0021).
        return then.Children
            .Select(c => (c.Standing, Figures: new ChildFigures(c.Id, c.Name, c.HasChildren, Sum(meetingCounts, c.Id), Sum(totals, c.Id), Sum(answered, c.Id), Sum(resolved, c.Id), Sum(overdue, c.Id))))
            .Where(c => c.Standing || c.Figures.Meetings > 0)
            .Select(c => c.Figures)
            .OrderBy(c => c.Name, Vietnamese).ThenBy(c => c.UnitId).ToList();
    }

    private async Task<IReadOnlyList<ChildFigures>> ChildrenAsync(UnitScope unit, IQueryable<Meeting> meetings, IQueryable<Recommendation> recommendations, DateOnly today, CancellationToken cancellationToken)
    {
        // A merged unit has handed its records to the unit it merged into; it is not a row of its own. A retired one
        // (a district since 1/7/2025) kept its records and its place: it is a row while it holds figures (ADR 0018).
        // Ordered in memory with the same comparer as the rows as they stood then (ChildrenThenAsync), so both readings
        // list alike on either provider; a unit has tens of children at most (ADR 0021).
        var children = (await db.Units.AsNoTracking().Where(u => u.ParentId == unit.UnitId && u.MergedIntoId == null)
            .Select(u => new { u.Id, u.Name, u.Path, u.RetiredOn, HasChildren = db.Units.Any(c => c.ParentId == u.Id && c.MergedIntoId == null) }).ToListAsync(cancellationToken))
            .OrderBy(u => u.Name, Vietnamese).ThenBy(u => u.Id).ToList();
        if (children.Count == 0)
        {
            return [];
        }

        var unitPaths = await db.Units.AsNoTracking().InScope(unit).Select(u => new { u.Id, u.Path }).ToDictionaryAsync(u => u.Id, u => u.Path, cancellationToken);
        var meetingCounts = await meetings.GroupBy(m => m.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Task<Dictionary<int, int>> ByUnit(IQueryable<Recommendation> counted) =>
            counted.GroupBy(r => r.Meeting!.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var totals = await ByUnit(recommendations);
        var answered = await ByUnit(recommendations.Where(FigureDefinitions.Answered));
        var resolved = await ByUnit(recommendations.Where(FigureDefinitions.Resolved));
        var overdue = await ByUnit(recommendations.Where(FigureDefinitions.Overdue(today)));

        int? ChildOf(int unitId) => unitPaths.TryGetValue(unitId, out var path)
            ? children.FirstOrDefault(c => path.StartsWith(c.Path, StringComparison.Ordinal))?.Id
            : null;

        return children.Select(c => new ChildFigures(
            c.Id, c.Name, c.HasChildren,
            meetingCounts.Where(m => ChildOf(m.Key) == c.Id).Sum(m => m.Count),
            totals.Where(r => ChildOf(r.Key) == c.Id).Sum(r => r.Value),
            answered.Where(r => ChildOf(r.Key) == c.Id).Sum(r => r.Value),
            resolved.Where(r => ChildOf(r.Key) == c.Id).Sum(r => r.Value),
            overdue.Where(r => ChildOf(r.Key) == c.Id).Sum(r => r.Value),
            c.RetiredOn)).Where(c => c.RetiredOn is null || c.Meetings > 0).ToList();
    }
}
