using MeetingPortal.Domain.Common;
using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Meetings;
using MeetingPortal.Application.Recommendations;
using MeetingPortal.Application.Reports;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Monitoring;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingPortal.Application.Home;

/// <summary>One recommendation named on the home: its id, text, meeting and due date (Vietnam date).</summary>
public sealed record HomeItem(int Id, string Content, string MeetingTitle, DateOnly? DueOn);

/// <summary>One meeting named on the home: its id, day held, title, unit and status.</summary>
public sealed record HomeMeeting(int Id, DateOnly HeldOn, string Title, string UnitName, MeetingStatus Status);

/// <summary>
/// A count on the home and the list it stands for: <see cref="Filter"/> is the tracker's own criteria object, so the
/// link opens the tracker filtered the same and the tracker counts the same number (<see cref="Count"/>).
/// </summary>
public sealed record TrackerCount(string Key, int Count, RecommendationFilter Filter, IReadOnlyList<HomeItem> First);

/// <summary>Overdue items of one unit directly below (its whole subtree), with the tracker's criteria that list them.</summary>
public sealed record UnitOverdue(int UnitId, string Name, int Count, RecommendationFilter Filter);

/// <summary>
/// A leader's attention (issue 17): overdue items by unit below, the units below without a published meeting in the
/// current quarter, that quarter's summary, and the official reports of the last ended quarter not yet sent up.
/// </summary>
/// <param name="UnitId">The leader's unit.</param>
/// <param name="UnitName">Its name.</param>
/// <param name="Period">The current quarter (the summary's period).</param>
/// <param name="Summary">The summary's figures for <paramref name="Period"/>, from the summary cache (ADR 0015, 0016).</param>
/// <param name="Attention">What the summary itself says needs attention in <paramref name="Period"/> (<see cref="NeedsAttention"/>).</param>
/// <param name="Overdue">Every overdue item in scope today, whatever the period raised: the tracker's "overdue" list.</param>
/// <param name="OverdueByUnit">The part of <paramref name="Overdue"/> in each unit directly below, most first.</param>
/// <param name="OverdueOwn">The part held by meetings of the leader's unit itself.</param>
/// <param name="ReportPeriod">The last quarter that has ended, whose official reports the units below owe.</param>
/// <param name="ReportsAwaited">Units directly below whose report for <paramref name="ReportPeriod"/> has not gone up (<see cref="ReportsFromBelow"/>).</param>
/// <param name="Plans">This year's dialogue plans in scope: planned, held and late (<see cref="Plans.PlanProgressQuery"/>; issue 18).</param>
public sealed record LeaderPart(
    int UnitId, string UnitName, ReportPeriod Period, SummaryFigures Summary, NeedsAttention Attention,
    TrackerCount Overdue, IReadOnlyList<UnitOverdue> OverdueByUnit, int OverdueOwn,
    ReviewPeriod ReportPeriod, IReadOnlyList<ReportFromBelow> ReportsAwaited, HomePlans Plans);

/// <summary>This year's dialogue plans in scope on a home (issue 18): the year (Vietnam calendar) and its planned, held and late.</summary>
public sealed record HomePlans(int Year, Plans.PlanCell Figures);

/// <summary>A tracker's work: new and unassigned, due soon, overdue and reopened items, each a count and the first few.</summary>
public sealed record TrackerPart(IReadOnlyList<TrackerCount> Lists, int DueSoonWorkingDays);

/// <summary>A Responder's queue (<see cref="AnswersAwaited"/>): the body, how many wait, how many are overdue, the first few.</summary>
public sealed record ResponderPart(string? BodyName, int Total, int Overdue, IReadOnlyList<HomeItem> First);

/// <summary>
/// A recorder's work: the drafts in scope, the latest meetings, whether they may log or import one, and this year's
/// dialogue plans in scope (<paramref name="Plans"/>: planned, held, late; issue 18), which the recorder keeps.
/// </summary>
public sealed record RecorderPart(bool MayCreate, bool MayImport, int Drafts, MeetingFilter DraftsFilter, IReadOnlyList<HomeMeeting> FirstDrafts, IReadOnlyList<HomeMeeting> Recent, HomePlans Plans);

/// <summary>The home of one user: the part of each of their roles that authorization grants, null where it does not.</summary>
public sealed record HomeView(LeaderPart? Leader, TrackerPart? Tracker, ResponderPart? Responder, RecorderPart? Recorder, bool Administration)
{
    /// <summary>Whether the user has no part at all (an account without a unit or a role).</summary>
    public bool IsEmpty => Leader is null && Tracker is null && Responder is null && Recorder is null && !Administration;
}

/// <summary>
/// Reads what a signed-in user's home shows (issue 17, deliver 1). Which parts are shown is asked of the
/// authorization with the named operations (never by reading roles here); every count is the one the list it links
/// to counts: the tracker's <see cref="RecommendationFilter"/>, the meeting list's <see cref="MeetingFilter"/>, the
/// queue's <see cref="AnswersAwaited"/>, the summary's cache and <see cref="ReportsFromBelow"/>.
/// </summary>
public sealed class HomeQuery(
    MeetingPortalDbContext db, CalendarService calendar, SummaryCache summaries, IAuthorizationService authorization, IOptions<MonitoringOptions> monitoring,
    Plans.PlanProgressQuery plans)
{
    /// <summary>How many items each list names under its count.</summary>
    public const int Shown = 3;

    /// <summary>How many recent meetings the recorder's part names.</summary>
    public const int RecentShown = 5;

    /// <summary>The keys of the tracker's lists, in the order shown (resource "Home.Tracker.{key}"); "RoadmapOverdue" is issue 18's (ADR 0025 section 3).</summary>
    public static readonly IReadOnlyList<string> TrackerKeys = ["New", "DueSoon", "Overdue", "Reopened", "RoadmapOverdue"];

    /// <summary>
    /// The home of <paramref name="user"/>. <paramref name="summaryRoute"/> gives a summary period's query values as
    /// the summary page writes them (the cache's key holds them, so the home and the summary share one entry).
    /// </summary>
    public async Task<HomeView> ForAsync(ClaimsPrincipal user, Func<ReportPeriod, IReadOnlyDictionary<string, string>> summaryRoute, CancellationToken cancellationToken)
    {
        var scope = user.GetScopeOrNone();
        var records = new MeetingResource(scope.Path);
        // The operations each part is the work of: signing the unit's report (its leaders), giving a recommendation to
        // a body (trackers), answering for a body, writing records, administering.
        var leads = await authorization.MayAsync(user, new ReportResource(scope.Path), ReportOperations.Sign);
        var tracks = await authorization.MayAsync(user, new RecommendationResource(scope.Path, null), RecommendationOperations.Assign);
        var answers = (await authorization.AuthorizeAsync(user, Policies.AnswerQueue)).Succeeded;
        var mayCreate = await authorization.MayAsync(user, records, MeetingOperations.Create);
        var mayImport = await authorization.MayAsync(user, records, MeetingOperations.Import);
        var administers = (await authorization.AuthorizeAsync(user, Policies.Administration)).Succeeded;
        return new HomeView(
            leads ? await LeaderAsync(scope, summaryRoute, cancellationToken) : null,
            tracks ? await TrackerAsync(scope, cancellationToken) : null,
            answers ? await ResponderAsync(user, cancellationToken) : null,
            mayCreate || mayImport ? await RecorderAsync(scope, mayCreate, mayImport, cancellationToken) : null,
            administers);
    }

    private async Task<LeaderPart?> LeaderAsync(UnitScope scope, Func<ReportPeriod, IReadOnlyDictionary<string, string>> summaryRoute, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == scope.UnitId).Select(u => new { u.Id, u.Name }).SingleOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var today = calendar.Today;
        var quarter = ReviewPeriod.QuarterOf(today);
        var period = ReportPeriod.Of(quarter);
        var summary = await summaries.GetAsync(scope, unit.Name, period, summaryRoute(period), cancellationToken);

        // Overdue today, whatever quarter raised it: the tracker's own "overdue" criterion, grouped by the unit below.
        var overdueFilter = new RecommendationFilter { Overdue = true };
        var overdue = await overdueFilter.ApplyWithoutStatusAsync(db, scope, calendar, cancellationToken);
        var byPath = await overdue.GroupBy(r => r.Meeting!.Unit!.Path).Select(g => new { Path = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var children = await db.Units.AsNoTracking().Where(u => u.ParentId == unit.Id && u.MergedIntoId == null)
            .Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(cancellationToken);
        var vietnamese = VietnameseOrder.Names;
        var byUnit = children
            .Select(c => new UnitOverdue(c.Id, c.Name, byPath.Where(p => p.Path.StartsWith(c.Path, StringComparison.Ordinal)).Sum(p => p.Count), new RecommendationFilter { Overdue = true, Unit = c.Id }))
            .Where(c => c.Count > 0)
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, vietnamese)
            .ToList();
        var total = byPath.Sum(p => p.Count);
        var first = await Items(overdueFilter.Order(overdue)).ToListAsync(cancellationToken);

        // Official reports are owed for a period once it has ended: the last quarter before this one.
        var owed = quarter.Previous();
        var awaited = (await ReportsFromBelow.ForAsync(db, unit.Id, owed, cancellationToken)).Where(r => !r.HasSent).ToList();
        return new LeaderPart(
            unit.Id, unit.Name, period, summary.Current, NeedsAttention.From(summary.Current, []),
            new TrackerCount("Overdue", total, overdueFilter, first), byUnit, total - byUnit.Sum(c => c.Count), owed, awaited,
            await PlansAsync(scope, cancellationToken));
    }

    private async Task<TrackerPart> TrackerAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        var dueSoonDays = monitoring.Value.DueSoonWorkingDays;
        RecommendationFilter[] filters =
        [
            // New and given to no body yet, of published meetings: what a tracker has to give out.
            new() { Status = RecommendationStatus.New, Published = true },
            // "Due soon" as the due-date check warns the body of it (Monitoring:DueSoonWorkingDays).
            new() { DueWithin = dueSoonDays },
            new() { Overdue = true },
            new() { Reopened = true },
            // Accepted items whose roadmap fell behind: counted apart from the unanswered overdue.
            new() { RoadmapOverdue = true },
        ];
        var lists = new List<TrackerCount>();
        for (var i = 0; i < filters.Length; i++)
        {
            var filter = filters[i];
            var query = filter.ApplyStatus(await filter.ApplyWithoutStatusAsync(db, scope, calendar, cancellationToken));
            var count = await query.CountAsync(cancellationToken);
            var first = count == 0 ? [] : await Items(filter.Order(query)).ToListAsync(cancellationToken);
            lists.Add(new TrackerCount(TrackerKeys[i], count, filter, first));
        }

        return new TrackerPart(lists, dueSoonDays);
    }

    private async Task<ResponderPart> ResponderAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (AnswersAwaited.For(db, user) is not { } queue)
        {
            return new ResponderPart(null, 0, 0, []);
        }

        var body = user.GetOrganisationId();
        var name = await db.Organisations.AsNoTracking().Where(o => o.Id == body).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        var total = await queue.CountAsync(cancellationToken);
        var overdue = total == 0 ? 0 : await queue.CountAsync(RecommendationStatuses.OverdueOn(calendar.Today), cancellationToken);
        var first = total == 0 ? [] : await Items(AnswersAwaited.Ordered(queue)).ToListAsync(cancellationToken);
        return new ResponderPart(name, total, overdue, first);
    }

    private async Task<RecorderPart> RecorderAsync(UnitScope scope, bool mayCreate, bool mayImport, CancellationToken cancellationToken)
    {
        var draftsFilter = new MeetingFilter { Status = MeetingStatus.Draft };
        var drafts = await draftsFilter.ApplyAsync(db, scope, cancellationToken);
        var draftCount = await drafts.CountAsync(cancellationToken);
        var firstDrafts = draftCount == 0 ? [] : await Meetings(draftsFilter.Order(drafts).Take(Shown)).ToListAsync(cancellationToken);
        var all = new MeetingFilter();
        var recent = await Meetings(all.Order(await all.ApplyAsync(db, scope, cancellationToken)).Take(RecentShown)).ToListAsync(cancellationToken);
        return new RecorderPart(mayCreate, mayImport, draftCount, draftsFilter, firstDrafts, recent, await PlansAsync(scope, cancellationToken));
    }

    // This year's plans in scope, counted as the planned-against-held view counts them (its "Toàn bộ" row).
    // Read once per home: a user who both leads and records sees the same figures in both parts.
    private Task<HomePlans>? _plans;

    private Task<HomePlans> PlansAsync(UnitScope scope, CancellationToken cancellationToken) => _plans ??= ReadPlansAsync(scope, cancellationToken);

    private async Task<HomePlans> ReadPlansAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        var year = calendar.Today.Year;
        return new HomePlans(year, (await plans.RunAsync(scope, null, year, cancellationToken))?.Total.Year ?? Plans.PlanCell.Empty);
    }

    private static IQueryable<HomeItem> Items(IQueryable<Recommendation> ordered) =>
        ordered.Take(Shown).Select(r => new HomeItem(r.Id, r.Content, r.Meeting!.Title, r.DueOn));

    private static IQueryable<HomeMeeting> Meetings(IQueryable<Meeting> ordered) =>
        ordered.Select(m => new HomeMeeting(m.Id, m.HeldOn, m.Title, m.Unit!.Name, m.Status));
}
