using System.Linq.Expressions;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Units;

namespace MeetingPortal.Domain.Plans;

/// <summary>Where an entry of a unit's dialogue plan stands on a given Vietnam date (issue 18, deliver 1; ADR 0025).</summary>
public enum PlannedDialogueState
{
    /// <summary>Chưa đến hạn: its period ends later than the reminder window.</summary>
    Upcoming = 1,

    /// <summary>Sắp hết kỳ: not held, and its period ends within the reminder window (working days).</summary>
    DueSoon = 2,

    /// <summary>Chậm tổ chức: its period has ended and no published meeting is linked.</summary>
    Late = 3,

    /// <summary>Đã tổ chức: a published meeting is linked, held by the end of the period.</summary>
    Held = 4,

    /// <summary>Tổ chức muộn: a published meeting is linked, held after the planned period ended.</summary>
    HeldLate = 5,

    /// <summary>Không tổ chức: taken off the plan with a reason; neither planned nor late in the figures.</summary>
    Cancelled = 6,
}

/// <summary>
/// One dialogue of a unit's yearly plan (kế hoạch đối thoại): in a month or a quarter, hosted by a body of the unit,
/// with the Front, the socio-political organisations and, where planned, the people, on a topic, in a planned format.
/// Each year Party committees plan their dialogues and the head of the committee answers for holding them (Quy định
/// 11-QĐi/TW, amended by Kết luận 215-KL/TW of 2025). A held meeting is linked to at most one entry; "held" means a
/// published meeting is linked (issue 18, deliver 1; ADR 0025). Dates are Vietnam calendar dates.
/// </summary>
public class PlannedDialogue : Entity
{
    /// <summary>Longest topic (chuyên đề, nội dung đối thoại), in characters.</summary>
    public const int TopicMaxLength = 500;

    /// <summary>Longest reason for taking an entry off the plan, in characters.</summary>
    public const int ReasonMaxLength = 1_000;

    /// <summary>
    /// A published meeting is linked: the only way an entry is held. A draft is not yet a record (ADR 0012), so a
    /// dialogue whose record is still a draft is not counted as held.
    /// </summary>
    public static readonly Expression<Func<PlannedDialogue, bool>> IsHeld =
        p => p.Meeting != null && p.Meeting.Status == MeetingStatus.Published;

    /// <summary>Counted as planned: every entry not taken off the plan (<see cref="Cancel"/>).</summary>
    public static readonly Expression<Func<PlannedDialogue, bool>> IsCounted = p => p.CancelledOn == null;

    /// <summary>Held after its planned period ended (the record says when it was held; ADR 0025, first question).</summary>
    public static readonly Expression<Func<PlannedDialogue, bool>> IsHeldLate =
        p => p.Meeting != null && p.Meeting.Status == MeetingStatus.Published && p.Meeting.HeldOn > p.EndsOn;

    private static readonly Func<PlannedDialogue, bool> Held = IsHeld.Compile();
    private static readonly Func<PlannedDialogue, bool> HeldLate = IsHeldLate.Compile();

    private readonly List<PlannedCounterpart> _counterparts = [];

    /// <summary>
    /// A new entry of <paramref name="unitId"/>'s plan for <paramref name="period"/> (a month or a quarter). Throws
    /// <see cref="DomainException"/> "plan.period" for another kind of period and "plan.topic" for an empty topic.
    /// </summary>
    public PlannedDialogue(int unitId, ReviewPeriod period, string topic)
    {
        UnitId = unitId;
        Topic = string.Empty;
        SetPeriod(period);
        SetTopic(topic);
    }

    // For EF Core, which sets the columns itself.
    private PlannedDialogue() => Topic = string.Empty;

    public int UnitId { get; private set; }
    public Unit? Unit { get; private set; }

    /// <summary>The plan's year: an entry belongs to the plan of the year its period is in.</summary>
    public int Year { get; private set; }

    /// <summary><see cref="PeriodKind.Month"/> or <see cref="PeriodKind.Quarter"/>.</summary>
    public PeriodKind PeriodKind { get; private set; }

    /// <summary>The month (1-12) or the quarter (1-4).</summary>
    public int PeriodNumber { get; private set; }

    /// <summary>The planned month or quarter.</summary>
    public ReviewPeriod Period => new(PeriodKind, Year, PeriodNumber);

    /// <summary>The first day of the planned period (Vietnam date), kept for queries.</summary>
    public DateOnly StartsOn { get; private set; }

    /// <summary>The last day of the planned period (Vietnam date): after it, an entry not held is late.</summary>
    public DateOnly EndsOn { get; private set; }

    /// <summary>Chuyên đề: what the dialogue is planned to be about.</summary>
    public string Topic { get; private set; }

    /// <summary>The body planned to host (chủ trì), usually the unit's Party committee; null when the plan does not say.</summary>
    public int? HostOrganisationId { get; private set; }

    /// <summary>How it is planned to be held; <see cref="MeetingFormat.NotStated"/> when the plan does not say.</summary>
    public MeetingFormat PlannedFormat { get; private set; }

    /// <summary>Whether the people (nhân dân) are planned to take part, beside the bodies named.</summary>
    public bool WithPeople { get; private set; }

    /// <summary>The bodies planned to take part: the Front, the socio-political organisations, associations.</summary>
    public IReadOnlyList<PlannedCounterpart> Counterparts => _counterparts;

    /// <summary>The meeting that held this dialogue; null until one is linked (<see cref="LinkMeeting"/>).</summary>
    public int? MeetingId { get; private set; }
    public Meeting? Meeting { get; private set; }

    /// <summary>The Vietnam date the entry was taken off the plan; null while it stands.</summary>
    public DateOnly? CancelledOn { get; private set; }

    /// <summary>Why it was taken off the plan (the plan "can be changed with a reason", ADR 0025).</summary>
    public string? CancelReason { get; private set; }

    /// <summary>Whether a period of <paramref name="kind"/> may be planned: a month or a quarter.</summary>
    public static bool IsPlannable(PeriodKind kind) => kind is PeriodKind.Month or PeriodKind.Quarter;

    /// <summary>
    /// Changes what is planned. Throws "plan.period" for a period that is not a month or a quarter, "plan.topic" for an
    /// empty or too long topic, "plan.cancelled" for an entry taken off the plan, and "plan.held-period" when a meeting
    /// is linked and the new period is of another year (the meeting stays linked to its year's plan).
    /// </summary>
    public void Change(ReviewPeriod period, string topic, int? hostOrganisationId, MeetingFormat format, bool withPeople, IEnumerable<int> counterpartIds)
    {
        if (CancelledOn is not null)
        {
            throw new DomainException("plan.cancelled", "An entry taken off the plan cannot be changed.");
        }

        if (MeetingId is not null && period.Year != Year)
        {
            throw new DomainException("plan.held-period", "A held entry stays in its year's plan.");
        }

        SetPeriod(period);
        SetTopic(topic);
        HostOrganisationId = hostOrganisationId;
        PlannedFormat = format;
        WithPeople = withPeople;
        var wanted = counterpartIds.Distinct().ToList();
        _counterparts.RemoveAll(c => !wanted.Contains(c.OrganisationId));
        foreach (var id in wanted.Where(id => _counterparts.All(c => c.OrganisationId != id)))
        {
            _counterparts.Add(new PlannedCounterpart(id));
        }
    }

    /// <summary>
    /// Links <paramref name="meeting"/> as the one that held this dialogue: a meeting of the same unit, held (Vietnam
    /// date) in the plan's year or later. Throws "plan.cancelled", "plan.meeting-unit" and "plan.meeting-year". That the
    /// meeting is linked to no other entry is the use case's check (a unique index holds it).
    /// </summary>
    public void LinkMeeting(Meeting meeting)
    {
        if (CancelledOn is not null)
        {
            throw new DomainException("plan.cancelled", "An entry taken off the plan cannot be held.");
        }

        if (meeting.UnitId != UnitId)
        {
            throw new DomainException("plan.meeting-unit", "The meeting is of another unit.");
        }

        if (meeting.HeldOn.Year < Year)
        {
            throw new DomainException("plan.meeting-year", "The meeting was held before the plan's year.");
        }

        Meeting = meeting;
        MeetingId = meeting.Id;
    }

    /// <summary>Takes the linked meeting off the entry (linked by mistake).</summary>
    public void UnlinkMeeting()
    {
        Meeting = null;
        MeetingId = null;
    }

    /// <summary>
    /// Takes the entry off the plan on <paramref name="today"/> (Vietnam date) for <paramref name="reason"/>. Throws
    /// "plan.reason" without a reason, "plan.linked" when a meeting is linked (unlink it first).
    /// </summary>
    public void Cancel(string reason, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength)
        {
            throw new DomainException("plan.reason", "A reason is needed to take an entry off the plan.");
        }

        if (MeetingId is not null)
        {
            throw new DomainException("plan.linked", "A held entry cannot be taken off the plan.");
        }

        CancelledOn = today;
        CancelReason = reason.Trim();
    }

    /// <summary>Puts an entry taken off the plan back on it. Throws "plan.not-cancelled" for an entry that stands.</summary>
    public void Restore()
    {
        if (CancelledOn is null)
        {
            throw new DomainException("plan.not-cancelled", "The entry is on the plan.");
        }

        CancelledOn = null;
        CancelReason = null;
    }

    /// <summary>
    /// Where the entry stands on <paramref name="today"/>, with <paramref name="dueSoonUntil"/> the last day of the
    /// reminder window (today plus the configured working days). Needs <see cref="Meeting"/> loaded when one is linked.
    /// Uses the same expressions as the figures (<see cref="IsHeld"/>, <see cref="IsHeldLate"/>, <see cref="LateOn"/>).
    /// </summary>
    public PlannedDialogueState StateOn(DateOnly today, DateOnly dueSoonUntil)
    {
        if (MeetingId is not null && Meeting is null)
        {
            throw new InvalidOperationException("The linked meeting is not loaded.");
        }

        if (CancelledOn is not null)
        {
            return PlannedDialogueState.Cancelled;
        }

        if (Held(this))
        {
            return HeldLate(this) ? PlannedDialogueState.HeldLate : PlannedDialogueState.Held;
        }

        return EndsOn < today ? PlannedDialogueState.Late
            : EndsOn <= dueSoonUntil ? PlannedDialogueState.DueSoon
            : PlannedDialogueState.Upcoming;
    }

    /// <summary>Chậm tổ chức on <paramref name="today"/>: counted, its period ended before today, not held.</summary>
    public static Expression<Func<PlannedDialogue, bool>> LateOn(DateOnly today) =>
        p => p.CancelledOn == null && p.EndsOn < today && !(p.Meeting != null && p.Meeting.Status == MeetingStatus.Published);

    /// <summary>
    /// Sắp hết kỳ: counted, not held, its period ends between <paramref name="today"/> and <paramref name="dueSoonUntil"/>
    /// (both included): what the hourly check reminds the host unit of.
    /// </summary>
    public static Expression<Func<PlannedDialogue, bool>> DueSoonOn(DateOnly today, DateOnly dueSoonUntil) =>
        p => p.CancelledOn == null && p.EndsOn >= today && p.EndsOn <= dueSoonUntil && !(p.Meeting != null && p.Meeting.Status == MeetingStatus.Published);

    private void SetPeriod(ReviewPeriod period)
    {
        if (!IsPlannable(period.Kind) || !ReviewPeriod.IsValidYear(period.Year))
        {
            throw new DomainException("plan.period", "A dialogue is planned for a month or a quarter.");
        }

        Year = period.Year;
        PeriodKind = period.Kind;
        PeriodNumber = period.Number;
        StartsOn = period.Start;
        EndsOn = period.End;
    }

    private void SetTopic(string topic)
    {
        var trimmed = topic?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || trimmed.Length > TopicMaxLength)
        {
            throw new DomainException("plan.topic", "A planned dialogue needs a topic.");
        }

        Topic = trimmed;
    }
}

/// <summary>A body planned to take part in a planned dialogue (the Front, a socio-political organisation, an association).</summary>
public class PlannedCounterpart
{
    /// <summary>The body <paramref name="organisationId"/> planned to take part.</summary>
    public PlannedCounterpart(int organisationId) => OrganisationId = organisationId;

    public int PlannedDialogueId { get; private set; }
    public int OrganisationId { get; private set; }
}
