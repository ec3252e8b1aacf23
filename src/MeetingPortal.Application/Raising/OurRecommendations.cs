using System.Linq.Expressions;
using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Application.Raising;

/// <summary>One recommendation of "our recommendations": what the raising body sees of it (no person is named).</summary>
public sealed record RaisedRow(
    int Id, string Content, RecommendationStatus Status, DateOnly? DueOn, bool Overdue, string MeetingTitle, DateOnly HeldOn,
    string UnitName, string? AddressedTo, DateOnly? LastAnsweredOn, bool OnRoadmap, int RoadmapProgress, bool RoadmapOverdue);

/// <summary>
/// "Our recommendations" for a raising body: how many it has raised (in published records), how many are still open,
/// overdue for an answer, and behind their roadmap; and one page of the list, the most urgent first.
/// </summary>
public sealed record RaisedList(string BodyName, int Total, int Open, int Overdue, int RoadmapOverdue, IReadOnlyList<RaisedRow> Rows, int Page, int PageCount);

/// <summary>An answer as the raising body reads it: the kind, the Vietnam date, the text and the answering body.</summary>
public sealed record RaisedAnswer(ResponseKind Kind, DateOnly RespondedOn, string Content, string? Body);

/// <summary>A milestone of a roadmap as the raising body reads it (Vietnam dates).</summary>
public sealed record RaisedMilestone(string Content, DateOnly DueOn, int SharePercent, DateOnly? DoneOn, bool Overdue);

/// <summary>One recommendation the body raised, with its answers and its roadmap, for the raising side's page.</summary>
public sealed record RaisedDetail(
    RaisedRow Row, string? RaisedBy, string? Theme, IReadOnlyList<RaisedAnswer> Answers, DateOnly? PlannedResolutionOn,
    string? ReportingBody, IReadOnlyList<RaisedMilestone> Milestones);

/// <summary>
/// What a Raiser sees of the recommendations their body raised (issue 18, deliver 5 "our recommendations"; ADR 0026):
/// across every committee they were raised to, only from published records (a draft is not yet a record, ADR 0012),
/// read by the body on the Raiser's account and never by a unit's scope. Overdue (for an answer) come first, then those
/// behind their roadmap, then the other open ones, then the settled ones; within each, the earliest due first.
/// </summary>
public sealed class OurRecommendations(MeetingPortalDbContext db, CalendarService calendar, IAuthorizationService authorization)
{
    /// <summary>Rows on one page of the list.</summary>
    public const int PageSize = 25;

    /// <summary>
    /// Page <paramref name="page"/> (from 1; past the last gives the last) of the list of <paramref name="user"/>'s body,
    /// only the open ones when <paramref name="openOnly"/>; null when the account raises for no body.
    /// </summary>
    public async Task<RaisedList?> ListAsync(ClaimsPrincipal user, bool openOnly, int page, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Infrastructure.Identity.Roles.Raiser) || user.GetOrganisationId() is not { } body)
        {
            return null;
        }

        var bodyName = await db.Organisations.AsNoTracking().Where(o => o.Id == body).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        if (bodyName is null)
        {
            return null;
        }

        var today = calendar.Today;
        var open = RecommendationStatuses.Open.ToArray();
        var raised = Raised(body);
        var total = await raised.CountAsync(cancellationToken);
        var openCount = await raised.CountAsync(r => open.Contains(r.Status), cancellationToken);
        var overdue = await raised.Where(RecommendationStatuses.OverdueOn(today)).CountAsync(cancellationToken);
        var roadmapOverdue = await raised.Where(Roadmaps.OverdueOn(today)).CountAsync(cancellationToken);

        var listed = openOnly ? raised.Where(r => open.Contains(r.Status)) : raised;
        var count = openOnly ? openCount : total;
        var pageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await Project(listed.OrderBy(Urgency(today)).ThenBy(r => r.DueOn == null).ThenBy(r => r.DueOn).ThenByDescending(r => r.Meeting!.HeldOn).ThenBy(r => r.Id)
                .Skip((page - 1) * PageSize).Take(PageSize))
            .ToListAsync(cancellationToken);
        return new RaisedList(bodyName, total, openCount, overdue, roadmapOverdue, rows.Select(r => r.ToRow(today)).ToList(), page, pageCount);
    }

    /// <summary>
    /// Recommendation <paramref name="id"/> as <paramref name="user"/>'s body reads it; null (404) when it is unknown, of
    /// a record not published, or raised by another body (<see cref="RecommendationOperations.Read"/>).
    /// </summary>
    public async Task<RaisedDetail?> DetailAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        var key = await db.Recommendations.AsNoTracking().Where(r => r.Id == id).Where(Recommendation.Followed)
            .Select(r => new { r.Meeting!.Unit!.Path, r.AddressedToOrganisationId, Reporting = (int?)r.Roadmap!.ReportingOrganisationId, r.RaisedByOrganisationId })
            .SingleOrDefaultAsync(cancellationToken);
        if (key is null || !await authorization.MayAsync(user, new RecommendationResource(key.Path, key.AddressedToOrganisationId, key.Reporting, key.RaisedByOrganisationId), RecommendationOperations.Read))
        {
            return null;
        }

        var today = calendar.Today;
        var row = (await Project(db.Recommendations.AsNoTracking().Where(r => r.Id == id)).SingleAsync(cancellationToken)).ToRow(today);
        var more = await db.Recommendations.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new
            {
                RaisedBy = r.RaisedByOrganisation!.Name,
                Theme = r.Theme!.Name,
                Answers = r.Responses.OrderBy(x => x.RespondedOn).ThenBy(x => x.Id)
                    .Select(x => new RaisedAnswer(x.Kind, x.RespondedOn, x.Content, x.Organisation!.Name)).ToList(),
                Planned = (DateOnly?)r.Roadmap!.PlannedResolutionOn,
                Reporting = db.Organisations.Where(o => o.Id == r.Roadmap!.ReportingOrganisationId).Select(o => o.Name).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        var milestones = await db.Roadmaps.AsNoTracking().Where(m => m.RecommendationId == id)
            .SelectMany(m => m.Milestones).OrderBy(m => m.DueOn).ThenBy(m => m.Id)
            .Select(m => new { m.Content, m.DueOn, m.SharePercent, m.DoneOn })
            .ToListAsync(cancellationToken);
        return new RaisedDetail(
            row, more.RaisedBy, more.Theme, more.Answers, more.Planned, more.Planned is null ? null : more.Reporting,
            milestones.Select(m => new RaisedMilestone(m.Content, m.DueOn, m.SharePercent, m.DoneOn, m.DoneOn is null && m.DueOn < today)).ToList());
    }

    /// <summary>The recommendations <paramref name="body"/> raised in published records, untracked.</summary>
    public IQueryable<Recommendation> Raised(int body) =>
        db.Recommendations.AsNoTracking().Where(r => r.RaisedByOrganisationId == body).Where(Recommendation.Followed);

    // The list's first key: 0 overdue for an answer, 1 behind its roadmap, 2 other open, 3 settled. Built from the domain's
    // own expressions (EF Core inlines the invoked lambdas), so "overdue" here is the tracker's and the summaries'.
    private static Expression<Func<Recommendation, int>> Urgency(DateOnly today)
    {
        var r = Expression.Parameter(typeof(Recommendation), "r");
        Expression<Func<Recommendation, bool>> isOpen = x => RecommendationStatuses.Open.Contains(x.Status);
        var body = Expression.Condition(Expression.Invoke(RecommendationStatuses.OverdueOn(today), r), Expression.Constant(0),
            Expression.Condition(Expression.Invoke(Roadmaps.OverdueOn(today), r), Expression.Constant(1),
                Expression.Condition(Expression.Invoke(isOpen, r), Expression.Constant(2), Expression.Constant(3))));
        return Expression.Lambda<Func<Recommendation, int>>(body, r);
    }

    private static IQueryable<Projected> Project(IQueryable<Recommendation> query) =>
        query.Select(r => new Projected(
            r.Id, r.Content, r.Status, r.DueOn, r.Meeting!.Status, r.Meeting.Title, r.Meeting.HeldOn, r.Meeting.Unit!.Name,
            r.AddressedToOrganisation!.Name, r.Responses.Max(x => (DateOnly?)x.RespondedOn),
            r.Roadmap == null ? null : (DateOnly?)r.Roadmap.PlannedResolutionOn,
            r.Roadmap == null ? null : r.Roadmap.Milestones.Select(m => new MilestoneKey(m.SharePercent, m.DueOn, m.DoneOn)).ToList()));

    private sealed record MilestoneKey(int SharePercent, DateOnly DueOn, DateOnly? DoneOn);

    private sealed record Projected(
        int Id, string Content, RecommendationStatus Status, DateOnly? DueOn, MeetingStatus MeetingStatus, string MeetingTitle, DateOnly HeldOn,
        string UnitName, string? AddressedTo, DateOnly? LastAnsweredOn, DateOnly? PlannedResolutionOn, List<MilestoneKey>? Milestones)
    {
        public RaisedRow ToRow(DateOnly today)
        {
            var onRoadmap = PlannedResolutionOn is not null && RecommendationStatuses.Open.Contains(Status);
            var milestones = Milestones ?? [];
            return new RaisedRow(
                Id, Content, Status, DueOn, RecommendationStatuses.IsOverdue(Status, DueOn, MeetingStatus, today), MeetingTitle, HeldOn, UnitName,
                AddressedTo, LastAnsweredOn, PlannedResolutionOn is not null,
                Roadmaps.Progress(milestones.Select(m => (m.SharePercent, m.DoneOn))),
                onRoadmap && Roadmaps.IsOverdue(Status, MeetingStatus, PlannedResolutionOn!.Value, milestones.Select(m => (m.DueOn, m.DoneOn)), today));
        }
    }
}
