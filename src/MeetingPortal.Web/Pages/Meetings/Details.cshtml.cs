using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>One meeting as a readable record. Out of scope answers 404 so existence is not revealed.</summary>
public sealed class DetailsModel(MeetingPortalDbContext db, IAuthorizationService authorization) : PageModel
{
    public View Meeting { get; private set; } = null!;

    public IReadOnlyList<HistoryView> History { get; private set; } = [];

    public bool MayEdit { get; private set; }

    public IReadOnlyList<AttachmentsModel.Row> Attachments { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var meeting = await LoadViewAsync(db, id, cancellationToken);

        if (meeting is null || !await authorization.MayAsync(User, new MeetingResource(meeting.UnitPath), MeetingOperations.Read))
        {
            return NotFound();
        }

        Meeting = meeting;
        MayEdit = await authorization.MayAsync(User, new MeetingResource(meeting.UnitPath), MeetingOperations.Edit);
        var history = await db.History.AsNoTracking()
            .Where(h => h.EntityType == nameof(Domain.Meetings.Meeting) && h.EntityId == id)
            .OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id)
            .Select(h => new { h.Action, h.UserName, h.AtUtc, h.Reason, h.Changes })
            .ToListAsync(cancellationToken);
        Attachments = await AttachmentsModel.ListAsync(db, id, cancellationToken);
        History = history.Select(h => new HistoryView(h.Action, h.UserName, h.AtUtc, h.Reason, AuditTrail.ReadChanges(h.Changes))).ToList();
        return Page();
    }


    /// <summary>The whole record as read by people: the detail page and the minutes both use it.</summary>
    public static Task<View?> LoadViewAsync(MeetingPortalDbContext db, int id, CancellationToken cancellationToken) =>
        LoadView(db, id, cancellationToken);

    // Compiled: looking this projection up in EF's query cache cost about 1 ms a request, four times its SQL.
    private static readonly Func<MeetingPortalDbContext, int, CancellationToken, Task<View?>> LoadView = EF.CompileAsyncQuery((MeetingPortalDbContext db, int id, CancellationToken _) =>
        db.Meetings.AsNoTracking().AsSplitQuery()
            .Where(m => m.Id == id)
            .Select(m => new View
            {
                Id = m.Id,
                UnitPath = m.Unit!.Path,
                UnitName = m.Unit.Name,
                SuperiorUnitName = m.Unit.Parent != null && m.Unit.Parent.ParentId != null ? m.Unit.Parent.Name : null,
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
                Participants = m.Participants.OrderBy(p => p.Order)
                    .Select(p => new ParticipantView(p.Person!.FullName, p.Title, p.Role) { Attendance = p.Attendance, AbsenceReason = p.AbsenceReason }).ToList(),
                Organisations = m.Organisations.Select(o => o.Organisation!.Name).ToList(),
                Speeches = m.Speeches.OrderBy(s => s.Order)
                    .Select(s => new SpeechView(s.Id, s.Order, s.Kind, s.Speaker!.FullName, s.SpeakerTitle, s.Organisation!.Name, s.Content)).ToList(),
                Recommendations = m.Recommendations.OrderBy(r => r.Order)
                    .Select(r => new RecommendationView(
                        r.Id, r.SpeechId, r.Content, r.RaisedByOrganisation!.Name, r.AddressedToOrganisation!.Name, r.Theme!.Name, r.Status,
                        r.Responses.OrderBy(x => x.RespondedOn).Select(x => new ResponseView(x.Kind, x.RespondedOn, x.Organisation!.Name, x.Person!.FullName, x.Content)).ToList()))
                    .ToList(),
                Directives = m.Directives.OrderBy(d => d.Order)
                    .Select(d => new DirectiveView(d.Id, d.Content, d.DueOn, d.Assignees.Select(a => a.Organisation!.Name).ToList())).ToList(),
            })
            .SingleOrDefault());

    public sealed class View
    {
        public int Id { get; init; }
        public required string UnitPath { get; init; }
        public required string UnitName { get; init; }

        /// <summary>The name of the unit directly above the meeting's unit, null when that is the top unit (the whole country, no Party organisation of its own) or none.</summary>
        public string? SuperiorUnitName { get; init; }

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
        /// <summary>The host body's name (the committee, under whose name its documents are issued).</summary>
        public string? HostName { get; init; }

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
        public required List<ParticipantView> Participants { get; init; }
        public required List<string> Organisations { get; init; }
        public required List<SpeechView> Speeches { get; init; }
        public required List<RecommendationView> Recommendations { get; init; }
        public required List<DirectiveView> Directives { get; init; }

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

    /// <summary>A participant as read: name, title held that day, role, and whether present (with the reason of an absence).</summary>
    public sealed record ParticipantView(string FullName, string? Title, ParticipantRole Role)
    {
        public Attendance Attendance { get; init; }
        public string? AbsenceReason { get; init; }
    }

    public sealed record SpeechView(int Id, int Order, SpeechKind Kind, string? SpeakerName, string? SpeakerTitle, string? OrganisationName, string Content);

    public sealed record RecommendationView(int Id, int? SpeechId, string Content, string? RaisedBy, string? AddressedTo, string? Theme, RecommendationStatus Status, List<ResponseView> Responses);

    public sealed record ResponseView(ResponseKind Kind, DateOnly RespondedOn, string? OrganisationName, string? PersonName, string Content);

    public sealed record HistoryView(HistoryAction Action, string? UserName, DateTime AtUtc, string? Reason, IReadOnlyList<FieldChange> Changes);

    public sealed record DirectiveView(int Id, string Content, DateOnly? DueOn, List<string> Assignees);
}
