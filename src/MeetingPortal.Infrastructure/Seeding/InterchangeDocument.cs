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

    /// <summary>2 since issue 16 (facts may be "not stated"; end time, attendance, provenance); files of version 1 still import.</summary>
    public int FormatVersion { get; init; } = 2;
    public List<LevelData>? Levels { get; init; }
    public List<ThemeData>? Themes { get; init; }
    public List<UnitData>? Units { get; init; }
    public List<CalendarDayData>? Calendar { get; init; }
    public List<DueDateRuleData>? DueDateRules { get; init; }
    public List<MeetingData>? Meetings { get; init; }
}

public sealed record LevelData(int Rank, string Name);

public sealed record ThemeData(string Code, string Name);

public sealed record CalendarDayData(DateOnly Date, CalendarDayKind Kind, string Name);

public sealed record DueDateRuleData(string? Theme, int? Level, int WorkingDays);

public sealed record UnitData(string Code, string Name, int Level, string? Parent);

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
    List<ResponseData>? Responses);

public sealed record SpeechData(
    SpeechKind Kind,
    string Content,
    string? Speaker,
    string? SpeakerTitle,
    string? Organisation,
    List<RecommendationData>? Recommendations);

public sealed record DirectiveData(string Content, List<string>? Assignees, DateOnly? DueOn)
{
    // Issue 16, deliver 4 and 6 (optional in version 2): groups the task is given to, and its measurable target.

    /// <summary>Keys of <see cref="MeetingData.Groups"/> the task is given to, beside the bodies of <see cref="Assignees"/>.</summary>
    public List<string>? GroupAssignees { get; init; }

    /// <summary>The task's target (chỉ tiêu), absent when it has none.</summary>
    public TargetData? Target { get; init; }
}

/// <summary>A task's target: what it measures, the value to reach and/or the most allowed, and their unit.</summary>
public sealed record TargetData(string Measure, double? Low, double? High, string? Unit);

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
}
