using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.People;

namespace MeetingPortal.Domain.Recommendations;

/// <summary>Who acts and when; every change of a recommendation is recorded with both.</summary>
public readonly record struct Actor(string? UserName, DateTime AtUtc);

/// <summary>
/// A kiến nghị / đề xuất raised at a meeting, followed until it is settled. The workflow is
/// new → assigned → in progress → answered → resolved → closed, with declined and reopened;
/// "answered" (a reply exists) and "resolved" (the matter is settled) are never the same.
/// </summary>
public class Recommendation : Entity
{
    public const int ContentMaxLength = 10_000;
    public const int ReasonMaxLength = 2_000;

    private readonly List<Response> _responses = [];
    private readonly List<RecommendationEvent> _events = [];
    private readonly List<RecommendationHop> _hops = [];

    internal Recommendation(int order, string content, int? raisedByOrganisationId, int? raisedByPersonId)
    {
        Order = order;
        Content = content;
        RaisedByOrganisationId = raisedByOrganisationId;
        RaisedByPersonId = raisedByPersonId;
        Status = RecommendationStatus.New;
    }

    public int MeetingId { get; private set; }
    public Meeting? Meeting { get; internal set; }

    public int Order { get; set; }

    public int? SpeechId { get; private set; }
    public Speech? Speech { get; internal set; }

    /// <summary>
    /// Null only where the source does not say who raised it ("nhiều đại biểu cho rằng..."); forms require it.
    /// </summary>
    public int? RaisedByOrganisationId { get; set; }
    public Organisation? RaisedByOrganisation { get; private set; }

    public int? RaisedByPersonId { get; set; }
    public Person? RaisedByPerson { get; private set; }

    public int? ThemeId { get; set; }
    public Theme? Theme { get; private set; }

    /// <summary>What was asked, as the record words it; setting it also refolds <see cref="SearchText"/>.</summary>
    public string Content
    {
        get => _content;
        set
        {
            _content = value;
            SearchText = TextNormalizer.FoldForWordSearch(value);
        }
    }

    private string _content = string.Empty;

    /// <summary>
    /// <see cref="Content"/> folded for the tracker's text search and for spotting exact copies
    /// (<see cref="TextNormalizer.FoldForWordSearch"/>: no case, no diacritics, đ as d, a leading space so a term
    /// matches from a word's start). Kept by the <see cref="Content"/> setter, never set by hand; rows saved before
    /// it existed are folded once at start-up (ADR 0021).
    /// </summary>
    public string SearchText { get; private set; } = string.Empty;

    /// <summary>Folds <see cref="SearchText"/> again from <see cref="Content"/>: the start-up fill of rows saved before it existed.</summary>
    public void RefreshSearchText() => SearchText = TextNormalizer.FoldForWordSearch(_content);

    public int? AddressedToOrganisationId { get; private set; }
    public Organisation? AddressedToOrganisation { get; private set; }

    /// <summary>The last day to answer (Vietnam date); see <see cref="Deadline"/> for how it is kept.</summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>The day a rule-counted due date was counted from; null when a person gave the date.</summary>
    public DateOnly? DueCountedFrom { get; private set; }

    /// <summary>The rule's period in working days behind <see cref="DueOn"/>; null when a person gave the date.</summary>
    public int? DueWorkingDays { get; private set; }

    /// <summary>The due date with its origin.</summary>
    public Deadline Deadline => new(DueOn, DueCountedFrom, DueWorkingDays);

    public RecommendationStatus Status { get; private set; }

    /// <summary>The first reply of any kind but "in progress"; kept for the time-to-answer figures.</summary>
    public DateOnly? FirstAnsweredOn { get; private set; }

    public DateOnly? ResolvedOn { get; private set; }

    /// <summary>
    /// The earliest recommendation of the matter this one repeats; null for a first raising. Chains are
    /// kept flat (everyone points at the first), so "count a matter once" is a distinct on one column.
    /// </summary>
    public int? RecurrenceOfId { get; private set; }

    public int MatterId => RecurrenceOfId ?? Id;

    /// <summary>The raising organisation's judgement of the last answer, when it has given one.</summary>
    public bool? Satisfied { get; private set; }

    public IReadOnlyList<Response> Responses => _responses;

    public IReadOnlyList<RecommendationEvent> Events => _events;

    public IReadOnlyList<RecommendationHop> Hops => _hops;

    /// <summary>The plan to resolve it when it cannot be resolved at once (lộ trình giải quyết); null when none was drawn up.</summary>
    public Roadmap? Roadmap { get; private set; }

    /// <summary>The kind of the latest reply recorded (the one the status follows); null when none.</summary>
    public ResponseKind? LastResponseKind => _responses.Count == 0 ? null : _responses.MaxBy(x => x.Id == 0 ? long.MaxValue : x.Id)!.Kind;

    /// <summary>What the state machine reads; <see cref="RecommendationState.Allows"/> says which actions it permits.</summary>
    public RecommendationState State => new(Status, AddressedToOrganisationId is not null, CanBeReturned, IsFollowed);

    /// <summary>
    /// Whether the recommendation is followed up: its meeting is published. Reads <see cref="Meeting"/>, which
    /// must be loaded (the use cases load it; a meeting's own recommendations always have it).
    /// </summary>
    public bool IsFollowed => IsFollowedIn((Meeting ?? throw new InvalidOperationException("The recommendation's meeting is not loaded.")).Status);

    /// <summary>The rule for a projection that read the meeting's status: a recommendation is followed up once its meeting is published.</summary>
    public static bool IsFollowedIn(MeetingStatus meetingStatus) => meetingStatus == MeetingStatus.Published;

    /// <summary><see cref="IsFollowedIn"/> as a query condition (queues, reminders, overdue lists leave drafts out).</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Recommendation, bool>> Followed = r => r.Meeting!.Status == MeetingStatus.Published;

    private bool CanBeReturned => _hops.LastOrDefault() is { } hop && IsReturnable(hop.IsReturned, hop.FromOrganisationId, hop.ToOrganisationId, AddressedToOrganisationId);

    /// <summary>
    /// Whether the last forward (not yet returned, from <paramref name="fromBodyId"/> to <paramref name="toBodyId"/>)
    /// can be returned while <paramref name="addressedToId"/> holds the matter: it came from a body and the receiver
    /// still holds it. For projections that read the last hop; the entity asks the same.
    /// </summary>
    public static bool IsReturnable(bool isReturned, int? fromBodyId, int toBodyId, int? addressedToId) =>
        !isReturned && fromBodyId is not null && toBodyId == addressedToId;

    public void MoveTo(Speech speech) => Speech = speech;

    /// <summary>
    /// Gives the matter to a body with its deadline (from <see cref="DueDatePolicy.Resolve"/>: the date a
    /// person gave, else the rules' working days); an unanswered matter may be given to another. Raises
    /// <see cref="RecommendationAssigned"/>. Throws <see cref="DomainException"/> "recommendation.settled" once answered.
    /// </summary>
    public void AssignTo(int organisationId, Deadline deadline, Actor by)
    {
        Require(State.Allows(RecommendationAction.Assign), "recommendation.settled", "Only an unanswered recommendation is (re)assigned.");
        AddressedToOrganisationId = organisationId;
        AddressedToOrganisation = null;
        SetDeadline(deadline);
        Change(RecommendationEventKind.Assigned, RecommendationStatus.Assigned, by, organisationId, null);
        Raise(new RecommendationAssigned(this));
    }

    /// <summary>Gives the matter to a body with a date a person chose.</summary>
    public void AssignTo(int organisationId, DateOnly dueOn, Actor by) => AssignTo(organisationId, Deadline.Given(dueOn), by);

    /// <summary>
    /// Counts a rule-counted due date again on a changed calendar while the matter awaits an answer
    /// (decision record 0010). Returns true when the date moved; a date a person gave never moves.
    /// </summary>
    public bool RecountDueDate(WorkingCalendar calendar)
    {
        if (!RecommendationStatuses.AwaitingAnswer.Contains(Status) || !Deadline.IsCounted)
        {
            return false;
        }

        var recounted = Deadline.RecountOn(calendar);
        if (recounted.DueOn == DueOn)
        {
            return false;
        }

        DueOn = recounted.DueOn;
        return true;
    }

    /// <summary>
    /// Starts follow-up when the meeting is published on <paramref name="publishedOn"/> (Vietnam date): a due date the
    /// rules counted while the meeting was a draft is counted again from that day, since the body receives the
    /// matter then (issue 13); a date a person gave stays. Returns true when the date moved.
    /// </summary>
    public bool StartFollowUp(DateOnly publishedOn, WorkingCalendar calendar)
    {
        if (!RecommendationStatuses.AwaitingAnswer.Contains(Status) || !Deadline.IsCounted || DueCountedFrom >= publishedOn)
        {
            return false;
        }

        SetDeadline(Deadline.RestartedOn(publishedOn, calendar));
        return true;
    }

    private void SetDeadline(Deadline deadline)
    {
        DueOn = deadline.DueOn;
        DueCountedFrom = deadline.CountedFrom;
        DueWorkingDays = deadline.WorkingDays;
    }

    /// <summary>Editing a draft may take the addressee away again while nothing has answered.</summary>
    public void Unassign(Actor by)
    {
        Require(_responses.Count == 0, "recommendation.answered", "An answered recommendation keeps its addressee.");
        AddressedToOrganisationId = null;
        AddressedToOrganisation = null;
        SetDeadline(Deadline.None);
        Change(RecommendationEventKind.Unassigned, RecommendationStatus.New, by, null, null);
    }

    /// <summary>Records a reply or an action of the addressed body; the status follows from its kind.</summary>
    public Response Respond(ResponseKind kind, DateOnly respondedOn, int? organisationId, int? personId, string content, Actor by)
    {
        RequireFollowed();
        Require(State.Takes(kind), "recommendation.not-open", "Only an open recommendation takes responses.");
        Require(kind != ResponseKind.Declined || !string.IsNullOrWhiteSpace(content), "recommendation.decline-reason", "Declining needs a reason.");

        var response = new Response(kind, respondedOn, content) { OrganisationId = organisationId, PersonId = personId };
        _responses.Add(response);
        if (kind != ResponseKind.InProgress && (FirstAnsweredOn is null || respondedOn < FirstAnsweredOn))
        {
            FirstAnsweredOn = respondedOn;
        }

        var status = kind switch
        {
            ResponseKind.Resolved => RecommendationStatus.Resolved,
            ResponseKind.Declined => RecommendationStatus.Declined,
            ResponseKind.InProgress => RecommendationStatus.InProgress,
            // A later acceptance or explanation does not undo a resolution.
            _ when Status == RecommendationStatus.Resolved => RecommendationStatus.Resolved,
            _ => RecommendationStatus.Answered,
        };
        if (status == RecommendationStatus.Resolved)
        {
            ResolvedOn ??= respondedOn;
        }

        Satisfied = null;
        Change(RecommendationEventKind.Responded, status, by, organisationId, kind.ToString());
        if (kind != ResponseKind.InProgress)
        {
            Raise(new RecommendationAnswered(this));
        }

        return response;
    }

    /// <summary>
    /// Passes an unanswered matter from its body to another (up a level, or to the competent body),
    /// with the receiver's own due date. The raising unit keeps seeing it.
    /// </summary>
    public RecommendationHop Forward(int toOrganisationId, Deadline deadline, string reason, Actor by)
    {
        RequireFollowed();
        Require(State.Allows(RecommendationAction.Forward),
            "recommendation.forward-unassigned", "Only an assigned, unanswered recommendation is forwarded.");
        Require(toOrganisationId != AddressedToOrganisationId, "recommendation.forward-same", "A recommendation is forwarded to another body.");
        Require(!string.IsNullOrWhiteSpace(reason), "recommendation.forward-reason", "Forwarding needs a reason.");
        var hop = new RecommendationHop(AddressedToOrganisationId, toOrganisationId, DueOn, deadline.DueOn, reason, by.UserName, by.AtUtc);
        _hops.Add(hop);
        AddressedToOrganisationId = toOrganisationId;
        AddressedToOrganisation = null;
        SetDeadline(deadline);
        Change(RecommendationEventKind.Forwarded, RecommendationStatus.Assigned, by, toOrganisationId, reason);
        Raise(new RecommendationForwarded(this));
        return hop;
    }

    /// <summary>The receiver of the last forward sends it back as outside its powers; the sender's due date returns.</summary>
    public void ReturnToSender(string reason, Actor by)
    {
        RequireFollowed();
        var hop = _hops.LastOrDefault();
        Require(CanBeReturned, "recommendation.return-nothing", "Only a forwarded recommendation is returned, by its receiver.");
        Require(State.Allows(RecommendationAction.Return), "recommendation.return-answered", "An answered recommendation is not returned.");
        Require(!string.IsNullOrWhiteSpace(reason), "recommendation.return-reason", "Returning needs a reason.");
        hop!.MarkReturned(reason, by.UserName, by.AtUtc);
        AddressedToOrganisationId = hop.FromOrganisationId;
        AddressedToOrganisation = null;
        // The hop keeps only the sender's date, so it comes back as a given date (it no longer follows the calendar).
        SetDeadline(hop.PreviousDueOn is { } previous ? Deadline.Given(previous) : Deadline.None);
        Change(RecommendationEventKind.Returned, RecommendationStatus.Assigned, by, hop.FromOrganisationId, reason);
        Raise(new RecommendationReturned(this));
    }

    /// <summary>
    /// Links this recommendation to the matter of an earlier one; each keeps its own answers. A recurrence is a matter
    /// raised again at another meeting: another item of the same meeting is a neighbour, and the same folded text is a
    /// duplicate entry, not a raising (issue 17, deliver 9; the suggestions leave both out by the same test).
    /// </summary>
    /// <exception cref="DomainException">
    /// "recommendation.link-same" (already one matter), "recommendation.link-same-meeting", "recommendation.link-copy",
    /// "recommendation.link-later" (the earlier one was raised after this one).
    /// </exception>
    public void LinkAsRecurrenceOf(Recommendation earlier, DateOnly earlierRaisedOn, DateOnly raisedOn)
    {
        Require(earlier.Id != Id && earlier.MatterId != MatterId, "recommendation.link-same", "The two are already one matter.");
        Require(!IsSameRaisingAs(earlier), earlier.MeetingId == MeetingId ? "recommendation.link-same-meeting" : "recommendation.link-copy",
            "A recurrence is raised at another meeting, in words of its own.");
        Require(earlierRaisedOn <= raisedOn, "recommendation.link-later", "A recommendation repeats an earlier one, not a later one.");
        RecurrenceOfId = earlier.MatterId;
    }

    /// <summary>
    /// Whether <paramref name="other"/> cannot be a recurrence of this one: raised at the same meeting, or an exact copy
    /// (the same folded text). Meetings not yet saved (id 0) are compared by reference.
    /// </summary>
    public bool IsSameRaisingAs(Recommendation other) =>
        (MeetingId != 0 ? other.MeetingId == MeetingId : ReferenceEquals(other.Meeting, Meeting) && Meeting is not null)
        || other.SearchText == SearchText;

    /// <summary>Takes this recommendation out of its matter; the caller re-roots any that pointed at it.</summary>
    public void Unlink() => RecurrenceOfId = null;

    /// <summary>Moves a follower to a new first raising when the matter's first is relinked or unlinked.</summary>
    public void Reroot(int matterId) => RecurrenceOfId = matterId == Id ? null : matterId;

    /// <summary>A resolved matter is closed when nothing more is to be done.</summary>
    public void Close(Actor by, string? note)
    {
        RequireFollowed();
        Require(State.Allows(RecommendationAction.Close), "recommendation.close-unresolved", "Only a resolved recommendation is closed.");
        Change(RecommendationEventKind.Closed, RecommendationStatus.Closed, by, null, note);
    }

    /// <summary>Takes a settled or answered matter up again; the reason is kept.</summary>
    public void Reopen(string reason, Actor by)
    {
        RequireFollowed();
        Require(!string.IsNullOrWhiteSpace(reason), "recommendation.reopen-reason", "Reopening needs a reason.");
        Require(State.Allows(RecommendationAction.Reopen), "recommendation.reopen-open", "Only an answered or settled recommendation is reopened.");
        ResolvedOn = null;
        Change(RecommendationEventKind.Reopened, AddressedToOrganisationId is null ? RecommendationStatus.New : RecommendationStatus.Assigned, by, null, reason);
        Raise(new RecommendationReopened(this));
    }

    /// <summary>
    /// The raising organisation judges the answer. Satisfied closes a resolved matter; not satisfied
    /// reopens it with the reason.
    /// </summary>
    public void MarkSatisfaction(bool satisfied, string? reason, Actor by)
    {
        RequireFollowed();
        Require(State.Allows(RecommendationAction.Judge), "recommendation.nothing-to-judge", "Only an answer is judged.");
        if (satisfied)
        {
            Satisfied = true;
            Change(RecommendationEventKind.Satisfied, Status == RecommendationStatus.Resolved ? RecommendationStatus.Closed : Status, by, null, reason);
            return;
        }

        Require(!string.IsNullOrWhiteSpace(reason), "recommendation.unsatisfied-reason", "Saying an answer is unsatisfactory needs a reason.");
        Change(RecommendationEventKind.NotSatisfied, Status, by, null, reason);
        Reopen(reason!, by);
        Satisfied = false;
    }

    /// <summary>
    /// Draws up the roadmap (lộ trình giải quyết) of an accepted matter, or changes it as a whole: the planned
    /// resolution date, the reporting body and the milestones (a milestone given with its <see cref="MilestonePlan.Id"/>
    /// is kept with its done date; one left out is dropped). The rules are <see cref="Roadmaps.MayPlan"/> and
    /// <see cref="Roadmaps.Check"/>, with the meeting's day. Raises <see cref="RoadmapPlanned"/>: the raising unit is told.
    /// </summary>
    /// <exception cref="DomainException">"roadmap.not-accepted", or the first of <see cref="Roadmaps.Check"/>'s codes.</exception>
    public void PlanRoadmap(DateOnly plannedResolutionOn, int reportingOrganisationId, IReadOnlyList<MilestonePlan> milestones, Actor by)
    {
        RequireFollowed();
        Require(Roadmaps.MayPlan(Status, LastResponseKind, IsFollowed), "roadmap.not-accepted",
            "Only a recommendation whose latest answer accepts it (accepted, in progress) gets a roadmap.");
        var heldOn = Meeting!.HeldOn;
        if (Roadmaps.Check(heldOn, plannedResolutionOn, milestones).FirstOrDefault() is { } problem)
        {
            throw new DomainException(problem.Code, "The roadmap breaks a rule: " + problem.Code);
        }

        var kept = Roadmap?.MilestoneList.ToDictionary(m => m.Id) ?? [];
        Require(milestones.All(m => m.Id is null || kept.ContainsKey(m.Id.Value)), "roadmap.milestone-unknown", "A kept milestone belongs to this roadmap.");
        var isNew = Roadmap is null;
        Roadmap ??= new Roadmap(plannedResolutionOn, reportingOrganisationId);
        Roadmap.PlannedResolutionOn = plannedResolutionOn;
        Roadmap.ReportingOrganisationId = reportingOrganisationId;
        var list = Roadmap.MilestoneList;
        list.RemoveAll(m => !milestones.Any(p => p.Id == m.Id));
        foreach (var plan in milestones)
        {
            var milestone = plan.Id is { } id ? kept[id] : new Milestone(plan.Content.Trim(), plan.DueOn, plan.SharePercent);
            milestone.Content = plan.Content.Trim();
            milestone.DueOn = plan.DueOn;
            milestone.SharePercent = plan.SharePercent;
            if (plan.Id is null)
            {
                list.Add(milestone);
            }
        }

        Change(isNew ? RecommendationEventKind.RoadmapPlanned : RecommendationEventKind.RoadmapChanged, Status, by, reportingOrganisationId, null);
        Raise(new RoadmapPlanned(this));
    }

    /// <summary>
    /// Restores a roadmap as a record gives it (the interchange, version 5): the rules of dates and shares
    /// (<see cref="Roadmaps.Check"/>) and of done dates (<see cref="Roadmaps.IsDoneDateValid"/>, up to
    /// <paramref name="today"/>) hold, but not the state rule, since the record may have moved on since the roadmap was
    /// drawn up (resolved on its plan). Records one <see cref="RecommendationEventKind.RoadmapPlanned"/> step; raises no
    /// event (nobody is told of a past record). <paramref name="done"/> gives each milestone's done date and note, in order.
    /// </summary>
    /// <exception cref="DomainException">"roadmap.exists", the first of <see cref="Roadmaps.Check"/>'s codes, or "roadmap.done-date".</exception>
    public void RestoreRoadmap(DateOnly plannedResolutionOn, int reportingOrganisationId, IReadOnlyList<MilestonePlan> milestones,
        IReadOnlyList<(DateOnly? DoneOn, string? Note)> done, DateOnly today, Actor by)
    {
        RequireFollowed();
        Require(Roadmap is null, "roadmap.exists", "A recommendation has one roadmap.");
        var heldOn = Meeting!.HeldOn;
        if (Roadmaps.Check(heldOn, plannedResolutionOn, milestones).FirstOrDefault() is { } problem)
        {
            throw new DomainException(problem.Code, "The roadmap breaks a rule: " + problem.Code);
        }

        Require(done.All(d => d.DoneOn is not { } on || Roadmaps.IsDoneDateValid(on, heldOn, today)), "roadmap.done-date", "A milestone is done between the meeting and today.");
        Roadmap = new Roadmap(plannedResolutionOn, reportingOrganisationId);
        foreach (var (plan, i) in milestones.Select((m, i) => (m, i)))
        {
            Roadmap.MilestoneList.Add(new Milestone(plan.Content.Trim(), plan.DueOn, plan.SharePercent)
            {
                DoneOn = i < done.Count ? done[i].DoneOn : null,
                DoneNote = i < done.Count && !string.IsNullOrWhiteSpace(done[i].Note) ? done[i].Note!.Trim() : null,
            });
        }

        Change(RecommendationEventKind.RoadmapPlanned, Status, by, reportingOrganisationId, null);
    }

    /// <summary>
    /// The reporting body reports milestone <paramref name="milestoneId"/> done on <paramref name="doneOn"/> (Vietnam
    /// date, between the meeting's day and <paramref name="today"/>), with an optional note. Raises
    /// <see cref="MilestoneDone"/>: the raising unit is told.
    /// </summary>
    /// <exception cref="DomainException">
    /// "roadmap.not-open" (no roadmap, or the matter is settled), "roadmap.milestone-unknown", "roadmap.milestone-done-already",
    /// "roadmap.done-date".
    /// </exception>
    public void MarkMilestoneDone(long milestoneId, DateOnly doneOn, string? note, DateOnly today, Actor by)
    {
        RequireFollowed();
        Require(Roadmaps.MayReport(Status, Roadmap is not null, IsFollowed), "roadmap.not-open", "Only an open recommendation's roadmap is reported on.");
        var milestone = Roadmap!.MilestoneList.SingleOrDefault(m => m.Id == milestoneId);
        Require(milestone is not null, "roadmap.milestone-unknown", "The milestone belongs to this roadmap.");
        Require(milestone!.DoneOn is null, "roadmap.milestone-done-already", "A milestone is reported done once.");
        Require(Roadmaps.IsDoneDateValid(doneOn, Meeting!.HeldOn, today), "roadmap.done-date", "A milestone is done between the meeting and today.");
        milestone.DoneOn = doneOn;
        milestone.DoneNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Change(RecommendationEventKind.MilestoneDone, Status, by, Roadmap.ReportingOrganisationId, milestone.Content);
        Raise(new MilestoneDone(this));
    }

    private void Change(RecommendationEventKind kind, RecommendationStatus to, Actor by, int? organisationId, string? note)
    {
        _events.Add(new RecommendationEvent(kind, Status, to, by.UserName, by.AtUtc) { OrganisationId = organisationId, Note = note });
        Status = to;
    }

    /// <summary>A draft's recommendations wait for publication (<see cref="IsFollowed"/>): "recommendation.draft".</summary>
    private void RequireFollowed() =>
        Require(IsFollowed, "recommendation.draft", "A draft meeting's recommendations are followed up once the meeting is published.");

    private static void Require(bool condition, string code, string message)
    {
        if (!condition)
        {
            throw new DomainException(code, message);
        }
    }
}
