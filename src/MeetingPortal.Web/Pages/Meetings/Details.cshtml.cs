using MeetingPortal.Application.People;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>One meeting as a readable record. Out of scope answers 404 so existence is not revealed.</summary>
public sealed class DetailsModel(MeetingPortalDbContext db, IAuthorizationService authorization, PeopleNames peopleNames) : PageModel
{
    public View Meeting { get; private set; } = null!;

    public IReadOnlyList<HistoryView> History { get; private set; } = [];

    /// <summary>The names of the units that the history's changes of the record's unit refer to, by id.</summary>
    public IReadOnlyDictionary<int, string> HistoryUnitNames { get; private set; } = new Dictionary<int, string>();

    /// <summary>Who changed the record and who approved its minutes, by full name.</summary>
    public PeopleDirectory People { get; private set; } = PeopleDirectory.Empty;

    public bool MayEdit { get; private set; }

    /// <summary>Whether "Quản lý tệp đính kèm" is offered: the user may add or remove the record's files (<see cref="AttachmentOperations.Manage"/>).</summary>
    public bool MayManageAttachments { get; private set; }

    /// <summary>Whether the user may approve the minutes now: a leader of the meeting's own unit, a published record, not approved yet.</summary>
    public bool MayApproveMinutes { get; private set; }

    /// <summary>
    /// The history entries saved after the minutes were approved, oldest first (ADR 0019): the record was corrected
    /// after approval and the approved minutes do not show it. Empty before approval or when nothing changed since.
    /// </summary>
    public IReadOnlyList<HistoryView> ChangedAfterApproval { get; private set; } = [];

    public IReadOnlyList<AttachmentsModel.Row> Attachments { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    /// <summary>The entry of the unit's dialogue plan this meeting held, if one is linked (issue 18).</summary>
    public PlannedView? Planned { get; private set; }

    /// <summary>A planned dialogue as the meeting's page names it: its topic and its month or quarter.</summary>
    public sealed record PlannedView(int Id, string Topic, Domain.Meetings.ReviewPeriod Period);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var meeting = await LoadViewAsync(db, id, cancellationToken);

        if (meeting is null || !await authorization.MayAsync(User, new MeetingResource(meeting.UnitPath), MeetingOperations.Read))
        {
            return NotFound();
        }

        Meeting = meeting;
        MayEdit = await authorization.MayAsync(User, new MeetingResource(meeting.UnitPath), MeetingOperations.Edit);
        MayManageAttachments = await authorization.MayAsync(User, new AttachmentResource(meeting.UnitPath), AttachmentOperations.Manage);
        Planned = await db.PlannedDialogues.AsNoTracking().Where(p => p.MeetingId == id)
            .Select(p => new PlannedView(p.Id, p.Topic, new Domain.Meetings.ReviewPeriod(p.PeriodKind, p.Year, p.PeriodNumber))).SingleOrDefaultAsync(cancellationToken);
        var history = await db.History.AsNoTracking()
            .Where(h => h.EntityType == nameof(Domain.Meetings.Meeting) && h.EntityId == id)
            .OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id)
            .Select(h => new { h.Action, h.UserName, h.AtUtc, h.Reason, h.Changes })
            .ToListAsync(cancellationToken);
        Attachments = await AttachmentsModel.ListAsync(db, id, cancellationToken);
        People = await peopleNames.ForAsync(history.Select(h => h.UserName).Append(meeting.MinutesApproval?.ApprovedBy), cancellationToken);
        History = history.Select(h => new HistoryView(h.Action, People.Of(h.UserName), h.AtUtc, h.Reason, AuditTrail.ReadChanges(h.Changes))).ToList();
        HistoryUnitNames = await HistoryFieldNames.UnitNamesAsync(db, History.SelectMany(h => h.Changes), cancellationToken);
        if (meeting.MinutesApproval is { } approval)
        {
            // A merger moves the record to the new unit without changing what it says (it keeps the unit it was held in);
            // an import (format version 4 carries approved minutes) copies the record as it stood. Neither corrects it.
            ChangedAfterApproval = History.Where(h => h.AtUtc > approval.ApprovedAtUtc
                && h.Action is not (HistoryAction.MinutesApproved or HistoryAction.Merged or HistoryAction.Imported)).Reverse().ToList();
        }
        else
        {
            MayApproveMinutes = meeting.Status == MeetingStatus.Published
                && await authorization.MayAsync(User, new MeetingResource(meeting.UnitPath), MeetingOperations.ApproveMinutes);
        }

        return Page();
    }


    /// <summary>
    /// The whole record as read by people: the detail page and the minutes both use it. The unit, the host and every
    /// organisation are named as they were on the meeting's day (<see cref="NamesOnDate"/>, ADR 0018): a unit renamed or
    /// merged since still heads its old records under the old name.
    /// </summary>
    public static async Task<View?> LoadViewAsync(MeetingPortalDbContext db, int id, CancellationToken cancellationToken)
    {
        var view = await LoadView(db, id, cancellationToken);
        if (view is null)
        {
            return null;
        }

        var day = view.HeldOn;
        // The unit the meeting was held in and its superior, as the tree stood that day (a district since retired included).
        var (unitName, superior) = await NamesOnDate.UnitOnAsync(db, view.HeldInUnitId, day, cancellationToken);
        view.UnitName = unitName ?? view.UnitName;
        view.SuperiorUnitName = superior;
        var organisationIds = new List<int?> { view.HostOrganisationId };
        organisationIds.AddRange(view.OrganisationIds.Select(o => (int?)o));
        organisationIds.AddRange(view.Speeches.Select(s => s.OrganisationId));
        organisationIds.AddRange(view.Recommendations.SelectMany(r => r.Responses.Select(x => x.OrganisationId).Append(r.RaisedById).Append(r.AddressedToId)));
        organisationIds.AddRange(view.Directives.SelectMany(d => d.AssigneeIds.Select(a => (int?)a)));
        organisationIds.AddRange(view.CarriedOver.Select(c => c.AddressedToId));
        var names = await NamesOnDate.OrganisationsAsync(db, organisationIds.OfType<int>(), day, cancellationToken);
        view.HostName = names.Or(view.HostOrganisationId, view.HostName);
        for (var i = 0; i < view.Organisations.Count; i++)
        {
            view.Organisations[i] = names.Or(view.OrganisationIds[i], view.Organisations[i])!;
        }

        // In Vietnamese order of the names shown, those of the meeting's day, so ordered here and not by the query (ADR 0021).
        ShownNames.OrderTogether(view.OrganisationIds, view.Organisations);

        for (var i = 0; i < view.Speeches.Count; i++)
        {
            view.Speeches[i] = view.Speeches[i] with { OrganisationName = names.Or(view.Speeches[i].OrganisationId, view.Speeches[i].OrganisationName) };
        }

        for (var i = 0; i < view.Recommendations.Count; i++)
        {
            var r = view.Recommendations[i];
            for (var j = 0; j < r.Responses.Count; j++)
            {
                r.Responses[j] = r.Responses[j] with { OrganisationName = names.Or(r.Responses[j].OrganisationId, r.Responses[j].OrganisationName) };
            }

            view.Recommendations[i] = r with { RaisedBy = names.Or(r.RaisedById, r.RaisedBy), AddressedTo = names.Or(r.AddressedToId, r.AddressedTo) };
        }

        for (var i = 0; i < view.CarriedOver.Count; i++)
        {
            view.CarriedOver[i] = view.CarriedOver[i] with { AddressedTo = names.Or(view.CarriedOver[i].AddressedToId, view.CarriedOver[i].AddressedTo) };
        }

        foreach (var directive in view.Directives)
        {
            for (var j = 0; j < directive.Assignees.Count && j < directive.AssigneeIds.Count; j++)
            {
                directive.Assignees[j] = names.Or(directive.AssigneeIds[j], directive.Assignees[j])!;
            }

            ShownNames.OrderTogether(directive.AssigneeIds, directive.Assignees);
        }

        return view;
    }

    // Compiled: looking this projection up in EF's query cache cost about 1 ms a request, four times its SQL.
    private static readonly Func<MeetingPortalDbContext, int, CancellationToken, Task<View?>> LoadView = EF.CompileAsyncQuery((MeetingPortalDbContext db, int id, CancellationToken _) =>
        db.Meetings.AsNoTracking().AsSplitQuery()
            .Where(m => m.Id == id)
            .Select(m => new View
            {
                Id = m.Id,
                UnitPath = m.Unit!.Path,
                UnitName = m.Unit.Name,
                HeldInUnitId = m.HeldInUnitId ?? m.UnitId,
                HostOrganisationId = m.HostOrganisationId,
                Title = m.Title,
                Type = m.Type,
                HeldOn = m.HeldOn,
                DayPart = m.DayPart,
                StartTime = m.StartTime,
                EndTime = m.EndTime,
                PeriodKind = m.PeriodKind,
                PeriodYear = m.PeriodYear,
                PeriodNumber = m.PeriodNumber,
                Format = m.Format,
                ConnectedPoints = m.ConnectedPoints,
                Location = m.Location,
                HostName = m.HostOrganisation!.Name,
                HostBoard = m.HostBoard,
                Status = m.Status,
                Summary = m.Summary,
                Conclusion = m.Conclusion,
                StatedOpinionCount = m.StatedOpinionCount,
                StatedRecommendationCount = m.StatedRecommendationCount,
                StatedInvitedCount = m.StatedInvitedCount,
                StatedPresentCount = m.StatedPresentCount,
                StatedAbsentCount = m.StatedAbsentCount,
                AttendanceNote = m.AttendanceNote,
                Source = m.Source,
                RebuiltFromSecondarySource = m.RebuiltFromSecondarySource,
                // The approval's own table is left-joined: every column is null before approval.
                ApprovedAtUtc = (DateTime?)m.MinutesApproval!.ApprovedAtUtc,
                ApprovedOn = (DateOnly?)m.MinutesApproval.ApprovedOn,
                ApprovedBy = m.MinutesApproval.ApprovedBy,
                ApprovedScanFileName = m.MinutesApproval.ScanFileName,
                ApprovedDocumentStoredName = m.MinutesApproval.DocumentStoredName,
                Participants = m.Participants.OrderBy(p => p.Order)
                    .Select(p => new ParticipantView(p.Person!.FullName, p.Title, p.Role) { Attendance = p.Attendance, AbsenceReason = p.AbsenceReason }).ToList(),
                ParticipantGroups = m.ParticipantGroups.OrderBy(g => g.Order).Select(g => g.Wording ?? g.BodyGroup!.Name).ToList(),
                Organisations = m.Organisations.OrderBy(o => o.OrganisationId).Select(o => o.Organisation!.Name).ToList(),
                OrganisationIds = m.Organisations.OrderBy(o => o.OrganisationId).Select(o => o.OrganisationId).ToList(),
                Speeches = m.Speeches.OrderBy(s => s.Order)
                    .Select(s => new SpeechView(s.Id, s.Order, s.Kind, s.Speaker!.FullName, s.SpeakerTitle, s.Organisation!.Name, s.Content) { OrganisationId = s.OrganisationId }).ToList(),
                Recommendations = m.Recommendations.OrderBy(r => r.Order)
                    .Select(r => new RecommendationView(
                        r.Id, r.SpeechId, r.Content, r.RaisedByOrganisation!.Name, r.AddressedToOrganisation!.Name, r.Theme!.Name, r.Status,
                        r.Responses.OrderBy(x => x.RespondedOn).Select(x => new ResponseView(x.Kind, x.RespondedOn, x.Organisation!.Name, x.Person!.FullName, x.Content) { OrganisationId = x.OrganisationId }).ToList())
                    { RaisedById = r.RaisedByOrganisationId, AddressedToId = r.AddressedToOrganisationId })
                    .ToList(),
                CarriedOver = m.CarriedOver.OrderBy(c => c.Order)
                    .Select(c => new CarriedOverView(
                        c.RecommendationId, c.Recommendation!.Content, c.Recommendation.AddressedToOrganisation!.Name, c.ReportedStatus, c.Recommendation.Status,
                        c.TimesRaised, c.FirstRaisedOn) { AddressedToId = c.Recommendation.AddressedToOrganisationId })
                    .ToList(),
                Directives = m.Directives.OrderBy(d => d.Order)
                    .Select(d => new DirectiveView(d.Id, d.Content, d.DueOn, d.Assignees.OrderBy(a => a.OrganisationId).Select(a => a.Organisation!.Name).ToList())
                    {
                        AssigneeIds = d.Assignees.OrderBy(a => a.OrganisationId).Select(a => a.OrganisationId).ToList(),
                        Groups = d.GroupAssignees.OrderBy(a => EF.Functions.Collate(a.BodyGroup!.Name, VietnameseOrder.CollationName)).ThenBy(a => a.BodyGroupId)
                            .Select(a => a.BodyGroup!.Name).ToList(),
                        Target = d.TargetMeasure == null ? null : new TargetView(d.TargetMeasure, d.TargetLow, d.TargetHigh, d.TargetUnit),
                    }).ToList(),
            })
            .SingleOrDefault());

    public sealed class View
    {
        public int Id { get; init; }
        public required string UnitPath { get; init; }
        /// <summary>The unit's name on <see cref="HeldOn"/> once loaded by <see cref="LoadViewAsync"/> (ADR 0018).</summary>
        public required string UnitName { get; set; }

        /// <summary>
        /// The name of the unit directly above the meeting's unit, null when that is the top unit (the whole country, no
        /// Party organisation of its own) or none; on <see cref="HeldOn"/> once loaded by <see cref="LoadViewAsync"/>.
        /// </summary>
        public string? SuperiorUnitName { get; set; }

        /// <summary>The unit the meeting was held in (before any merger moved it).</summary>
        public int HeldInUnitId { get; init; }

        /// <summary>The host body's id, for its name on the day.</summary>
        public int? HostOrganisationId { get; init; }

        /// <summary>The ids of <see cref="Organisations"/>, in the same order.</summary>
        public List<int> OrganisationIds { get; init; } = [];
        public required string Title { get; init; }
        public MeetingType Type { get; init; }
        public DateOnly HeldOn { get; init; }
        public DayPart? DayPart { get; init; }
        public TimeOnly? StartTime { get; init; }

        /// <summary>When the meeting ended; null when not stated.</summary>
        public TimeOnly? EndTime { get; init; }
        public PeriodKind? PeriodKind { get; init; }
        public int? PeriodYear { get; init; }
        public int? PeriodNumber { get; init; }
        public MeetingFormat Format { get; init; }
        public int? ConnectedPoints { get; init; }
        public string? Location { get; init; }
        /// <summary>The host body's name on <see cref="HeldOn"/> once loaded by <see cref="LoadViewAsync"/> (the committee, under whose name its documents are issued).</summary>
        public string? HostName { get; set; }

        /// <summary>Which part of the host convened the meeting: the body itself, its Thường trực or its Ban Thường vụ.</summary>
        public HostBoard HostBoard { get; init; }
        public MeetingStatus Status { get; init; }
        public string? Summary { get; init; }
        public string? Conclusion { get; init; }
        public int? StatedOpinionCount { get; init; }
        public int? StatedRecommendationCount { get; init; }
        /// <summary>Attendance counts as the record states them (null: not stated) and its note on absences.</summary>
        public int? StatedInvitedCount { get; init; }
        public int? StatedPresentCount { get; init; }
        public int? StatedAbsentCount { get; init; }
        public string? AttendanceNote { get; init; }
        public string? Source { get; init; }

        /// <summary>True when the record was rebuilt from the secondary source named in <see cref="Source"/>: say so outside the record's text.</summary>
        public bool RebuiltFromSecondarySource { get; init; }
        /// <summary>The approval's columns as projected (null before approval); read through <see cref="MinutesApproval"/>.</summary>
        public DateTime? ApprovedAtUtc { get; init; }
        public DateOnly? ApprovedOn { get; init; }
        public string? ApprovedBy { get; init; }
        public string? ApprovedScanFileName { get; init; }
        public string? ApprovedDocumentStoredName { get; init; }

        /// <summary>The approval of the minutes (ADR 0019): when, by whom, the scan's name and the stored DOCX; null while they are a draft.</summary>
        public MinutesApprovalView? MinutesApproval => ApprovedAtUtc is { } at && ApprovedDocumentStoredName is { } document
            ? new MinutesApprovalView(ApprovedOn!.Value, ApprovedBy, at, ApprovedScanFileName!, document)
            : null;

        public required List<ParticipantView> Participants { get; init; }
        /// <summary>Groups named among those taking part, each in the record's wording (ADR 0020), in order.</summary>
        public List<string> ParticipantGroups { get; init; } = [];

        public required List<string> Organisations { get; init; }
        public required List<SpeechView> Speeches { get; init; }
        public required List<RecommendationView> Recommendations { get; init; }
        public required List<DirectiveView> Directives { get; init; }

        /// <summary>The report on earlier recommendations still unresolved, the meeting's first item (issue 18, deliver 6), in order.</summary>
        public List<CarriedOverView> CarriedOver { get; init; } = [];

        /// <summary>
        /// Who chaired (chủ trì, then đồng chủ trì), in the record's order; empty when the source names no chair,
        /// which the page shows as "Không nêu" rather than guessing from who concluded.
        /// </summary>
        /// <summary>The secretaries (thư ký) named in the record; empty when none is, shown as "Không nêu".</summary>
        public IReadOnlyList<ParticipantView> Secretaries => Participants.Where(p => p.Role == ParticipantRole.Secretary).ToList();

        /// <summary>Whether the record states any attendance count or note.</summary>
        public bool StatesAttendance => StatedInvitedCount is not null || StatedPresentCount is not null || StatedAbsentCount is not null || AttendanceNote is not null;

        public IReadOnlyList<ParticipantView> Chairs => Participants.Where(p => p.Role is ParticipantRole.Chair or ParticipantRole.CoChair)
            .OrderBy(p => p.Role == ParticipantRole.Chair ? 0 : 1).ToList();

        public ReviewPeriod? Period => PeriodKind is { } kind && PeriodYear is { } year && PeriodNumber is { } number
            ? new ReviewPeriod(kind, year, number)
            : null;
    }

    /// <summary>
    /// The approval of the minutes as read: the Vietnam date and the approver's user name shown on the page, the instant
    /// (UTC) after which history entries are corrections, the signed scan's display name, and the stored DOCX's name in
    /// the attachment store (served instead of generating the minutes).
    /// </summary>
    public sealed record MinutesApprovalView(DateOnly ApprovedOn, string? ApprovedBy, DateTime ApprovedAtUtc, string ScanFileName, string DocumentStoredName);

    /// <summary>A participant as read: name, title held that day, role, and whether present (with the reason of an absence).</summary>
    public sealed record ParticipantView(string FullName, string? Title, ParticipantRole Role)
    {
        public Attendance Attendance { get; init; }
        public string? AbsenceReason { get; init; }
    }

    public sealed record SpeechView(int Id, int Order, SpeechKind Kind, string? SpeakerName, string? SpeakerTitle, string? OrganisationName, string Content)
    {
        /// <summary>The speaker's organisation, for its name on the meeting's day.</summary>
        public int? OrganisationId { get; init; }
    }

    public sealed record RecommendationView(int Id, int? SpeechId, string Content, string? RaisedBy, string? AddressedTo, string? Theme, RecommendationStatus Status, List<ResponseView> Responses)
    {
        /// <summary>The raising body, for its name on the meeting's day.</summary>
        public int? RaisedById { get; init; }

        /// <summary>The body addressed, for its name on the meeting's day.</summary>
        public int? AddressedToId { get; init; }
    }

    public sealed record ResponseView(ResponseKind Kind, DateOnly RespondedOn, string? OrganisationName, string? PersonName, string Content)
    {
        /// <summary>The answering body, for its name on the meeting's day.</summary>
        public int? OrganisationId { get; init; }
    }

    /// <summary>
    /// A line of the report on earlier recommendations: the recommendation, its addressed body (named as on the meeting's
    /// day), its state as reported then and today, how many times its matter had been raised and since when (Vietnam date).
    /// </summary>
    public sealed record CarriedOverView(
        int RecommendationId, string Content, string? AddressedTo, RecommendationStatus ReportedStatus, RecommendationStatus CurrentStatus, int TimesRaised, DateOnly FirstRaisedOn)
    {
        /// <summary>The body addressed, for its name on the meeting's day.</summary>
        public int? AddressedToId { get; init; }
    }

    public sealed record HistoryView(HistoryAction Action, string Person, DateTime AtUtc, string? Reason, IReadOnlyList<FieldChange> Changes);

    public sealed record DirectiveView(int Id, string Content, DateOnly? DueOn, List<string> Assignees)
    {
        /// <summary>The ids of <see cref="Assignees"/>, in the same order.</summary>
        public List<int> AssigneeIds { get; init; } = [];

        /// <summary>The groups of bodies the task is given to, by name (ADR 0020).</summary>
        public List<string> Groups { get; init; } = [];

        /// <summary>Every assignee as the record names it: the bodies, then the groups.</summary>
        public IEnumerable<string> AllAssignees => Assignees.Concat(Groups);

        /// <summary>The task's target (chỉ tiêu), or null when it has none (issue 16, deliver 6).</summary>
        public TargetView? Target { get; init; }
    }

    /// <summary>A task's target: what is measured, the value to reach and/or the most allowed, in <paramref name="Unit"/>.</summary>
    public sealed record TargetView(string Measure, double? Low, double? High, string? Unit);
}
