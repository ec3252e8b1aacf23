using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Domain.Units;

namespace MeetingPortal.Domain.Meetings;

/// <summary>The record of one meeting between a Party committee and the Front and mass organisations.</summary>
public class Meeting : Entity
{
    public const int TitleMaxLength = 500;
    public const int LocationMaxLength = 300;
    public const int SourceMaxLength = 500;
    public const int LongTextMaxLength = 20_000;

    private readonly List<MeetingParticipant> _participants = [];
    private readonly List<MeetingOrganisation> _organisations = [];
    private readonly List<Speech> _speeches = [];
    private readonly List<Recommendation> _recommendations = [];
    private readonly List<Directive> _directives = [];

    public Meeting(int unitId, MeetingType type, string title, DateOnly heldOn)
    {
        UnitId = unitId;
        Type = type;
        Title = title;
        HeldOn = heldOn;
        Status = MeetingStatus.Draft;
    }

    public int UnitId { get; set; }
    public Unit? Unit { get; private set; }

    public MeetingType Type { get; set; }
    public string Title { get; set; }

    public DateOnly HeldOn { get; set; }
    public TimeOnly? StartTime { get; set; }
    public DayPart? DayPart { get; set; }

    public PeriodKind? PeriodKind { get; private set; }
    public int? PeriodYear { get; private set; }
    public int? PeriodNumber { get; private set; }

    public ReviewPeriod? Period
    {
        get => PeriodKind is { } kind && PeriodYear is { } year && PeriodNumber is { } number
            ? new ReviewPeriod(kind, year, number)
            : null;
        set
        {
            PeriodKind = value?.Kind;
            PeriodYear = value?.Year;
            PeriodNumber = value?.Number;
        }
    }

    public MeetingFormat Format { get; private set; } = MeetingFormat.InPerson;

    /// <summary>Remote points connected to an online or hybrid meeting ("kết nối đến 15 phường, xã").</summary>
    public int? ConnectedPoints { get; private set; }

    public string? Location { get; set; }

    public int? HostOrganisationId { get; set; }
    public Organisation? HostOrganisation { get; private set; }

    public string? Summary { get; set; }
    public string? Conclusion { get; set; }

    /// <summary>Counts as the report states them ("13 ý kiến, 34 kiến nghị"), kept even when the items are not listed.</summary>
    public int? StatedOpinionCount { get; set; }
    public int? StatedRecommendationCount { get; set; }

    /// <summary>Where the record comes from, e.g. the news report it was transcribed from.</summary>
    public string? Source { get; set; }

    public MeetingStatus Status { get; private set; }
    public DateTime? PublishedAtUtc { get; private set; }

    public IReadOnlyList<MeetingParticipant> Participants => _participants;
    public IReadOnlyList<MeetingOrganisation> Organisations => _organisations;
    public IReadOnlyList<Speech> Speeches => _speeches;
    public IReadOnlyList<Recommendation> Recommendations => _recommendations;
    public IReadOnlyList<Directive> Directives => _directives;

    public void SetFormat(MeetingFormat format, int? connectedPoints)
    {
        if (format == MeetingFormat.InPerson && connectedPoints is not null)
        {
            throw new DomainException("meeting.points-in-person", "An in-person meeting has no connected points.");
        }

        if (connectedPoints is < 0)
        {
            throw new DomainException("meeting.points-negative", "Connected points cannot be negative.");
        }

        Format = format;
        ConnectedPoints = connectedPoints;
    }

    public MeetingParticipant AddParticipant(int personId, ParticipantRole role, string? title, int? organisationId)
    {
        var participant = new MeetingParticipant(personId, role, title, organisationId, _participants.Count + 1);
        _participants.Add(participant);
        return participant;
    }

    public void AddOrganisation(int organisationId)
    {
        if (_organisations.All(o => o.OrganisationId != organisationId))
        {
            _organisations.Add(new MeetingOrganisation(organisationId));
        }
    }

    public Speech AddSpeech(SpeechKind kind, string content, int? speakerId, string? speakerTitle, int? organisationId)
    {
        var speech = new Speech(_speeches.Count + 1, kind, content)
        {
            SpeakerId = speakerId,
            SpeakerTitle = speakerTitle,
            OrganisationId = organisationId,
        };
        _speeches.Add(speech);
        return speech;
    }

    public Recommendation RaiseRecommendation(Speech? speech, string content, int? raisedByOrganisationId, int? raisedByPersonId)
    {
        if (speech is not null && !_speeches.Contains(speech))
        {
            throw new DomainException("recommendation.foreign-speech", "The speech belongs to another meeting.");
        }

        var recommendation = new Recommendation(_recommendations.Count + 1, content, raisedByOrganisationId, raisedByPersonId)
        {
            Speech = speech,
        };
        _recommendations.Add(recommendation);
        return recommendation;
    }

    public Directive AddDirective(string content, IEnumerable<int> assigneeOrganisationIds, DateOnly? dueOn)
    {
        var directive = new Directive(_directives.Count + 1, content) { DueOn = dueOn };
        foreach (var organisationId in assigneeOrganisationIds.Distinct())
        {
            directive.AssignTo(organisationId);
        }

        _directives.Add(directive);
        return directive;
    }

    /// <summary>A published record is what leaders count; it needs at least the facts and one speech.</summary>
    public void Publish(DateTime atUtc)
    {
        if (Status == MeetingStatus.Published)
        {
            throw new DomainException("meeting.already-published", "The meeting is already published.");
        }

        if (string.IsNullOrWhiteSpace(Title) || _speeches.Count == 0)
        {
            throw new DomainException("meeting.incomplete", "A meeting is published with a title and at least one speech.");
        }

        Status = MeetingStatus.Published;
        PublishedAtUtc = atUtc;
    }
}
