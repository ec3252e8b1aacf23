using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Domain.Units;

namespace MeetingPortal.Domain.Meetings;

/// <summary>The record of one meeting between a Party committee and the Front and mass organisations.</summary>
public class Meeting : Entity
{
    public const int TitleMaxLength = 500;
    public const int LocationMaxLength = 300;
    public const int SourceMaxLength = 500;
    public const int LongTextMaxLength = 20_000;

    /// <summary>Longest note on the stated attendance ("vắng 2 đồng chí có lý do").</summary>
    public const int AttendanceNoteMaxLength = 1_000;

    private readonly List<MeetingParticipant> _participants = [];
    private readonly List<MeetingOrganisation> _organisations = [];
    private readonly List<Speech> _speeches = [];
    private readonly List<Recommendation> _recommendations = [];
    private readonly List<Directive> _directives = [];
    private readonly List<MeetingParticipantGroup> _participantGroups = [];
    private readonly List<CarriedOverRecommendation> _carriedOver = [];

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

    /// <summary>When the meeting ended (giờ kết thúc), as a biên bản states it; null when not stated.</summary>
    public TimeOnly? EndTime { get; private set; }
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

    /// <summary>How the meeting was held; <see cref="MeetingFormat.NotStated"/> unless a source or the recorder says.</summary>
    public MeetingFormat Format { get; private set; }

    /// <summary>Remote points connected to an online or hybrid meeting ("kết nối đến 15 phường, xã").</summary>
    public int? ConnectedPoints { get; private set; }

    public string? Location { get; set; }

    public int? HostOrganisationId { get; set; }
    public Organisation? HostOrganisation { get; private set; }

    /// <summary>Which part of the host convened the meeting: the body itself, or its Thường trực or Ban Thường vụ.</summary>
    public HostBoard HostBoard { get; private set; }

    public string? Summary { get; set; }
    public string? Conclusion { get; set; }

    /// <summary>Counts as the report states them ("13 ý kiến, 34 kiến nghị"), kept even when the items are not listed.</summary>
    public int? StatedOpinionCount { get; set; }
    public int? StatedRecommendationCount { get; set; }

    /// <summary>How many were invited (số đại biểu được triệu tập), as the record states it; null when not stated.</summary>
    public int? StatedInvitedCount { get; private set; }

    /// <summary>How many were present (có mặt), as stated; null when not stated.</summary>
    public int? StatedPresentCount { get; private set; }

    /// <summary>How many were absent (vắng mặt), as stated; null when not stated.</summary>
    public int? StatedAbsentCount { get; private set; }

    /// <summary>What the record says of the absences as a whole ("vắng 2 đồng chí có lý do"); null when nothing is said.</summary>
    public string? AttendanceNote { get; private set; }

    /// <summary>Where the record comes from, e.g. the news report it was transcribed from.</summary>
    public string? Source { get; private set; }

    /// <summary>
    /// True when the record was rebuilt afterwards from a secondary source (a news report, as the seeds are) named in
    /// <see cref="Source"/>, not written by the meeting's secretary: pages and minutes say so in a note outside the record's text.
    /// </summary>
    public bool RebuiltFromSecondarySource { get; private set; }

    public MeetingStatus Status { get; private set; }
    public DateTime? PublishedAtUtc { get; private set; }

    /// <summary>
    /// The approval of the minutes with the signed scan and the DOCX stored at that moment (ADR 0019); null while the
    /// minutes are a draft generated from the record as it stands. Set once by <see cref="ApproveMinutes"/>.
    /// </summary>
    public MinutesApproval? MinutesApproval { get; private set; }

    /// <summary>Folded text of the record for diacritic-free search; kept in a table of its own.</summary>
    public MeetingSearchDocument Search { get; private set; } = new();

    public IReadOnlyList<MeetingParticipant> Participants => _participants;
    public IReadOnlyList<MeetingOrganisation> Organisations => _organisations;
    public IReadOnlyList<Speech> Speeches => _speeches;
    public IReadOnlyList<Recommendation> Recommendations => _recommendations;
    public IReadOnlyList<Directive> Directives => _directives;

    /// <summary>
    /// Groups of bodies or people named among those taking part, each with the record's own wording ("Các Đ/c BTV Huyện
    /// ủy", "lãnh đạo MT, TCCT - XH trong tỉnh"), in order (issue 16, deliver 4; ADR 0020).
    /// </summary>
    public IReadOnlyList<MeetingParticipantGroup> ParticipantGroups => _participantGroups;

    /// <summary>
    /// The report on the unresolved recommendations of the unit's earlier dialogues, the meeting's first item ("kết quả
    /// giải quyết kiến nghị kỳ trước"; issue 18, deliver 6), in order; empty when the meeting made none.
    /// </summary>
    public IReadOnlyList<CarriedOverRecommendation> CarriedOver => _carriedOver;

    /// <summary>
    /// The report on earlier recommendations becomes exactly <paramref name="reports"/>, in that order (a recommendation
    /// given twice counts once, at its first place). A line already in the report keeps what it recorded (the state, the
    /// times and the first date as reported then); a new line records what it is given. Everything is checked before
    /// anything changes.
    /// </summary>
    /// <exception cref="DomainException">
    /// "meeting.carry-not-earlier": a recommendation not raised in a published meeting of this meeting's unit held before
    /// it (the meeting itself included: the report is of earlier dialogues); "meeting.carry-resolved": a new line whose
    /// state is not one of <see cref="RecommendationStatuses.Open"/> (the report is of what is unresolved);
    /// "meeting.carry-times": a new line raised fewer than once, or first raised after the meeting that raised it.
    /// </exception>
    public void ReportCarriedOver(IReadOnlyList<CarriedOverReport> reports)
    {
        var distinct = reports.DistinctBy(r => r.RecommendationId).ToList();
        foreach (var report in distinct)
        {
            if (!report.IsEarlierOf(UnitId, HeldOn))
            {
                throw new DomainException("meeting.carry-not-earlier", "Only recommendations of the unit's earlier published meetings are carried over.");
            }

            if (_carriedOver.Any(c => c.RecommendationId == report.RecommendationId))
            {
                continue;
            }

            if (!RecommendationStatuses.Open.Contains(report.Status))
            {
                throw new DomainException("meeting.carry-resolved", "Only unresolved recommendations are carried over.");
            }

            if (report.TimesRaised < 1 || report.FirstRaisedOn > report.RaisedOn)
            {
                throw new DomainException("meeting.carry-times", "A carried-over matter was raised at least once, first on or before its latest raising.");
            }
        }

        var kept = _carriedOver.ToDictionary(c => c.RecommendationId);
        _carriedOver.Clear();
        for (var i = 0; i < distinct.Count; i++)
        {
            if (kept.TryGetValue(distinct[i].RecommendationId, out var line))
            {
                line.Order = i + 1;
                _carriedOver.Add(line);
            }
            else
            {
                _carriedOver.Add(new CarriedOverRecommendation(distinct[i], i + 1));
            }
        }
    }

    /// <summary>
    /// Records how the meeting was held and, for an online or hybrid one, how many remote points were connected.
    /// Throws <see cref="DomainException"/> "meeting.points-in-person" when points are given for an in-person meeting
    /// or one whose format is not stated (points say the meeting was connected, which the format must then state),
    /// "meeting.points-negative" for a negative count.
    /// </summary>
    public void SetFormat(MeetingFormat format, int? connectedPoints)
    {
        if (format is MeetingFormat.InPerson or MeetingFormat.NotStated && connectedPoints is not null)
        {
            throw new DomainException("meeting.points-in-person", "Only an online or hybrid meeting has connected points.");
        }

        if (connectedPoints is < 0)
        {
            throw new DomainException("meeting.points-negative", "Connected points cannot be negative.");
        }

        Format = format;
        ConnectedPoints = connectedPoints;
    }

    /// <summary>
    /// Records the host and which part of it convened the meeting. Throws <see cref="DomainException"/>
    /// "meeting.board-without-host" when a board (Thường trực, Ban Thường vụ) is named without its host committee.
    /// </summary>
    public void SetHost(int? hostOrganisationId, HostBoard board)
    {
        if (hostOrganisationId is null && board != HostBoard.Body)
        {
            throw new DomainException("meeting.board-without-host", "A standing board is named with the committee it belongs to.");
        }

        HostOrganisationId = hostOrganisationId;
        HostBoard = board;
    }

    /// <summary>
    /// Records when the meeting ended. Throws <see cref="DomainException"/> "meeting.ends-before-start" when both times
    /// are known and the end is not after the start (a meeting held across midnight is not recorded in the seeds' kind of meeting).
    /// </summary>
    public void SetEndTime(TimeOnly? endTime)
    {
        if (endTime is { } end && StartTime is { } start && end <= start)
        {
            throw new DomainException("meeting.ends-before-start", "A meeting ends after it starts.");
        }

        EndTime = endTime;
    }

    /// <summary>
    /// Records the attendance counts the record states, any of them null when not stated, and a note on the absences.
    /// Throws <see cref="DomainException"/> "meeting.attendance-negative" for a negative count and
    /// "meeting.attendance-exceeds-invited" when present and absent together exceed those invited.
    /// </summary>
    public void SetStatedAttendance(int? invited, int? present, int? absent, string? note)
    {
        if (invited is < 0 || present is < 0 || absent is < 0)
        {
            throw new DomainException("meeting.attendance-negative", "Attendance counts cannot be negative.");
        }

        if (invited is { } all && (present ?? 0) + (absent ?? 0) > all)
        {
            throw new DomainException("meeting.attendance-exceeds-invited", "Present and absent together cannot exceed those invited.");
        }

        StatedInvitedCount = invited;
        StatedPresentCount = present;
        StatedAbsentCount = absent;
        AttendanceNote = note;
    }

    /// <summary>
    /// Records where the record comes from. A record rebuilt from a secondary source names it: throws
    /// <see cref="DomainException"/> "meeting.rebuilt-source-missing" when <paramref name="rebuiltFromSecondarySource"/>
    /// is true and <paramref name="source"/> is empty.
    /// </summary>
    public void SetSource(string? source, bool rebuiltFromSecondarySource)
    {
        if (rebuiltFromSecondarySource && string.IsNullOrWhiteSpace(source))
        {
            throw new DomainException("meeting.rebuilt-source-missing", "A record rebuilt from a secondary source names that source.");
        }

        Source = source;
        RebuiltFromSecondarySource = rebuiltFromSecondarySource;
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

    /// <summary>
    /// Names <paramref name="group"/> among those taking part, in <paramref name="wording"/> when the record words it
    /// otherwise than the group's name (trimmed; blank for the name). A group named twice is named once, with the
    /// later wording.
    /// </summary>
    /// <exception cref="DomainException">"meeting.group-wording": a wording longer than <see cref="BodyGroup.NameMaxLength"/>.</exception>
    public MeetingParticipantGroup AddParticipantGroup(BodyGroup group, string? wording)
    {
        wording = string.IsNullOrWhiteSpace(wording) || wording.Trim() == group.Name ? null : wording.Trim();
        if (wording?.Length > BodyGroup.NameMaxLength)
        {
            throw new DomainException("meeting.group-wording", "A group's wording holds at most 500 characters.");
        }

        var existing = _participantGroups.FirstOrDefault(g => group.Id != 0 ? g.BodyGroupId == group.Id : ReferenceEquals(g.BodyGroup, group));
        if (existing is not null)
        {
            existing.Wording = wording;
            return existing;
        }

        var added = new MeetingParticipantGroup(group, wording, _participantGroups.Count + 1);
        _participantGroups.Add(added);
        return added;
    }

    /// <summary>
    /// The groups taking part become exactly <paramref name="groups"/>, in that order, each in its wording (blank or the
    /// group's own name for none): the meeting form's rows (ADR 0020). A group still named keeps its row, so nothing
    /// hanging on it moves; a group named twice is named once, at its first place, with the later wording.
    /// </summary>
    /// <exception cref="DomainException">"meeting.group-wording": a wording longer than <see cref="BodyGroup.NameMaxLength"/>;
    /// checked before anything changes.</exception>
    public void ReplaceParticipantGroups(IReadOnlyList<(BodyGroup Group, string? Wording)> groups)
    {
        if (groups.Any(g => g.Wording?.Trim().Length > BodyGroup.NameMaxLength))
        {
            throw new DomainException("meeting.group-wording", "A group's wording holds at most 500 characters.");
        }

        static bool Names(MeetingParticipantGroup row, BodyGroup group) =>
            group.Id != 0 ? row.BodyGroupId == group.Id : ReferenceEquals(row.BodyGroup, group);
        _participantGroups.RemoveAll(row => !groups.Any(g => Names(row, g.Group)));
        var inOrder = new List<MeetingParticipantGroup>();
        foreach (var (group, wording) in groups)
        {
            var row = AddParticipantGroup(group, wording);
            if (!inOrder.Contains(row))
            {
                inOrder.Add(row);
            }
        }

        for (var i = 0; i < inOrder.Count; i++)
        {
            inOrder[i].Order = i + 1;
        }
    }

    /// <summary>Removes the group from those taking part; the others keep their order.</summary>
    public void RemoveParticipantGroup(int bodyGroupId)
    {
        _participantGroups.RemoveAll(g => g.BodyGroupId == bodyGroupId);
        var order = 1;
        foreach (var g in _participantGroups.OrderBy(g => g.Order))
        {
            g.Order = order++;
        }
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

    /// <summary>
    /// The chair's side approves the minutes (issue 16 deliver 2, ADR 0019): <paramref name="scan"/> is the scan of the
    /// paper copy signed by the chair, the official copy, and <paramref name="documentStoredName"/> names the DOCX as
    /// generated at this moment (<paramref name="documentSizeBytes"/> bytes), kept to be served from now on instead of
    /// being generated again. Approved by <paramref name="by"/> on <paramref name="approvedOn"/> (Vietnam date) at
    /// <paramref name="atUtc"/>. The record itself may still be corrected afterwards (a published record changes with a
    /// reason); the corrections are shown beside the approved minutes, never written into them.
    /// Throws <see cref="DomainException"/> "minutes.not-published" for a draft record (its minutes are not yet a
    /// document anyone signs), "minutes.already-approved" when approved before (the approved copy is kept as it is) and
    /// "minutes.scan-type" for a scan that is not a PDF or an image (<see cref="ReportScan.IsScanType"/>: a Word file
    /// carries no signature).
    /// </summary>
    public void ApproveMinutes(ReportScan scan, string documentStoredName, long documentSizeBytes, DateOnly approvedOn, string? by, DateTime atUtc)
    {
        if (Status != MeetingStatus.Published)
        {
            throw new DomainException("minutes.not-published", "Only a published meeting's minutes are approved.");
        }

        if (MinutesApproval is not null)
        {
            throw new DomainException("minutes.already-approved", "The minutes are approved once; the approved copy is kept as it is.");
        }

        if (!ReportScan.IsScanType(scan.Type))
        {
            throw new DomainException("minutes.scan-type", "The signed minutes are a PDF or an image.");
        }

        MinutesApproval = new MinutesApproval(scan, documentStoredName, documentSizeBytes, approvedOn, by, atUtc);
    }

    /// <summary>Whether the minutes may be approved now: a published record whose minutes are not approved yet.</summary>
    public bool MayApproveMinutes => Status == MeetingStatus.Published && MinutesApproval is null;
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
