using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Application.Results;

/// <summary>
/// The "Thông báo kết quả giải quyết kiến nghị" of one dialogue (issue 18, deliver 5; ADR 0025 section 5): every
/// recommendation raised at the meeting, grouped by the body that raised it (the notice is addressed to them), each with
/// the body it was addressed to, its latest answer, its state and its roadmap; and what the unit made public of it.
/// Bodies are named as they are today: the notice is a document of the day it is issued, not of the meeting's day.
/// </summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="Title">The meeting's title.</param>
/// <param name="Type">The meeting's type.</param>
/// <param name="HeldOn">The day it was held (Vietnam date).</param>
/// <param name="Status">The meeting's status: a draft has no results yet (follow-up starts with publication, ADR 0012).</param>
/// <param name="UnitId">The meeting's unit.</param>
/// <param name="UnitName">The unit's name today.</param>
/// <param name="UnitPath">The unit's materialised path (scope, ADR 0003).</param>
/// <param name="IssuingBody">The body that issues the notice: the meeting's host (the committee that held the dialogue), else the unit.</param>
/// <param name="Groups">The recommendations by raising body, in the order each body first raised one; those whose raiser the record does not name last.</param>
/// <param name="Counterparts">The bodies of the raising side that took part in the dialogue (the Front, socio-political organisations, associations, village branches), as the record lists them.</param>
/// <param name="Public">What the unit made public: null while never published.</param>
/// <param name="Today">The day it was read (Vietnam date): what "overdue" is measured against.</param>
public sealed record ResultsNotice(
    int MeetingId, string Title, MeetingType Type, DateOnly HeldOn, MeetingStatus Status, int UnitId, string UnitName, string UnitPath, string IssuingBody,
    IReadOnlyList<RaisingGroup> Groups, IReadOnlyList<string> Counterparts, PublicState? Public, DateOnly Today)
{
    /// <summary>Only a published meeting is followed up and has results (ADR 0012).</summary>
    public bool HasResults => Status == MeetingStatus.Published;

    /// <summary>
    /// Who the notice is addressed to ("Kính gửi"), each once: the raising bodies in the groups' order; when the record
    /// does not say who raised some items ("nhiều đại biểu cho rằng…", as the seeds of 2022 write), also the bodies of the
    /// raising side that took part in the dialogue (<see cref="Counterparts"/>), since the items came from them.
    /// </summary>
    public IReadOnlyList<string> Addressees =>
        [.. Groups.Where(g => g.RaisedBy is not null).Select(g => g.RaisedBy!)
            .Concat(Groups.Any(g => g.RaisedBy is null) ? Counterparts : [])
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Every item, in the groups' order.</summary>
    public IEnumerable<ResultItem> Items => Groups.SelectMany(g => g.Items);
}

/// <summary>The recommendations one body raised (<paramref name="RaisedBy"/> null: the record does not say who raised them).</summary>
public sealed record RaisingGroup(string? RaisedBy, IReadOnlyList<ResultItem> Items);

/// <summary>
/// One recommendation as the notice and the public page show it: no person is named (the answer names its body only).
/// </summary>
/// <param name="Id">The recommendation.</param>
/// <param name="Number">Its number in the meeting's record (1-based, the record's order).</param>
/// <param name="Content">What was asked, as the record words it.</param>
/// <param name="AddressedTo">The body it is addressed to, null while not assigned.</param>
/// <param name="Status">Its state (shown in the words of <c>RecommendationStatus.*</c>).</param>
/// <param name="Answer">Its latest answer, null while unanswered.</param>
/// <param name="Roadmap">Its roadmap, null when it has none.</param>
/// <param name="IsPublic">Whether the unit marked it public.</param>
public sealed record ResultItem(int Id, int Number, string Content, string? AddressedTo, RecommendationStatus Status, ResultAnswer? Answer, ResultRoadmap? Roadmap, bool IsPublic);

/// <summary>The latest answer to a recommendation: its text, the day it was given (Vietnam date), its kind and the answering body (null when a person answered on no body's behalf; the person is never named here).</summary>
public sealed record ResultAnswer(string Content, DateOnly RespondedOn, ResponseKind Kind, string? Body);

/// <summary>A roadmap as reported back: the planned resolution day, its milestones in date order, and whether it is overdue on the day read.</summary>
public sealed record ResultRoadmap(DateOnly PlannedResolutionOn, IReadOnlyList<ResultMilestone> Milestones, bool IsOverdue)
{
    /// <summary>The share reached, 0-100 % (<see cref="Roadmaps.Progress"/>).</summary>
    public int ProgressPercent => Roadmaps.Progress(Milestones.Select(m => (m.SharePercent, m.DoneOn)));
}

/// <summary>A milestone: what, by when (Vietnam date), its share of the progress (0-100 %), the day it was done (null while not) and whether it is past its date undone.</summary>
public sealed record ResultMilestone(string Content, DateOnly DueOn, int SharePercent, DateOnly? DoneOn, bool IsLate);

/// <summary>The unit's public page of the results: whether it is shown, its public id and the version a change starts from.</summary>
public sealed record PublicState(bool IsPublished, string PublicId, int Version);

/// <summary>
/// Reads <see cref="ResultsNotice"/> for staff who may read the meeting (<see cref="MeetingOperations.Read"/>; out of
/// scope is as unknown, 404). One query, projected and untracked.
/// </summary>
public sealed class ResultsNoticeQuery(MeetingPortalDbContext db, IAuthorizationService authorization, CalendarService calendar)
{
    /// <summary>The kinds of body that raise recommendations at a dialogue: the Front, the socio-political organisations, associations and village branches.</summary>
    private static readonly OrganisationKind[] RaisingKinds =
        [OrganisationKind.FatherlandFront, OrganisationKind.SocioPoliticalOrganisation, OrganisationKind.SpecialAssociation, OrganisationKind.VillageBranch];

    /// <summary>The notice of meeting <paramref name="meetingId"/>, or null when it is unknown or outside the user's scope.</summary>
    public async Task<ResultsNotice?> ReadAsync(ClaimsPrincipal user, int meetingId, CancellationToken cancellationToken)
    {
        // Scoped in the query by the stored path, so an id of another unit costs no read of its notice; the operation
        // still decides (a role without reading rights).
        var notice = await ReadAsync(db, db.Meetings.InScope(user.GetScopeOrNone()).Where(m => m.Id == meetingId), onlyPublic: false, calendar.Today, cancellationToken);
        return notice is not null && await authorization.MayAsync(user, new MeetingResource(notice.UnitPath), MeetingOperations.Read) ? notice : null;
    }

    /// <summary>
    /// The notice of the one meeting <paramref name="meeting"/> selects (null when none), with every item or, for the
    /// public page, only those marked public (<paramref name="onlyPublic"/>), overdue measured on <paramref name="today"/>.
    /// Shared with <see cref="PublicResultsQuery"/> so that both show an item the same way.
    /// </summary>
    internal static async Task<ResultsNotice?> ReadAsync(MeetingPortalDbContext db, IQueryable<Meeting> meeting, bool onlyPublic, DateOnly today, CancellationToken cancellationToken)
    {
        // Split: the items, their answers and their milestones are each read by one statement, not multiplied in one join.
        var row = await meeting.AsNoTracking().AsSplitQuery().Select(m => new
        {
            m.Id,
            m.Title,
            m.Type,
            m.HeldOn,
            m.Status,
            m.UnitId,
            UnitName = m.Unit!.Name,
            UnitPath = m.Unit.Path,
            Host = m.HostOrganisation!.Name,
            Counterparts = m.Organisations.Where(o => RaisingKinds.Contains(o.Organisation!.Kind)).OrderBy(o => o.OrganisationId).Select(o => o.Organisation!.Name).ToList(),
            Public = db.PublicResults.Where(p => p.MeetingId == m.Id).Select(p => new PublicState(p.IsPublished, p.PublicId, p.Version)).FirstOrDefault(),
            Recommendations = m.Recommendations
                .Where(r => !onlyPublic || db.PublicResultItems.Any(i => i.RecommendationId == r.Id))
                .OrderBy(r => r.Order).ThenBy(r => r.Id)
                .Select(r => new
                {
                    r.Id,
                    r.Order,
                    r.Content,
                    r.RaisedByOrganisationId,
                    RaisedBy = r.RaisedByOrganisation!.Name,
                    AddressedTo = r.AddressedToOrganisation!.Name,
                    r.Status,
                    // The latest answer, as the domain takes it (the highest id); its body only, never the person.
                    Answer = r.Responses.OrderByDescending(x => x.Id)
                        .Select(x => new ResultAnswer(x.Content, x.RespondedOn, x.Kind, x.Organisation!.Name)).FirstOrDefault(),
                    Planned = (DateOnly?)r.Roadmap!.PlannedResolutionOn,
                    Milestones = r.Roadmap!.Milestones.OrderBy(x => x.DueOn).ThenBy(x => x.SharePercent)
                        .Select(x => new { x.Content, x.DueOn, x.SharePercent, x.DoneOn }).ToList(),
                    IsPublic = db.PublicResultItems.Any(i => i.RecommendationId == r.Id),
                })
                .ToList(),
        }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var items = row.Recommendations.Select(r =>
        {
            ResultRoadmap? roadmap = null;
            if (r.Planned is { } planned)
            {
                var milestones = r.Milestones.Select(x => new ResultMilestone(x.Content, x.DueOn, x.SharePercent, x.DoneOn, x.DoneOn is null && x.DueOn < today)).ToList();
                roadmap = new ResultRoadmap(planned, milestones, Roadmaps.IsOverdue(r.Status, row.Status, planned, milestones.Select(x => (x.DueOn, x.DoneOn)), today));
            }

            // Numbered as the record numbers it (Order is 1-based), so a public page showing some keeps the record's numbers.
            return (r.RaisedByOrganisationId, r.RaisedBy, Item: new ResultItem(r.Id, r.Order, r.Content, r.AddressedTo, r.Status, r.Answer, roadmap, r.IsPublic));
        }).ToList();
        var groups = items.GroupBy(x => x.RaisedByOrganisationId)
            .OrderBy(g => g.Key is null ? 1 : 0)
            .Select(g => new RaisingGroup(g.First().RaisedBy, [.. g.Select(x => x.Item)]))
            .ToList();
        return new ResultsNotice(row.Id, row.Title, row.Type, row.HeldOn, row.Status, row.UnitId, row.UnitName, row.UnitPath, row.Host ?? row.UnitName, groups, row.Counterparts, row.Public, today);
    }
}
