using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Application.Reports;

public sealed record Breakdown(int? Id, string? Name, int Count);

public sealed record RecurringMatter(int MatterId, string Content, int Raisings, int Units, int Quarters);

/// <summary>How one addressed body answered: ranked only with at least <see cref="SummaryCalculator.MinimumItemsToRank"/> items.</summary>
public sealed record Scorecard(int BodyId, string Body, int Items, int Answered, int Resolved, int WithDueDate, int OnTime, double? MedianDaysToAnswer, double? MedianDaysToResolve)
{
    public double? OnTimeShare => SummaryFigures.Share(OnTime, WithDueDate);
}

public sealed record ChildFigures(int UnitId, string Name, bool HasChildren, int Meetings, int Recommendations, int Answered, int Resolved, int Overdue);

/// <summary>The figures of one unit's subtree for one period.</summary>
public sealed class SummaryFigures
{
    public int Meetings { get; init; }
    public required IReadOnlyDictionary<MeetingType, int> MeetingsByType { get; init; }
    public int Speeches { get; init; }
    public int Organisations { get; init; }
    public int Recommendations { get; init; }
    public int Matters { get; init; }
    public int Answered { get; init; }
    public int Resolved { get; init; }
    public int WithDueDate { get; init; }
    public int OnTime { get; init; }
    public double? MedianDaysToAnswer { get; init; }
    public double? MedianDaysToResolve { get; init; }
    public int Open { get; init; }
    public int Overdue { get; init; }
    public int Directives { get; init; }
    public int DirectivesDone { get; init; }
    public IReadOnlyList<Breakdown> ByTheme { get; init; } = [];
    public IReadOnlyList<Breakdown> ByRaisingOrganisation { get; init; } = [];
    public IReadOnlyList<Breakdown> ByAddressedBody { get; init; } = [];
    public IReadOnlyList<RecurringMatter> Recurring { get; init; } = [];
    public IReadOnlyList<ChildFigures> Children { get; init; } = [];
    public IReadOnlyList<Scorecard> Ranked { get; init; } = [];
    public IReadOnlyList<Scorecard> TooFewToRank { get; init; } = [];

    public static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;
}

/// <summary>
/// Computes a summary with grouped queries over indexed columns: counts and groupings run in the
/// database; only the date pairs needed for working-day medians come back, two dates a row.
/// </summary>
public sealed class SummaryCalculator(MeetingPortalDbContext db, CalendarService calendar)
{
    public const int TopRows = 10;

    /// <summary>A body with two items is not "the best": below this many it is listed but not ranked.</summary>
    public const int MinimumItemsToRank = 5;

    private static readonly RecommendationStatus[] OpenStatuses = [.. RecommendationStatuses.Open];

    /// <summary>
    /// The latest year in which <paramref name="unit"/> or a unit below it held a meeting (Vietnam calendar year of the
    /// meeting day), or null when it has none: a summary opened without a period shows that year, so a new leader
    /// whose records end before this year sees them rather than a page of zeros (issue 15, item 7).
    /// </summary>
    public async Task<int?> LatestYearWithRecordsAsync(UnitScope unit, CancellationToken cancellationToken)
    {
        var latest = await db.Meetings.AsNoTracking().InScope(unit).MaxAsync(m => (DateOnly?)m.HeldOn, cancellationToken);
        return latest?.Year;
    }

    public async Task<SummaryFigures> CalculateAsync(UnitScope unit, ReviewPeriod period, bool details, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var today = calendar.Today;
        var meetings = db.Meetings.AsNoTracking().InScope(unit).Where(m => m.HeldOn >= start && m.HeldOn <= end);
        // Children are reached from the scoped meetings (a join the planner drives from units down), never
        // as "MeetingId in (scoped meetings)": SQLite turns that into a scan of every speech in the database.
        var recommendations = db.Recommendations.AsNoTracking().InScope(unit).Where(r => r.Meeting!.HeldOn >= start && r.Meeting.HeldOn <= end);

        var byType = await meetings.GroupBy(m => m.Type).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var counts = await recommendations.GroupBy(_ => 1).Select(g => new
        {
            Total = g.Count(),
            Answered = g.Count(r => r.FirstAnsweredOn != null),
            Resolved = g.Count(r => r.ResolvedOn != null),
            WithDue = g.Count(r => r.DueOn != null),
            OnTime = g.Count(r => r.DueOn != null && r.FirstAnsweredOn != null && r.FirstAnsweredOn <= r.DueOn),
            Open = g.Count(r => OpenStatuses.Contains(r.Status)),
        }).SingleOrDefaultAsync(cancellationToken);
        // "Overdue" is the domain's one definition, so it is counted with its expression rather than restated in the grouping.
        var overdue = await recommendations.CountAsync(RecommendationStatuses.OverdueOn(today), cancellationToken);
        var matters = await recommendations.Select(r => r.RecurrenceOfId ?? r.Id).Distinct().CountAsync(cancellationToken);
        var directives = await meetings.SelectMany(m => m.Directives)
            .GroupBy(_ => 1).Select(g => new { Total = g.Count(), Done = g.Count(d => d.Status == DirectiveStatus.Done) })
            .SingleOrDefaultAsync(cancellationToken);

        var working = await calendar.CalendarAsync(cancellationToken);
        var answeredDates = await recommendations.Where(r => r.FirstAnsweredOn != null)
            .Select(r => new { r.Meeting!.HeldOn, On = r.FirstAnsweredOn!.Value }).ToListAsync(cancellationToken);
        var resolvedDates = await recommendations.Where(r => r.ResolvedOn != null)
            .Select(r => new { r.Meeting!.HeldOn, On = r.ResolvedOn!.Value }).ToListAsync(cancellationToken);

        var scorecards = details ? await ScorecardsAsync(recommendations, working, cancellationToken) : [];
        var figures = new SummaryFigures
        {
            Ranked = scorecards.Where(s => s.Items >= MinimumItemsToRank)
                .OrderByDescending(s => s.OnTimeShare ?? -1).ThenBy(s => s.MedianDaysToAnswer ?? double.MaxValue).ThenBy(s => s.Body).ToList(),
            TooFewToRank = scorecards.Where(s => s.Items < MinimumItemsToRank).OrderBy(s => s.Body).ToList(),
            Meetings = byType.Values.Sum(),
            MeetingsByType = byType,
            Speeches = details ? await meetings.SelectMany(m => m.Speeches).CountAsync(cancellationToken) : 0,
            Organisations = details ? await meetings.SelectMany(m => m.Organisations).Select(o => o.OrganisationId).Distinct().CountAsync(cancellationToken) : 0,
            Recommendations = counts?.Total ?? 0,
            Matters = matters,
            Answered = counts?.Answered ?? 0,
            Resolved = counts?.Resolved ?? 0,
            WithDueDate = counts?.WithDue ?? 0,
            OnTime = counts?.OnTime ?? 0,
            Open = counts?.Open ?? 0,
            Overdue = overdue,
            MedianDaysToAnswer = Statistics.Median(answeredDates.Select(d => working.WorkingDaysBetween(d.HeldOn, d.On))),
            MedianDaysToResolve = Statistics.Median(resolvedDates.Select(d => working.WorkingDaysBetween(d.HeldOn, d.On))),
            Directives = directives?.Total ?? 0,
            DirectivesDone = directives?.Done ?? 0,
            ByTheme = details ? await BreakdownAsync(recommendations.GroupBy(r => r.ThemeId).Select(g => new KeyCount { Key = g.Key, Count = g.Count() }), db.Themes.Select(t => new IdName { Id = t.Id, Name = t.Name }), cancellationToken) : [],
            ByRaisingOrganisation = details ? await BreakdownAsync(recommendations.GroupBy(r => r.RaisedByOrganisationId).Select(g => new KeyCount { Key = g.Key, Count = g.Count() }), db.Organisations.Select(o => new IdName { Id = o.Id, Name = o.Name }), cancellationToken) : [],
            ByAddressedBody = details ? await BreakdownAsync(recommendations.GroupBy(r => r.AddressedToOrganisationId).Select(g => new KeyCount { Key = g.Key, Count = g.Count() }), db.Organisations.Select(o => new IdName { Id = o.Id, Name = o.Name }), cancellationToken) : [],
            Recurring = details ? await RecurringAsync(recommendations, cancellationToken) : [],
            Children = details ? await ChildrenAsync(unit, meetings, recommendations, today, cancellationToken) : [],
        };
        return figures;
    }

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

    private static async Task<IReadOnlyList<Breakdown>> BreakdownAsync(IQueryable<KeyCount> groups, IQueryable<IdName> names, CancellationToken cancellationToken)
    {
        var top = await groups.OrderByDescending(g => g.Count).Take(TopRows).ToListAsync(cancellationToken);
        var ids = top.Select(g => g.Key).OfType<int>().ToList();
        var labels = await names.Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, cancellationToken);
        return top.Select(g => new Breakdown(g.Key, g.Key is { } id ? labels.GetValueOrDefault(id) : null, g.Count)).ToList();
    }

    /// <summary>Recommendations raised in each of the <paramref name="count"/> quarters up to the one holding <paramref name="last"/>.</summary>
    public async Task<IReadOnlyList<(ReviewPeriod Quarter, int Recommendations, int Answered)>> TrendAsync(UnitScope unit, DateOnly last, int count, CancellationToken cancellationToken)
    {
        var quarters = new List<ReviewPeriod> { ReviewPeriod.QuarterOf(last) };
        while (quarters.Count < count)
        {
            quarters.Insert(0, quarters[0].Previous());
        }

        var (start, end) = (quarters[0].Start, quarters[^1].End);
        // One grouped query by meeting date; the dates fold into quarters here. Over two years SQLite
        // would rather walk the date index through every unit's meetings (34 ms for a ward at country
        // scale); the scope's unit ids let it seek (unit, date) instead.
        var unitIds = await db.Units.AsNoTracking().InScope(unit).Select(u => u.Id).ToListAsync(cancellationToken);
        var byDate = await db.Recommendations.AsNoTracking()
            .Where(r => unitIds.Contains(r.Meeting!.UnitId) && r.Meeting.HeldOn >= start && r.Meeting.HeldOn <= end)
            .GroupBy(r => r.Meeting!.HeldOn)
            .Select(g => new { HeldOn = g.Key, Total = g.Count(), Answered = g.Count(r => r.FirstAnsweredOn != null) })
            .ToListAsync(cancellationToken);
        return quarters.Select(q => (q,
            byDate.Where(d => q.Contains(d.HeldOn)).Sum(d => d.Total),
            byDate.Where(d => q.Contains(d.HeldOn)).Sum(d => d.Answered))).ToList();
    }

    /// <summary>Per addressed body: counts grouped in SQL, medians from (meeting date, answer date) pairs.</summary>
    private async Task<IReadOnlyList<Scorecard>> ScorecardsAsync(IQueryable<Recommendation> recommendations, MeetingPortal.Domain.Calendar.WorkingCalendar working, CancellationToken cancellationToken)
    {
        var addressed = recommendations.Where(r => r.AddressedToOrganisationId != null);
        var counts = await addressed.GroupBy(r => r.AddressedToOrganisationId!.Value).Select(g => new
        {
            Body = g.Key,
            Items = g.Count(),
            Answered = g.Count(r => r.FirstAnsweredOn != null),
            Resolved = g.Count(r => r.ResolvedOn != null),
            WithDue = g.Count(r => r.DueOn != null),
            OnTime = g.Count(r => r.DueOn != null && r.FirstAnsweredOn != null && r.FirstAnsweredOn <= r.DueOn),
        }).ToListAsync(cancellationToken);
        var dates = await addressed.Where(r => r.FirstAnsweredOn != null || r.ResolvedOn != null)
            .Select(r => new { Body = r.AddressedToOrganisationId!.Value, r.Meeting!.HeldOn, r.FirstAnsweredOn, r.ResolvedOn }).ToListAsync(cancellationToken);
        var ids = counts.Select(c => c.Body).ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var byBody = dates.ToLookup(d => d.Body);
        return counts.Select(c => new Scorecard(
            c.Body, names.GetValueOrDefault(c.Body) ?? string.Empty, c.Items, c.Answered, c.Resolved, c.WithDue, c.OnTime,
            Statistics.Median(byBody[c.Body].Where(d => d.FirstAnsweredOn != null).Select(d => working.WorkingDaysBetween(d.HeldOn, d.FirstAnsweredOn!.Value))),
            Statistics.Median(byBody[c.Body].Where(d => d.ResolvedOn != null).Select(d => working.WorkingDaysBetween(d.HeldOn, d.ResolvedOn!.Value)))))
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
            .OrderByDescending(m => m.Raisings).ThenBy(m => m.MatterId).Take(TopRows).ToList();
    }

    /// <summary>Grouped by the meeting's unit in SQL, then folded into the child units by path.</summary>
    private async Task<IReadOnlyList<ChildFigures>> ChildrenAsync(UnitScope unit, IQueryable<Meeting> meetings, IQueryable<Recommendation> recommendations, DateOnly today, CancellationToken cancellationToken)
    {
        // A merged unit has handed its records to the unit it merged into; it is not a row of its own.
        var children = await db.Units.AsNoTracking().TakingRecords().Where(u => u.ParentId == unit.UnitId).OrderBy(u => u.Name)
            .Select(u => new { u.Id, u.Name, u.Path, HasChildren = db.Units.Any(c => c.ParentId == u.Id && c.MergedIntoId == null) }).ToListAsync(cancellationToken);
        if (children.Count == 0)
        {
            return [];
        }

        var unitPaths = await db.Units.AsNoTracking().InScope(unit).Select(u => new { u.Id, u.Path }).ToDictionaryAsync(u => u.Id, u => u.Path, cancellationToken);
        var meetingCounts = await meetings.GroupBy(m => m.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var recommendationCounts = await recommendations.GroupBy(r => r.Meeting!.UnitId).Select(g => new
        {
            g.Key,
            Total = g.Count(),
            Answered = g.Count(r => r.FirstAnsweredOn != null),
            Resolved = g.Count(r => r.ResolvedOn != null),
        }).ToListAsync(cancellationToken);
        var overdueCounts = await recommendations.Where(RecommendationStatuses.OverdueOn(today))
            .GroupBy(r => r.Meeting!.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        int? ChildOf(int unitId) => unitPaths.TryGetValue(unitId, out var path)
            ? children.FirstOrDefault(c => path.StartsWith(c.Path, StringComparison.Ordinal))?.Id
            : null;

        return children.Select(c => new ChildFigures(
            c.Id, c.Name, c.HasChildren,
            meetingCounts.Where(m => ChildOf(m.Key) == c.Id).Sum(m => m.Count),
            recommendationCounts.Where(r => ChildOf(r.Key) == c.Id).Sum(r => r.Total),
            recommendationCounts.Where(r => ChildOf(r.Key) == c.Id).Sum(r => r.Answered),
            recommendationCounts.Where(r => ChildOf(r.Key) == c.Id).Sum(r => r.Resolved),
            overdueCounts.Where(r => ChildOf(r.Key) == c.Id).Sum(r => r.Value))).ToList();
    }
}
