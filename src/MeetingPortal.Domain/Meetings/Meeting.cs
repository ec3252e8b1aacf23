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

    /// <summary>
    /// The unit the meeting was held in, kept when a merger moved the meeting to the surviving unit (ADR 0005, 0018);
    /// null while the meeting still belongs to the unit it was held in. Its name on <see cref="HeldOn"/> heads the record.
    /// </summary>
    public int? HeldInUnitId { get; set; }

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

    /// <summary>Folded text of the record for diacritic-free search; kept in a table of its own.</summary>
    public MeetingSearchDocument Search { get; private set; } = new();

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

    public void ClearParticipantsAndOrganisations()
    {
        _participants.Clear();
        _organisations.Clear();
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

    /// <summary>Removes a speech and the recommendations raised in it; answered ones are kept and refused.</summary>
    public void RemoveSpeech(Speech speech)
    {
        foreach (var recommendation in _recommendations.Where(r => r.Speech == speech).ToList())
        {
            RemoveRecommendation(recommendation);
        }

        _speeches.Remove(speech);
    }

    public void RemoveRecommendation(Recommendation recommendation)
    {
        if (recommendation.Responses.Count > 0)
        {
            throw new DomainException("recommendation.has-responses", "A recommendation that has responses cannot be removed.");
        }

        _recommendations.Remove(recommendation);
    }

    public void RemoveDirective(Directive directive) => _directives.Remove(directive);

    /// <summary>Speeches, then recommendations within the meeting, are numbered in the given order from 1.</summary>
    public void Renumber(IEnumerable<Speech> speechesInOrder, IEnumerable<Recommendation> recommendationsInOrder, IEnumerable<Directive> directivesInOrder)
    {
        var speeches = speechesInOrder.ToList();
        if (speeches.Count != _speeches.Count || speeches.Except(_speeches).Any())
        {
            throw new DomainException("meeting.renumber-mismatch", "Renumbering must list exactly the meeting's speeches.");
        }

        var order = 1;
        foreach (var speech in speeches)
        {
            speech.Order = order++;
        }

        order = 1;
        foreach (var recommendation in recommendationsInOrder)
        {
            recommendation.Order = order++;
        }

        order = 1;
        foreach (var directive in directivesInOrder)
        {
            directive.Order = order++;
        }
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
            Meeting = this,
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

    public void RefreshSearchText()
    {
        var parts = new List<string?> { Title, Summary, Conclusion };
        parts.AddRange(_speeches.OrderBy(s => s.Order).SelectMany(s => new[] { s.SpeakerTitle, s.Content }));
        parts.AddRange(_recommendations.OrderBy(r => r.Order).Select(r => r.Content));
        parts.AddRange(_directives.OrderBy(d => d.Order).Select(d => d.Content));
        // The leading space lets a search match a word from its start with Contains(" " + term).
        Search.Text = " " + TextNormalizer.FoldForSearch(string.Join('\n', parts.Where(p => !string.IsNullOrWhiteSpace(p))));
    }

    /// <summary>
    /// A published record is what leaders count: it names its host (the body that convened the
    /// dialogue, as every seed report does in its first line) and holds at least one speech. Raises
    /// <see cref="MeetingPublished"/>. Throws <see cref="DomainException"/> "meeting.already-published",
    /// "meeting.incomplete" (no title), or the first code of <see cref="PublishRule.Check"/>.
    /// </summary>
    public void Publish(DateTime atUtc)
    {
        if (Status == MeetingStatus.Published)
        {
            throw new DomainException("meeting.already-published", "The meeting is already published.");
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            throw new DomainException("meeting.incomplete", "A meeting is published with a title.");
        }

        if (PublishRule.Check(HostOrganisationId is not null, _speeches.Count).FirstOrDefault() is { } problem)
        {
            throw new DomainException(problem, "A meeting is published with its host and at least one speech.");
        }

        Status = MeetingStatus.Published;
        PublishedAtUtc = atUtc;
        Raise(new MeetingPublished(this));
    }
}

/// <summary>What a record needs before it is published; forms ask it to put each message beside its field.</summary>
public static class PublishRule
{
    /// <summary>No host (cơ quan tổ chức hội nghị) is named.</summary>
    public const string HostMissing = "meeting.publish-host";

    /// <summary>No speech is recorded.</summary>
    public const string SpeechMissing = "meeting.publish-speech";

    /// <summary>The codes of what is missing, host first; empty when the record may be published.</summary>
    public static IEnumerable<string> Check(bool hasHost, int speechCount)
    {
        if (!hasHost)
        {
            yield return HostMissing;
        }

        if (speechCount == 0)
        {
            yield return SpeechMissing;
        }
    }
}

/// <summary>The meeting became official; the bodies its recommendations are addressed to are told.</summary>
public sealed record MeetingPublished(Meeting Meeting) : IDomainEvent;

/// <summary>The searchable form of a meeting: lower case, no diacritics, đ as d.</summary>
public class MeetingSearchDocument
{
    public string Text { get; set; } = string.Empty;
}
