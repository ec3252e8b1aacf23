using System.Text.Json;
using System.Text.Json.Serialization;
using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Recommendations;

namespace MeetingPortal.Infrastructure.Seeding;

// The JSON interchange format of seeds/, import and export; docs/interchange.md describes it and
// docs/interchange/meeting-portal.schema.json is the contract. Keys ("key", "person", "host"...) are
// local to one document and only tie its parts together.
public sealed record InterchangeDocument
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The version written: 4 since issue 16, deliver 8 (names over time, reorganisations, the meeting's unit of then and
    /// its approved minutes); 3 added a recommendation's worked history, recurrence links, tasks' targets and progress;
    /// 2 added "not stated" facts, end time, attendance and provenance. Files of versions 1 to 3 still import
    /// (<see cref="ReadableVersions"/>).
    /// </summary>
    public int FormatVersion { get; init; } = CurrentVersion;

    /// <summary>The version export writes: 5 since issue 18 (a recommendation's roadmap, ADR 0025 section 3).</summary>
    public const int CurrentVersion = 5;

    /// <summary>The versions import reads; the schema's enum of <c>formatVersion</c> is the same list.</summary>
    public static readonly IReadOnlyList<int> ReadableVersions = [1, 2, 3, 4, 5];
    public List<LevelData>? Levels { get; init; }
    public List<ThemeData>? Themes { get; init; }
    public List<UnitData>? Units { get; init; }
    public List<CalendarDayData>? Calendar { get; init; }
    public List<DueDateRuleData>? DueDateRules { get; init; }
    public List<MeetingData>? Meetings { get; init; }

    // --- format version 4: names over time and reorganisations as reference data (issue 16, deliver 8; ADR 0018) ---

    /// <summary>Organisations whose names, units or parents changed over time, with the bodies they stood under; reference data.</summary>
    public List<OrganisationHistoryData>? Organisations { get; init; }

    /// <summary>The decisions that reshaped the unit tree, as applied (ADR 0018); reference data.</summary>
    public List<ReorganisationData>? Reorganisations { get; init; }

    // --- end of format version 4 ---

    /// <summary>
    /// Format version 5: entries of units' dialogue plans (issue 18, deliver 1; ADR 0025), written when an export asks for
    /// them (<see cref="InterchangeExportOptions.Plans"/>); imported where the user may write the unit's plan.
    /// </summary>
    public List<PlannedDialogueData>? Plans { get; init; }
}

public sealed record LevelData(int Rank, string Name)
{
    /// <summary>The Vietnam day the level was retired (the district level on 1/7/2025); absent while it stands (version 4).</summary>
    public DateOnly? RetiredOn { get; init; }
}

// --- format version 4: names over time and reorganisations (issue 16, deliver 8; ADR 0018) ---

/// <summary>
/// One span of a unit's names over time: its name and the unit (code) it stood under from <paramref name="From"/>
/// (inclusive, Vietnam day; null: since it is known) to <paramref name="To"/> (exclusive; null: still today's), and the
/// decision that opened it.
/// </summary>
public sealed record UnitNamingData(string Name, string? Parent, DateOnly? From, DateOnly? To, string? Basis);

/// <summary>
/// One span of an organisation's names over time: its name, the unit (code) it belonged to and the body of that unit it
/// stood under (by name), from <paramref name="From"/> (inclusive) to <paramref name="To"/> (exclusive), with the decision.
/// </summary>
public sealed record OrganisationNamingData(string Name, string Unit, string? Parent, DateOnly? From, DateOnly? To, string? Basis);

/// <summary>
/// An organisation as reference data: matched by its unit (code) and today's name, created of <paramref name="Kind"/> when
/// missing; <paramref name="Parent"/> is the body of the same unit it stands under today (by name); <paramref name="Namings"/>
/// its history, absent for a body only listed because another stands under it.
/// </summary>
public sealed record OrganisationHistoryData(string Unit, string Name, OrganisationKind Kind, string? Parent, List<OrganisationNamingData>? Namings);

/// <summary>A reorganisation as applied: legal basis as typed, effective Vietnam day, the level it retired (rank), what it did.</summary>
public sealed record ReorganisationData(string LegalBasis, DateOnly EffectiveOn, int? RetiredLevel, string? Outcome);

/// <summary>
/// A meeting's approved minutes (ADR 0019): the Vietnam day, the approver's user name as stored, the instant (UTC), and
/// the two stored files: the DOCX as approved (never generated again) and the signed scan, each with its SHA-256.
/// </summary>
public sealed record MinutesApprovalData(DateOnly ApprovedOn, string? ApprovedBy, DateTime ApprovedAt, StoredFileData Document, StoredFileData Scan);

/// <summary>A stored file carried whole: its name as shown, its content type, the SHA-256 of its bytes (hex) and the bytes (base64).</summary>
public sealed record StoredFileData(string FileName, string ContentType, string Sha256, string Content);

// --- end of format version 4 ---

public sealed record ThemeData(string Code, string Name);

public sealed record CalendarDayData(DateOnly Date, CalendarDayKind Kind, string Name);

public sealed record DueDateRuleData(string? Theme, int? Level, int WorkingDays);

public sealed record UnitData(string Code, string Name, int Level, string? Parent)
{
    // --- format version 4 (issue 16, deliver 8; ADR 0018) ---

    /// <summary>The unit's names and parents over time, in order, the last one today's; absent when none are kept.</summary>
    public List<UnitNamingData>? Namings { get; init; }

    /// <summary>The unit (code) this one was merged into; absent while it stands.</summary>
    public string? MergedInto { get; init; }

    /// <summary>When the merger was applied (UTC), with <see cref="MergedInto"/>.</summary>
    public DateTime? MergedAt { get; init; }

    /// <summary>The Vietnam day the unit was retired with its level; absent while it stands.</summary>
    public DateOnly? RetiredOn { get; init; }

    // --- end of format version 4 ---
}

public sealed record PeriodData(PeriodKind Kind, int Year, int Number);

public sealed record OrganisationData(string Key, string Name, OrganisationKind Kind, string? Unit);

public sealed record PersonData(string Key, string FullName, string? Unit);

/// <summary>A person at the meeting: role, title held that day, body, and (version 2) whether present, with the reason of an absence.</summary>
public sealed record ParticipantData(string Person, ParticipantRole Role, string? Title, string? Organisation)
{
    /// <summary>present · absent; absent from the file when not stated.</summary>
    public Attendance? Attendance { get; init; }

    /// <summary>Why an absent participant was absent, when given.</summary>
    public string? AbsenceReason { get; init; }
}

public sealed record ResponseData(ResponseKind Kind, DateOnly RespondedOn, string Content, string? Organisation, string? Person);

public sealed record RecommendationData(
    string Content,
    string? Theme,
    string? RaisedBy,
    string? RaisedByPerson,
    string? AddressedTo,
    DateOnly? DueOn,
    List<ResponseData>? Responses)
{
    // --- format version 3: the worked history (issue 16, deliver 8) ---

    /// <summary>
    /// Every step of the recommendation's follow-up in the order it happened, as the domain recorded it
    /// (<see cref="RecommendationEvent"/>); replayed through the domain's own methods on import. When present,
    /// <see cref="AddressedTo"/> and <see cref="DueOn"/> are the state the history ends in (checked, not applied).
    /// Absent: the version 2 reading (assigned to <see cref="AddressedTo"/>, then the responses in order).
    /// </summary>
    public List<RecommendationStepData>? History { get; init; }

    /// <summary>The first raising of the matter this recommendation repeats, by a reference that travels between installations.</summary>
    public RecommendationReferenceData? RecurrenceOf { get; init; }

    // --- end of format version 3 ---

    // --- format version 5: roadmaps (issue 18, deliver 3; ADR 0025 section 3) ---

    /// <summary>The recommendation's roadmap (lộ trình giải quyết), when one was drawn up; restored after its history.</summary>
    public RoadmapData? Roadmap { get; init; }

    // --- end of format version 5 ---
}

// --- format version 5: roadmaps (issue 18, deliver 3; ADR 0025 section 3) ---

/// <summary>
/// A recommendation's roadmap: the planned resolution date (Vietnam date), the reporting body (organisation key) and
/// the milestones in order. The steps that drew it up are not in the history: the roadmap travels as it stands.
/// </summary>
public sealed record RoadmapData(DateOnly PlannedResolutionOn, string ReportingBody, List<MilestoneData> Milestones);

/// <summary>One milestone: what, by when, the share of progress (0-100 %) it brings, and when it was done with the note reported.</summary>
public sealed record MilestoneData(string Content, DateOnly DueOn, int SharePercent, DateOnly? DoneOn, string? DoneNote);

// --- end of format version 5 ---

// --- format version 3: the worked history (issue 16, deliver 8) ---

/// <summary>
/// One step of a recommendation's follow-up (one <see cref="RecommendationEvent"/>): what was done, the status before
/// and after, who (the user name recorded, which may not exist in the importing installation) and when (UTC).
/// </summary>
/// <param name="Kind">The domain's step: assigned, unassigned, responded, forwarded, returned, closed, reopened, satisfied, notSatisfied.</param>
/// <param name="FromStatus">The status before the step; import refuses a history whose replay gives another.</param>
/// <param name="ToStatus">The status after the step; checked like <paramref name="FromStatus"/>.</param>
/// <param name="By">The user name recorded for the step; null for steps the portal itself made (seeding).</param>
/// <param name="At">When the step was recorded, UTC.</param>
public sealed record RecommendationStepData(RecommendationEventKind Kind, RecommendationStatus FromStatus, RecommendationStatus ToStatus, string? By, DateTime At)
{
    /// <summary>assigned, forwarded: the body (organisation key) given the matter.</summary>
    public string? Body { get; init; }

    /// <summary>assigned, forwarded: the due date given with it (absent when the record kept none).</summary>
    public DateOnly? DueOn { get; init; }

    /// <summary>forwarded, returned, reopened, notSatisfied: the reason (required by the domain); closed, satisfied: the note, if any.</summary>
    public string? Reason { get; init; }

    /// <summary>responded: the index (from 0) of the reply in the recommendation's <c>responses</c>; each reply is used once.</summary>
    public int? Response { get; init; }
}

/// <summary>
/// A recommendation named across installations: the meeting by its unit code, date and title (the key import
/// already matches meetings by), and the recommendation by its place in that meeting's document: the speech
/// (from 1, in order) and the recommendation within the speech (from 1). Database ids never travel.
/// </summary>
public sealed record RecommendationReferenceData(string Unit, DateOnly HeldOn, string Title, int Speech, int Recommendation);

/// <summary>A task's measurable target (chỉ tiêu), as <see cref="Domain.Directives.Directive.SetTarget"/> takes it.</summary>
public sealed record TargetData(string Measure, double? Low, double? High, string? Unit);

/// <summary>A dated progress report on a task, with the value reached when the task has a target.</summary>
public sealed record ProgressData(DateOnly ReportedOn, string Text, string? Organisation, double? Value, string? By, DateTime At);

// --- end of format version 3 ---

public sealed record SpeechData(
    SpeechKind Kind,
    string Content,
    string? Speaker,
    string? SpeakerTitle,
    string? Organisation,
    List<RecommendationData>? Recommendations);

public sealed record DirectiveData(string Content, List<string>? Assignees, DateOnly? DueOn)
{
    // --- format version 3: groups, targets and progress (issue 16, deliver 4, 6 and 8) ---

    /// <summary>Keys of <see cref="MeetingData.Groups"/> the task is given to, beside the bodies of <see cref="Assignees"/>.</summary>
    public List<string>? GroupAssignees { get; init; }

    /// <summary>The task's target (chỉ tiêu), absent when it has none.</summary>
    public TargetData? Target { get; init; }

    /// <summary>The progress reports, in the order they were recorded.</summary>
    public List<ProgressData>? Progress { get; init; }

    /// <summary>The day the task was marked done; absent while it is open.</summary>
    public DateOnly? DoneOn { get; init; }

    // --- end of format version 3 ---
}

/// <summary>A group or class of bodies as the source names it, of <paramref name="Unit"/> (the meeting's when null), with the keys of its known member bodies.</summary>
public sealed record GroupData(string Key, string Name, string? Unit, List<string>? Members);

/// <summary>A group named among those taking part, in the record's <paramref name="Wording"/> when it differs from the group's name.</summary>
public sealed record ParticipantGroupData(string Group, string? Wording);

public sealed record MeetingData
{
    public required string Unit { get; init; }
    public required MeetingType Type { get; init; }
    public required string Title { get; init; }
    public required DateOnly HeldOn { get; init; }
    public DayPart? DayPart { get; init; }
    public TimeOnly? StartTime { get; init; }
    /// <summary>When the meeting ended; absent when not stated.</summary>
    public TimeOnly? EndTime { get; init; }
    public PeriodData? Period { get; init; }
    /// <summary>How the meeting was held; absent (or "notStated") when the source does not say, in every format version.</summary>
    public MeetingFormat? Format { get; init; }
    public int? ConnectedPoints { get; init; }
    public string? Location { get; init; }
    public MeetingStatus Status { get; init; } = MeetingStatus.Draft;
    /// <summary>Where the record comes from: publisher, title and file of the report.</summary>
    public string? Source { get; init; }
    /// <summary>True when the record was rebuilt from the secondary source named in <see cref="Source"/> (a news report), not written by the secretary.</summary>
    public bool? RebuiltFromSecondarySource { get; init; }
    /// <summary>Attendance counts as the record states them; each absent when not stated.</summary>
    public int? StatedInvitedCount { get; init; }
    public int? StatedPresentCount { get; init; }
    public int? StatedAbsentCount { get; init; }
    /// <summary>What the record says of the absences as a whole.</summary>
    public string? AttendanceNote { get; init; }
    public List<OrganisationData>? Organisations { get; init; }
    public List<PersonData>? People { get; init; }
    public string? Host { get; init; }
    /// <summary>standing (Thường trực) · standingBoard (Ban Thường vụ) of the host committee; absent when the host itself convened.</summary>
    public HostBoard? HostBoard { get; init; }
    public List<string>? ParticipatingOrganisations { get; init; }
    public List<ParticipantData>? Participants { get; init; }
    public string? Summary { get; init; }
    public string? Conclusion { get; init; }
    public int? StatedOpinionCount { get; init; }
    public int? StatedRecommendationCount { get; init; }
    public List<SpeechData>? Speeches { get; init; }
    public List<DirectiveData>? Directives { get; init; }

    // Issue 16, deliver 4 (optional in version 2): groups of bodies, as participants and as assignees of tasks.

    /// <summary>The groups of bodies this meeting's participant groups and tasks name; keys local to the meeting.</summary>
    public List<GroupData>? Groups { get; init; }

    /// <summary>Groups named among those taking part, in order.</summary>
    public List<ParticipantGroupData>? ParticipantGroups { get; init; }

    // --- format version 4 (issue 16, deliver 8) ---

    /// <summary>The unit (code) the meeting was held in, when a merger moved it to <see cref="Unit"/> since (ADR 0018).</summary>
    public string? HeldIn { get; init; }

    /// <summary>The approved minutes with their stored files; written only when the export is asked for the documents.</summary>
    public MinutesApprovalData? MinutesApproval { get; init; }

    // --- end of format version 4 ---

    /// <summary>
    /// Format version 5 (issue 18, deliver 6): the report on the unresolved recommendations of the unit's earlier
    /// published meetings, the meeting's first item, in order; absent when it made none.
    /// </summary>
    public List<CarriedOverData>? CarriedOver { get; init; }
}

/// <summary>
/// Format version 5: one line of a meeting's report on earlier recommendations (<see cref="Domain.Meetings.CarriedOverRecommendation"/>):
/// the recommendation by its place (it must already be in the portal), its state when reported, how many times its
/// matter had been raised and the Vietnam date of the first raising.
/// </summary>
public sealed record CarriedOverData(RecommendationReferenceData Recommendation, RecommendationStatus ReportedStatus, int TimesRaised, DateOnly FirstRaisedOn);

/// <summary>
/// Format version 5: one entry of a unit's dialogue plan: its unit's code, its month or quarter, its topic; the host and
/// the bodies taking part by their names in the unit or a unit above it; the meeting that held it, by the meeting's key
/// (unit, day, title); and, when taken off the plan, the day and the reason.
/// </summary>
public sealed record PlannedDialogueData(string Unit, PeriodData Period, string Topic)
{
    public string? Host { get; init; }
    public List<string>? Counterparts { get; init; }
    public bool? WithPeople { get; init; }
    public MeetingFormat? Format { get; init; }
    public MeetingReferenceData? Meeting { get; init; }
    public DateOnly? CancelledOn { get; init; }
    public string? CancelReason { get; init; }

    /// <summary>The recommendations the raising bodies sent for it before the dialogue (ADR 0026), in the order sent.</summary>
    public List<GatheredRecommendationData>? Gathered { get; init; }
}

/// <summary>
/// Format version 5: a recommendation gathered before a planned dialogue (ADR 0026): its text, the raising body by name (of
/// the plan's unit or a unit above it), the day it was sent; the theme by code and the body asked to answer by name, when
/// given; whether it is on the agenda; and, when raised at the meeting that held the dialogue, the number of that
/// meeting's recommendation it became (<see cref="RaisedAs"/>, the recommendation's order in the meeting).
/// </summary>
public sealed record GatheredRecommendationData(string Content, string RaisedBy, DateOnly SubmittedOn)
{
    public string? Theme { get; init; }
    public string? AddressedTo { get; init; }
    public bool? OnAgenda { get; init; }
    public int? RaisedAs { get; init; }
}

/// <summary>A meeting by its key, as import matches meetings: its unit's code, the day it was held and its title.</summary>
public sealed record MeetingReferenceData(string Unit, DateOnly HeldOn, string Title);
