using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.People;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Meetings;

/// <summary>
/// The whole meeting record as one form, shared by Create and Edit. Everything is nullable so that
/// whatever the user typed comes back to them, valid or not. Organisations and people are named,
/// not picked by id: known names are matched, new ones are added on the spot.
/// </summary>
public sealed class MeetingForm
{
    public const int MaxRows = 200;

    public int Version { get; set; }

    [Display(Name = "Form.Unit")]
    public int? UnitId { get; set; }

    [Display(Name = "Meetings.Type")]
    public MeetingType Type { get; set; } = MeetingType.Dialogue;

    [Display(Name = "Form.Title")]
    public string? Title { get; set; }

    [Display(Name = "Form.HeldOn")]
    public DateOnly? HeldOn { get; set; }

    [Display(Name = "Form.DayPart")]
    public DayPart? DayPart { get; set; }

    [Display(Name = "Form.StartTime")]
    public TimeOnly? StartTime { get; set; }

    /// <summary>When the meeting ended; empty when not stated.</summary>
    [Display(Name = "Form.EndTime")]
    public TimeOnly? EndTime { get; set; }

    [Display(Name = "Form.PeriodKind")]
    public PeriodKind? PeriodKind { get; set; }

    [Display(Name = "Form.PeriodYear")]
    public int? PeriodYear { get; set; }

    [Display(Name = "Form.PeriodNumber")]
    public int? PeriodNumber { get; set; }

    /// <summary>
    /// The review period as the form's one choice ("Quý IV/2026"; issue 17, item 2, where three fields said it), written
    /// "{kind}-{year}-{number}" ("Quarter-2026-4"), empty for none. It reads and writes <see cref="PeriodKind"/>,
    /// <see cref="PeriodYear"/> and <see cref="PeriodNumber"/>, which the validator, the use case and the record keep. A
    /// value that does not read as a kind, a year and a number (only a forged post sends one) is refused beside the field.
    /// </summary>
    [Display(Name = "Form.Period")]
    public string? Period
    {
        get => PeriodKind is { } kind ? string.Create(CultureInfo.InvariantCulture, $"{kind}-{PeriodYear}-{PeriodNumber}") : string.Empty;
        set
        {
            // Each post binds a new form: an empty choice leaves the three fields empty.
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            var parts = value.Split('-');
            if (parts.Length == 3 && Enum.TryParse<PeriodKind>(parts[0], out var kind) && Enum.IsDefined(kind) && !char.IsDigit(parts[0][0])
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                (PeriodKind, PeriodYear, PeriodNumber) = (kind, year, number);
            }
            else
            {
                PeriodUnread = true;
            }
        }
    }

    /// <summary>
    /// Lists among the meeting's organisations (<see cref="Organisations"/>) each name given a kind beside the field that
    /// names it (a speech's <see cref="SpeechRow.OrganisationKind"/>, or a row of <see cref="NewOrganisations"/>) and not
    /// listed yet, so that the name is known when the record is saved or published (issue 17, item 2). A name given a kind
    /// but named by none of the form's organisation fields (<see cref="OrganisationNames"/>: an offer left behind after the
    /// field was changed, or a forged post) is not listed, nor is one longer than <see cref="Organisation.NameMaxLength"/>;
    /// the first kind given to a name wins; no more rows are listed than <see cref="MaxRows"/> allows.
    /// </summary>
    public void ListNamedOrganisations()
    {
        var named = OrganisationNames().Select(n => NameKey(n.Name)).ToHashSet(StringComparer.Ordinal);
        var offered = Speeches.Where(s => s.OrganisationKind is not null && !string.IsNullOrWhiteSpace(s.Organisation))
            .Select(s => (Name: s.Organisation!.Trim(), Kind: s.OrganisationKind!.Value))
            .Concat(NewOrganisations.Where(n => n is { Kind: not null } && !string.IsNullOrWhiteSpace(n.Name)).Select(n => (Name: n.Name!.Trim(), Kind: n.Kind!.Value)));
        foreach (var (name, kind) in offered)
        {
            // A name too long to be an organisation's is refused beside its own field and stays offered there.
            if (named.Contains(NameKey(name)) && name.Length <= Organisation.NameMaxLength && !Organisations.Any(o => NameKey(o.Name) == NameKey(name)) && Organisations.Count < MaxRows)
            {
                Organisations.Add(new OrganisationRow { Name = name, Kind = kind });
            }
        }
    }

    /// <summary>
    /// Every organisation the form names outside «Tổ chức tham gia», in the form's order: the host, each participant's
    /// organisation, each speech's, each recommendation's raising and addressed bodies, and each name of a task's assignees
    /// (<see cref="SplitNames"/>). These are the fields whose unknown names the save refuses (MeetingEditor) and beside which
    /// the form offers a kind.
    /// </summary>
    /// <returns>Each named organisation, trimmed, with the posted field that names it ("Host", "Directives[0].Assignees") and,
    /// for a task's assignees, the name's place in the list (0-based; 0 elsewhere).</returns>
    public IEnumerable<(string Field, int Place, string Name)> OrganisationNames()
    {
        static IEnumerable<(string, int, string)> One(string field, string? name) =>
            string.IsNullOrWhiteSpace(name) ? [] : [(field, 0, name.Trim())];

        foreach (var named in One(nameof(Host), Host))
        {
            yield return named;
        }

        for (var i = 0; i < Participants.Count; i++)
        {
            foreach (var named in One($"{nameof(Participants)}[{i}].{nameof(ParticipantRow.Organisation)}", Participants[i].Organisation))
            {
                yield return named;
            }
        }

        for (var i = 0; i < Speeches.Count; i++)
        {
            foreach (var named in One($"{nameof(Speeches)}[{i}].{nameof(SpeechRow.Organisation)}", Speeches[i].Organisation))
            {
                yield return named;
            }

            for (var j = 0; j < Speeches[i].Recommendations.Count; j++)
            {
                var r = Speeches[i].Recommendations[j];
                foreach (var named in One($"{nameof(Speeches)}[{i}].{nameof(SpeechRow.Recommendations)}[{j}].{nameof(RecommendationRow.RaisedBy)}", r.RaisedBy)
                    .Concat(One($"{nameof(Speeches)}[{i}].{nameof(SpeechRow.Recommendations)}[{j}].{nameof(RecommendationRow.AddressedTo)}", r.AddressedTo)))
                {
                    yield return named;
                }
            }
        }

        for (var i = 0; i < Directives.Count; i++)
        {
            var place = 0;
            foreach (var name in SplitNames(Directives[i].Assignees))
            {
                yield return ($"{nameof(Directives)}[{i}].{nameof(DirectiveRow.Assignees)}", place++, name);
            }
        }
    }

    /// <summary>
    /// The kinds chosen beside the organisation fields other than a speech's for names new to the unit (issue 17, item 2:
    /// the host, a participant's organisation, a recommendation's raising or addressed body, a task's assignee). Posted
    /// with explicit indexes keyed by the field's element id ("Input.NewOrganisations.index" = "host",
    /// "Input.NewOrganisations[host].Name", "Input.NewOrganisations[host].Kind"); the key only places the offer and is
    /// never drawn back from the post. <see cref="ListNamedOrganisations"/> lists them when saving.
    /// </summary>
    public List<NewOrganisationRow> NewOrganisations { get; set; } = [];

    /// <summary>Whether a posted <see cref="Period"/> could not be read; the validator then refuses it.</summary>
    public bool PeriodUnread { get; private set; }

    /// <summary>How the meeting was held; "Không nêu" (<see cref="MeetingFormat.NotStated"/>) until the recorder chooses.</summary>
    [Display(Name = "Meetings.Format")]
    public MeetingFormat Format { get; set; } = MeetingFormat.NotStated;

    [Display(Name = "Meeting.ConnectedPoints")]
    public int? ConnectedPoints { get; set; }

    [Display(Name = "Meeting.Location")]
    public string? Location { get; set; }

    [Display(Name = "Meeting.Host")]
    public string? Host { get; set; }

    /// <summary>Which part of the host convened the meeting (Thường trực, Ban Thường vụ), or the host itself.</summary>
    [Display(Name = "Form.HostBoard")]
    public HostBoard HostBoard { get; set; } = HostBoard.Body;

    public List<OrganisationRow> Organisations { get; set; } = [];

    public List<ParticipantRow> Participants { get; set; } = [];

    /// <summary>
    /// Groups and classes of bodies named among those taking part ("Các Đ/c BTV Huyện ủy"), in the record's order; saving
    /// replaces the meeting's participant groups with these rows (ADR 0020).
    /// </summary>
    public List<GroupRow> Groups { get; set; } = [];

    [Display(Name = "Meeting.Summary")]
    public string? Summary { get; set; }

    [Display(Name = "Meeting.Conclusion")]
    public string? Conclusion { get; set; }

    [Display(Name = "Form.StatedOpinionCount")]
    public int? StatedOpinionCount { get; set; }

    [Display(Name = "Form.StatedRecommendationCount")]
    public int? StatedRecommendationCount { get; set; }

    /// <summary>How many were invited, as the record states; empty when not stated.</summary>
    [Display(Name = "Form.StatedInvitedCount")]
    public int? StatedInvitedCount { get; set; }

    /// <summary>How many were present, as stated.</summary>
    [Display(Name = "Form.StatedPresentCount")]
    public int? StatedPresentCount { get; set; }

    /// <summary>How many were absent, as stated.</summary>
    [Display(Name = "Form.StatedAbsentCount")]
    public int? StatedAbsentCount { get; set; }

    /// <summary>What the record says of the absences ("vắng 2 đồng chí có lý do").</summary>
    [Display(Name = "Form.AttendanceNote")]
    public string? AttendanceNote { get; set; }

    [Display(Name = "Meeting.Source")]
    public string? Source { get; set; }

    /// <summary>Ticked when the record is rebuilt from a secondary source (a news report) named in <see cref="Source"/>.</summary>
    [Display(Name = "Form.RebuiltFromSecondarySource")]
    public bool RebuiltFromSecondarySource { get; set; }

    /// <summary>
    /// The earlier recommendations the meeting reports on as its first item ("kết quả giải quyết kiến nghị kỳ trước"; issue
    /// 18, deliver 6), by id, in order: chosen among those <see cref="CarriedOverOffer"/> offers for the form's unit and
    /// day. An id not offered is refused beside the field.
    /// </summary>
    [Display(Name = "Form.CarriedOver")]
    public List<int> CarriedOver { get; set; } = [];

    /// <summary>
    /// The lines the form showed for <see cref="CarriedOver"/> when it was drawn, ticked or not: drawing the list again keeps
    /// the recorder's choice on these and ticks only lines not shown before. Not saved.
    /// </summary>
    public List<int> CarriedOverShown { get; set; } = [];

    public List<SpeechRow> Speeches { get; set; } = [];

    public List<DirectiveRow> Directives { get; set; } = [];

    [Display(Name = "Form.ChangeReason")]
    public string? ChangeReason { get; set; }

    public sealed class OrganisationRow
    {
        [Display(Name = "Form.OrganisationName")]
        public string? Name { get; set; }

        [Display(Name = "Form.OrganisationKind")]
        public OrganisationKind Kind { get; set; } = OrganisationKind.SocioPoliticalOrganisation;
    }

    /// <summary>An organisation new to the unit, named in a field of the form, and the kind chosen for it beside that field.</summary>
    public sealed class NewOrganisationRow
    {
        /// <summary>The name as typed in the field; matched to the fields' names whatever the case.</summary>
        public string? Name { get; set; }

        /// <summary>The kind chosen; null when none was posted (the offer then changes nothing).</summary>
        [Display(Name = "Form.OrganisationKind")]
        public OrganisationKind? Kind { get; set; }
    }

    public sealed class ParticipantRow
    {
        [Display(Name = "Form.PersonName")]
        public string? FullName { get; set; }

        [Display(Name = "Form.Role")]
        public ParticipantRole Role { get; set; } = ParticipantRole.Attendee;

        [Display(Name = "Form.TitleAtMeeting")]
        public string? Title { get; set; }

        [Display(Name = "Form.Organisation")]
        public string? Organisation { get; set; }

        /// <summary>Present, absent or not stated.</summary>
        [Display(Name = "Form.Attendance")]
        public Attendance Attendance { get; set; } = Attendance.NotStated;

        /// <summary>Why an absent participant was absent, when given.</summary>
        [Display(Name = "Form.AbsenceReason")]
        public string? AbsenceReason { get; set; }
    }

    /// <summary>
    /// A group taking part: its name as the source writes it (matched, whatever the case or spacing, among the groups of
    /// the meeting's unit and the units above it, nearest first; made in the meeting's unit when none matches) and,
    /// when the record words it otherwise here, that wording.
    /// </summary>
    public sealed class GroupRow
    {
        [Display(Name = "Form.GroupName")]
        public string? Name { get; set; }

        [Display(Name = "Form.GroupWording")]
        public string? Wording { get; set; }
    }

    public sealed class SpeechRow
    {
        public int? Id { get; set; }

        [Display(Name = "Form.Order")]
        public int? Order { get; set; }

        [Display(Name = "Form.SpeechKind")]
        public SpeechKind Kind { get; set; } = SpeechKind.Opinion;

        [Display(Name = "Form.Speaker")]
        public string? Speaker { get; set; }

        [Display(Name = "Form.SpeakerTitle")]
        public string? SpeakerTitle { get; set; }

        [Display(Name = "Form.Organisation")]
        public string? Organisation { get; set; }

        /// <summary>
        /// The kind of <see cref="Organisation"/> when the form found the name unknown and offered its kind beside it
        /// (issue 17, item 2: the kind was asked for only under «Tổ chức tham gia»); null when not given. Saving lists
        /// the organisation among the meeting's with this kind (<see cref="ListNamedOrganisations"/>).
        /// </summary>
        public OrganisationKind? OrganisationKind { get; set; }

        [Display(Name = "Form.SpeechContent")]
        public string? Content { get; set; }

        public List<RecommendationRow> Recommendations { get; set; } = [];
    }

    public sealed class RecommendationRow
    {
        public int? Id { get; set; }

        [Display(Name = "Form.RecommendationContent")]
        public string? Content { get; set; }

        [Display(Name = "Recommendation.Theme")]
        public string? Theme { get; set; }

        [Display(Name = "Recommendation.RaisedBy")]
        public string? RaisedBy { get; set; }

        [Display(Name = "Recommendation.AddressedTo")]
        public string? AddressedTo { get; set; }

        [Display(Name = "Form.DueOn")]
        public DateOnly? DueOn { get; set; }

        /// <summary>Shown, not posted back into the record: answered items cannot be removed.</summary>
        public int ResponseCount { get; set; }
    }

    public sealed class DirectiveRow
    {
        public int? Id { get; set; }

        [Display(Name = "Form.DirectiveContent")]
        public string? Content { get; set; }

        [Display(Name = "Directive.Assignees")]
        public string? Assignees { get; set; }

        [Display(Name = "Form.DueOn")]
        public DateOnly? DueOn { get; set; }

        /// <summary>
        /// The groups the task is also given to (ADR 0020), shown beside the assignees so that a task given only to a
        /// group does not read as given to no one; set on the task's page, never changed by this form (not in
        /// <see cref="Flatten"/>, and the editor keeps a task's groups when it saves).
        /// </summary>
        public string? Groups { get; set; }
    }

    /// <summary>
    /// How a name typed in the form (a body, a person, a group) is matched to one known: whatever the case, spacing or
    /// Unicode composition it was typed in. The save and the form's "new organisation" offer both match by it.
    /// </summary>
    public static string NameKey(string? name) =>
        string.Join(' ', (TextNormalizer.ToNfc(name) ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    /// <summary>How a group's name is compared (<see cref="NameKey"/>).</summary>
    internal static string GroupKey(string? name) => NameKey(name);

    /// <summary>Names listed in a directive's assignee field, separated by semicolons or new lines.</summary>
    public static IEnumerable<string> SplitNames(string? names) =>
        (names ?? string.Empty).Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The form as field/value pairs, so history can say which fields changed from what to what.</summary>
    public Dictionary<string, string> Flatten()
    {
        var fields = new Dictionary<string, string>();
        void Add(string key, object? value)
        {
            var text = value switch
            {
                null => null,
                DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                TimeOnly t => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            };
            if (!string.IsNullOrWhiteSpace(text))
            {
                fields[key] = text.Trim();
            }
        }

        Add("UnitId", UnitId);
        Add("Type", Type);
        Add("Title", Title);
        Add("HeldOn", HeldOn);
        Add("DayPart", DayPart);
        Add("StartTime", StartTime);
        Add("EndTime", EndTime);
        Add("Period", PeriodKind is null ? null : $"{PeriodKind} {PeriodNumber}/{PeriodYear}");
        Add("Format", Format);
        Add("ConnectedPoints", ConnectedPoints);
        Add("Location", Location);
        Add("Host", Host);
        Add("HostBoard", HostBoard == HostBoard.Body ? null : HostBoard);
        Add("Summary", Summary);
        Add("Conclusion", Conclusion);
        Add("StatedOpinionCount", StatedOpinionCount);
        Add("StatedRecommendationCount", StatedRecommendationCount);
        Add("StatedInvitedCount", StatedInvitedCount);
        Add("StatedPresentCount", StatedPresentCount);
        Add("StatedAbsentCount", StatedAbsentCount);
        Add("AttendanceNote", AttendanceNote);
        Add("Source", Source);
        Add("RebuiltFromSecondarySource", RebuiltFromSecondarySource ? "true" : null);
        Add("Organisations", string.Join("; ", Organisations.Select(o => o.Name)));
        for (var i = 0; i < Participants.Count; i++)
        {
            var p = Participants[i];
            Add($"Participants[{i + 1}]", $"{p.FullName} | {p.Role} | {p.Title} | {p.Organisation}"
                + (p.Attendance == Attendance.NotStated ? string.Empty : $" | {p.Attendance}{(string.IsNullOrWhiteSpace(p.AbsenceReason) ? string.Empty : ": " + p.AbsenceReason.Trim())}"));
        }

        for (var i = 0; i < Groups.Count; i++)
        {
            var g = Groups[i];
            Add($"Groups[{i + 1}]", string.IsNullOrWhiteSpace(g.Wording) ? g.Name : $"{g.Name} | {g.Wording}");
        }

        Add("CarriedOver", string.Join(", ", CarriedOver.Distinct().Select(id => "#" + id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var speeches = Speeches.OrderBy(s => s.Order).ToList();
        for (var i = 0; i < speeches.Count; i++)
        {
            var s = speeches[i];
            Add($"Speeches[{i + 1}].Kind", s.Kind);
            Add($"Speeches[{i + 1}].Speaker", string.Join(", ", new[] { s.Speaker, s.SpeakerTitle, s.Organisation }.Where(x => !string.IsNullOrWhiteSpace(x))));
            Add($"Speeches[{i + 1}].Content", s.Content);
            for (var j = 0; j < s.Recommendations.Count; j++)
            {
                var r = s.Recommendations[j];
                Add($"Speeches[{i + 1}].Recommendations[{j + 1}]", $"{r.Content} | {r.Theme} | {r.RaisedBy} | {r.AddressedTo} | {r.DueOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}");
            }
        }

        for (var i = 0; i < Directives.Count; i++)
        {
            var d = Directives[i];
            Add($"Directives[{i + 1}]", $"{d.Content} | {d.Assignees} | {d.DueOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return fields;
    }

    /// <summary>Rules for saving a draft; "Publish" adds what a complete record needs.</summary>
    public sealed class Validator : AbstractValidator<MeetingForm>
    {
        public const string PublishRuleSet = "Publish";

        public Validator(IStringLocalizer<SharedResource> localizer, CalendarService calendar)
        {
            string L(string key) => localizer[key];

            RuleFor(f => f.UnitId).NotNull().WithName(_ => L("Form.Unit"));
            RuleFor(f => f.Title).NotEmpty().MaximumLength(Meeting.TitleMaxLength).WithName(_ => L("Form.Title"));
            RuleFor(f => f.HeldOn).NotNull().WithName(_ => L("Form.HeldOn"))
                .Must(d => d is null || d.Value <= calendar.Today).WithMessage(_ => L("Form.HeldInFuture"))
                .Must(d => d is null || d.Value > calendar.Today || RecordDates.IsPossibleMeetingDay(d.Value, calendar.Today)).WithMessage(_ => L("Form.HeldTooEarly"));
            RuleFor(f => f.Period).Must((f, _) => !f.PeriodUnread).WithMessage(_ => L("Form.PeriodInvalid"));
            RuleFor(f => f.PeriodYear).NotNull().When(f => f.PeriodKind is not null).WithName(_ => L("Form.PeriodYear"));
            RuleFor(f => f.PeriodYear).InclusiveBetween(ReviewPeriod.FirstYear, ReviewPeriod.LastYear).WithName(_ => L("Form.PeriodYear"));
            RuleFor(f => f.PeriodNumber).InclusiveBetween(1, 12).WithName(_ => L("Form.PeriodNumber"));
            RuleFor(f => f.PeriodNumber).NotNull().When(f => f.PeriodKind is not null).WithName(_ => L("Form.PeriodNumber"));
            RuleFor(f => f.PeriodNumber)
                .Must((f, n) => ReviewPeriod.IsValid(f.PeriodKind!.Value, f.PeriodYear!.Value, n!.Value))
                .When(f => f.PeriodKind is not null && f.PeriodYear is not null && f.PeriodNumber is not null)
                .WithMessage(_ => L("Form.PeriodInvalid"));
            RuleFor(f => f.ConnectedPoints).Null().When(f => f.Format is MeetingFormat.InPerson or MeetingFormat.NotStated)
                .WithMessage(_ => L("Form.PointsInPerson"));
            RuleFor(f => f.ConnectedPoints).InclusiveBetween(0, 100_000).WithName(_ => L("Meeting.ConnectedPoints"));
            RuleFor(f => f.Location).MaximumLength(Meeting.LocationMaxLength).WithName(_ => L("Meeting.Location"));
            RuleFor(f => f.Host).MaximumLength(Organisation.NameMaxLength).WithName(_ => L("Meeting.Host"));
            RuleFor(f => f.Host).NotEmpty().When(f => f.HostBoard != HostBoard.Body).WithMessage(_ => L("Domain.meeting.board-without-host"));
            RuleFor(f => f.Summary).MaximumLength(Meeting.LongTextMaxLength).WithName(_ => L("Meeting.Summary"));
            RuleFor(f => f.Conclusion).MaximumLength(Meeting.LongTextMaxLength).WithName(_ => L("Meeting.Conclusion"));
            RuleFor(f => f.Source).MaximumLength(Meeting.SourceMaxLength).WithName(_ => L("Meeting.Source"));
            // The domain's rules (Meeting.SetSource, SetEndTime, SetStatedAttendance), placed beside their fields.
            RuleFor(f => f.Source).NotEmpty().When(f => f.RebuiltFromSecondarySource).WithMessage(_ => L("Domain.meeting.rebuilt-source-missing"));
            RuleFor(f => f.EndTime).Must((f, end) => end > f.StartTime).When(f => f.EndTime is not null && f.StartTime is not null)
                .WithMessage(_ => L("Domain.meeting.ends-before-start"));
            RuleFor(f => f.StatedInvitedCount).InclusiveBetween(0, 100_000).WithName(_ => L("Form.StatedInvitedCount"));
            RuleFor(f => f.StatedPresentCount).InclusiveBetween(0, 100_000).WithName(_ => L("Form.StatedPresentCount"));
            RuleFor(f => f.StatedAbsentCount).InclusiveBetween(0, 100_000).WithName(_ => L("Form.StatedAbsentCount"));
            RuleFor(f => f.StatedInvitedCount).Must((f, invited) => (f.StatedPresentCount ?? 0) + (f.StatedAbsentCount ?? 0) <= invited)
                .When(f => f.StatedInvitedCount is >= 0 && f.StatedPresentCount is null or >= 0 && f.StatedAbsentCount is null or >= 0)
                .WithMessage(_ => L("Domain.meeting.attendance-exceeds-invited"));
            RuleFor(f => f.AttendanceNote).MaximumLength(Meeting.AttendanceNoteMaxLength).WithName(_ => L("Form.AttendanceNote"));
            RuleFor(f => f.StatedOpinionCount).InclusiveBetween(0, 100_000).WithName(_ => L("Form.StatedOpinionCount"));
            RuleFor(f => f.StatedRecommendationCount).InclusiveBetween(0, 100_000).WithName(_ => L("Form.StatedRecommendationCount"));
            RuleFor(f => f.ChangeReason).MaximumLength(HistoryEntry.ReasonMaxLength).WithName(_ => L("Form.ChangeReason"));

            RuleFor(f => f.Organisations.Count).LessThanOrEqualTo(MaxRows).OverridePropertyName(nameof(Organisations)).WithMessage(_ => L("Form.TooManyRows"));
            RuleFor(f => f.Participants.Count).LessThanOrEqualTo(MaxRows).OverridePropertyName(nameof(Participants)).WithMessage(_ => L("Form.TooManyRows"));
            RuleFor(f => f.Groups.Count).LessThanOrEqualTo(MaxRows).OverridePropertyName(nameof(Groups)).WithMessage(_ => L("Form.TooManyRows"));
            RuleFor(f => f.Speeches.Count).LessThanOrEqualTo(MaxRows).OverridePropertyName(nameof(Speeches)).WithMessage(_ => L("Form.TooManyRows"));
            RuleFor(f => f.Directives.Count).LessThanOrEqualTo(MaxRows).OverridePropertyName(nameof(Directives)).WithMessage(_ => L("Form.TooManyRows"));

            RuleForEach(f => f.Organisations).ChildRules(o =>
            {
                o.RuleFor(x => x.Name).NotEmpty().MaximumLength(Organisation.NameMaxLength).WithName(_ => L("Form.OrganisationName"));
            });
            RuleForEach(f => f.Participants).ChildRules(p =>
            {
                p.RuleFor(x => x.FullName).NotEmpty().MaximumLength(Person.NameMaxLength).WithName(_ => L("Form.PersonName"));
                p.RuleFor(x => x.Title).MaximumLength(MeetingParticipant.TitleMaxLength).WithName(_ => L("Form.TitleAtMeeting"));
                p.RuleFor(x => x.Organisation).MaximumLength(Organisation.NameMaxLength).WithName(_ => L("Form.Organisation"));
                p.RuleFor(x => x.AbsenceReason).MaximumLength(MeetingParticipant.AbsenceReasonMaxLength).WithName(_ => L("Form.AbsenceReason"));
                p.RuleFor(x => x.AbsenceReason).Empty().When(x => x.Attendance != Attendance.Absent)
                    .WithMessage(_ => L("Domain.participant.reason-not-absent"));
            });
            RuleForEach(f => f.Groups).ChildRules(g =>
            {
                g.RuleFor(x => x.Name).NotEmpty().MaximumLength(BodyGroup.NameMaxLength).WithName(_ => L("Form.GroupName"));
                g.RuleFor(x => x.Wording).MaximumLength(BodyGroup.NameMaxLength).WithName(_ => L("Form.GroupWording"));
            });
            // A group named twice would be saved once (Meeting.ReplaceParticipantGroups): the second row says so instead.
            RuleForEach(f => f.Groups)
                .OverrideIndexer((_, _, _, i) => $"[{i}].{nameof(GroupRow.Name)}")
                .Must((f, g) => string.IsNullOrWhiteSpace(g.Name) || f.Groups.TakeWhile(o => !ReferenceEquals(o, g)).All(o => GroupKey(o.Name) != GroupKey(g.Name)))
                .WithMessage(_ => L("Form.DuplicateGroup"));
            RuleForEach(f => f.Speeches).ChildRules(s =>
            {
                s.RuleFor(x => x.Order).NotNull().InclusiveBetween(1, 999).WithName(_ => L("Form.Order"));
                s.RuleFor(x => x.Content).NotEmpty().WithMessage(_ => L("Form.EmptySpeech"))
                    .MaximumLength(Speech.ContentMaxLength).WithName(_ => L("Form.SpeechContent"));
                s.RuleFor(x => x.Speaker).MaximumLength(Person.NameMaxLength).WithName(_ => L("Form.Speaker"));
                s.RuleFor(x => x.SpeakerTitle).MaximumLength(Speech.SpeakerTitleMaxLength).WithName(_ => L("Form.SpeakerTitle"));
                s.RuleFor(x => x.Organisation).MaximumLength(Organisation.NameMaxLength).WithName(_ => L("Form.Organisation"));
                s.RuleFor(x => x.Recommendations.Count).LessThanOrEqualTo(MaxRows).OverridePropertyName(nameof(SpeechRow.Recommendations)).WithMessage(_ => L("Form.TooManyRows"));
                s.RuleForEach(x => x.Recommendations).ChildRules(r =>
                {
                    r.RuleFor(x => x.Content).NotEmpty().MaximumLength(Recommendation.ContentMaxLength).WithName(_ => L("Form.RecommendationContent"));
                    // Imported records keep what their source says, even "raised by the delegates";
                    // anything entered here names its organisation.
                    r.RuleFor(x => x.RaisedBy).NotEmpty().When(x => x.Id is null).WithMessage(_ => L("Form.RaisedByRequired"));
                    r.RuleFor(x => x.RaisedBy).MaximumLength(Organisation.NameMaxLength).WithName(_ => L("Recommendation.RaisedBy"));
                    r.RuleFor(x => x.AddressedTo).MaximumLength(Organisation.NameMaxLength).WithName(_ => L("Recommendation.AddressedTo"));
                    r.RuleFor(x => x.Theme).MaximumLength(100).WithName(_ => L("Recommendation.Theme"));
                });
            });
            RuleForEach(f => f.Speeches)
                .OverrideIndexer((_, _, _, i) => $"[{i}].{nameof(SpeechRow.Order)}")
                .Must((f, s) => s.Order is null || f.Speeches.Count(o => o.Order == s.Order) == 1)
                .WithMessage(_ => L("Form.DuplicateOrder"));
            RuleForEach(f => f.Directives).ChildRules(d =>
            {
                d.RuleFor(x => x.Content).NotEmpty().MaximumLength(Directive.ContentMaxLength).WithName(_ => L("Form.DirectiveContent"));
                d.RuleFor(x => x.Assignees).MaximumLength(2_000).WithName(_ => L("Directive.Assignees"));
            });

            // A due date is the domain's kind of date (Deadline.IsAcceptable): from the meeting day on, within the calendar's years.
            RuleFor(f => f).Custom((f, context) =>
            {
                if (f.HeldOn is not { } heldOn)
                {
                    return;
                }

                for (var i = 0; i < f.Speeches.Count; i++)
                {
                    for (var j = 0; j < f.Speeches[i].Recommendations.Count; j++)
                    {
                        if (f.Speeches[i].Recommendations[j].DueOn is { } due && !Deadline.IsAcceptable(due, heldOn))
                        {
                            context.AddFailure($"Speeches[{i}].Recommendations[{j}].DueOn", localizer["Form.DueOutOfRange", WorkingCalendar.LastYear]);
                        }
                    }
                }

                for (var i = 0; i < f.Directives.Count; i++)
                {
                    if (f.Directives[i].DueOn is { } due && !Deadline.IsAcceptable(due, heldOn))
                    {
                        context.AddFailure($"Directives[{i}].DueOn", localizer["Form.DueOutOfRange", WorkingCalendar.LastYear]);
                    }
                }
            });

            RuleSet(PublishRuleSet, () =>
            {
                // The rule is the domain's (PublishRule); the form only places each message beside its field.
                RuleFor(f => f.Host)
                    .Must((f, _) => !PublishRule.Check(!string.IsNullOrWhiteSpace(f.Host), f.Speeches.Count).Contains(PublishRule.HostMissing))
                    .WithMessage(_ => L("Domain." + PublishRule.HostMissing));
                RuleFor(f => f.Speeches)
                    .Must((f, _) => !PublishRule.Check(!string.IsNullOrWhiteSpace(f.Host), f.Speeches.Count).Contains(PublishRule.SpeechMissing))
                    .WithMessage(_ => L("Domain." + PublishRule.SpeechMissing));
            });
        }
    }
}
