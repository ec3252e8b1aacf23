using System.Linq.Expressions;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Organisations;

namespace MeetingPortal.Domain.Directives;

public enum DirectiveStatus
{
    Open = 1,
    Done = 2,
}

/// <summary>Where a task stands against its target (chỉ tiêu), by the latest value reported (issue 16, deliver 6).</summary>
public enum TargetState
{
    /// <summary>The task has no measurable target.</summary>
    None = 0,

    /// <summary>Chưa báo cáo số liệu: a target is set, no value has been reported yet.</summary>
    NotReported = 1,

    /// <summary>Đạt chỉ tiêu: the latest value reported reaches the target (<see cref="Directive.ReachesTarget"/>).</summary>
    Reached = 2,

    /// <summary>Chưa đạt chỉ tiêu: the latest value reported falls short of it.</summary>
    NotReached = 3,
}

/// <summary>A task that a meeting's conclusion assigns to one or more organisations.</summary>
public class Directive : Entity
{
    public const int ContentMaxLength = 10_000;

    /// <summary>Longest measure of a target ("Tỷ lệ mô hình dân vận khéo đạt chuẩn"), in characters.</summary>
    public const int TargetMeasureMaxLength = 500;

    /// <summary>Longest unit of a target ("%", "mô hình", "hộ"), in characters.</summary>
    public const int TargetUnitMaxLength = 50;

    /// <summary>
    /// The largest number a target or a reported value may hold (10^12, a thousand billion): beyond any count of people or
    /// amount in millions of đồng a task measures, and within the digits a double keeps exactly, so a typing slip such as
    /// 99999999999999999999999999999 is refused instead of shown as a reached target (issue 16 trial).
    /// </summary>
    public const double MaxValue = 1_000_000_000_000d;

    /// <summary>
    /// Whether the latest value reported reaches the target: with a lower bound, at least that bound (a range "90 – 95%"
    /// is reached at 90, 95 being the aim); with only an upper bound ("không quá 2%"), at most that bound. False when
    /// no target is set or no value was reported. The one rule the task's page, the summaries and their drill-down use.
    /// </summary>
    public static readonly Expression<Func<Directive, bool>> ReachesTarget = d =>
        d.TargetMeasure != null && d.LatestValue != null
        && (d.TargetLow != null ? d.LatestValue >= d.TargetLow : d.TargetHigh != null && d.LatestValue <= d.TargetHigh);

    private static readonly Func<Directive, bool> Reaches = ReachesTarget.Compile();

    private readonly List<DirectiveAssignee> _assignees = [];
    private readonly List<DirectiveProgress> _progress = [];
    private readonly List<DirectiveGroupAssignee> _groupAssignees = [];

    internal Directive(int order, string content)
    {
        Order = order;
        Content = content;
        Status = DirectiveStatus.Open;
    }

    public int MeetingId { get; private set; }
    public int Order { get; set; }
    public string Content { get; set; }
    public DateOnly? DueOn { get; set; }
    public DirectiveStatus Status { get; private set; }
    public DateOnly? DoneOn { get; private set; }

    /// <summary>What the target measures ("Tỷ lệ mô hình dân vận khéo đạt chuẩn"), or null when the task has none.</summary>
    public string? TargetMeasure { get; private set; }

    /// <summary>The target's lower bound (the value to reach), in <see cref="TargetUnit"/>; null for an upper bound only.</summary>
    public double? TargetLow { get; private set; }

    /// <summary>The target's upper bound (the aim of a range, or the most allowed when there is no lower bound).</summary>
    public double? TargetHigh { get; private set; }

    /// <summary>The unit of the target's values ("%"), or null when they are plain numbers.</summary>
    public string? TargetUnit { get; private set; }

    /// <summary>The value of the latest progress report that gave one (by report date), in <see cref="TargetUnit"/>.</summary>
    public double? LatestValue { get; private set; }

    /// <summary>The date (Vietnam calendar) of the report that gave <see cref="LatestValue"/>.</summary>
    public DateOnly? LatestValueOn { get; private set; }

    /// <summary>Whether the task has a measurable target.</summary>
    public bool HasTarget => TargetMeasure is not null;

    /// <summary>Where the task stands against its target, by <see cref="ReachesTarget"/>.</summary>
    public TargetState TargetState =>
        !HasTarget ? TargetState.None : LatestValue is null ? TargetState.NotReported : Reaches(this) ? TargetState.Reached : TargetState.NotReached;

    public IReadOnlyList<DirectiveAssignee> Assignees => _assignees;

    public IReadOnlyList<DirectiveProgress> Progress => _progress;

    /// <summary>
    /// The groups or classes of bodies the task is given to, as the conclusion words them ("MTTQ và các tổ chức đoàn
    /// thể"), beside the single bodies of <see cref="Assignees"/> (issue 16, deliver 4; ADR 0020).
    /// </summary>
    public IReadOnlyList<DirectiveGroupAssignee> GroupAssignees => _groupAssignees;

    /// <summary>Gives the task to the group <paramref name="bodyGroupId"/> as well; giving it twice keeps one.</summary>
    public void AssignToGroup(int bodyGroupId)
    {
        if (_groupAssignees.All(a => a.BodyGroupId != bodyGroupId))
        {
            _groupAssignees.Add(new DirectiveGroupAssignee(bodyGroupId));
        }
    }

    /// <summary>Gives the task to <paramref name="group"/>, a group not saved yet (an import brings it with the meeting).</summary>
    public void AssignToGroup(BodyGroup group)
    {
        if (group.Id != 0)
        {
            AssignToGroup(group.Id);
        }
        else if (_groupAssignees.All(a => !ReferenceEquals(a.BodyGroup, group)))
        {
            _groupAssignees.Add(new DirectiveGroupAssignee(group));
        }
    }

    /// <summary>The groups the task is given to become exactly <paramref name="bodyGroupIds"/> (the task's page).</summary>
    public void ReplaceGroupAssignees(IEnumerable<int> bodyGroupIds)
    {
        var wanted = bodyGroupIds.Distinct().ToList();
        _groupAssignees.RemoveAll(a => !wanted.Contains(a.BodyGroupId));
        foreach (var id in wanted)
        {
            AssignToGroup(id);
        }
    }

    /// <summary>
    /// The latest progress report that names body <paramref name="organisationId"/> (by report date, then by when it was
    /// typed), or null when that body has reported nothing: how each member of a group assignee is seen to stand.
    /// </summary>
    public DirectiveProgress? LatestProgressOf(int organisationId) =>
        _progress.Where(p => p.OrganisationId == organisationId).OrderBy(p => p.ReportedOn).ThenBy(p => p.ReportedAtUtc).LastOrDefault();

    public void ReplaceAssignees(IEnumerable<int> organisationIds)
    {
        _assignees.Clear();
        foreach (var organisationId in organisationIds)
        {
            AssignTo(organisationId);
        }
    }

    public void AssignTo(int organisationId)
    {
        if (_assignees.All(a => a.OrganisationId != organisationId))
        {
            _assignees.Add(new DirectiveAssignee(organisationId));
        }
    }

    /// <summary>
    /// Sets the task's measurable target (chỉ tiêu), or removes it when <paramref name="measure"/> is blank and no
    /// bound is given: a value ("đạt 100%": low 100), a range ("90 – 95%": low 90, high 95) or a ceiling ("không quá 2%":
    /// high 2). Values already reported are kept and judged against the new target.
    /// </summary>
    /// <exception cref="DomainException">A bound without a measure, a measure without a bound, a negative or
    /// non-finite bound, a bound above <see cref="MaxValue"/>, or a lower bound above the upper one.</exception>
    public void SetTarget(string? measure, double? low, double? high, string? unit)
    {
        measure = string.IsNullOrWhiteSpace(measure) ? null : measure.Trim();
        unit = string.IsNullOrWhiteSpace(unit) ? null : unit.Trim();
        if (measure is null && low is null && high is null)
        {
            (TargetMeasure, TargetLow, TargetHigh, TargetUnit) = (null, null, null, null);
            return;
        }

        if (measure is null)
        {
            throw new DomainException("directive.target-measure", "A target says what it measures.");
        }

        if (low is null && high is null)
        {
            throw new DomainException("directive.target-value", "A target has a value to reach or a most allowed.");
        }

        if (low is { } l && (!double.IsFinite(l) || l < 0) || high is { } h && (!double.IsFinite(h) || h < 0))
        {
            throw new DomainException("directive.target-negative", "A target's values are numbers of zero or more.");
        }

        if (low > MaxValue || high > MaxValue)
        {
            throw new DomainException("directive.value-too-large", "A target's values are at most MaxValue.");
        }

        if (low > high)
        {
            throw new DomainException("directive.target-range", "A range starts at its lower value.");
        }

        (TargetMeasure, TargetLow, TargetHigh, TargetUnit) = (measure, low, high, unit);
    }

    /// <summary>
    /// An assignee (or the tracker) reports what has been done so far, on <paramref name="on"/> (Vietnam date), with the
    /// value reached when the task has a target; the latest report by date that gives a value is the task's
    /// <see cref="LatestValue"/>.
    /// </summary>
    /// <exception cref="DomainException">No text; a value for a task without a target; a negative or non-finite value, or one above <see cref="MaxValue"/>.</exception>
    public DirectiveProgress ReportProgress(DateOnly on, string text, int? organisationId, string? userName, DateTime atUtc, double? value = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("directive.empty-report", "A progress report says what was done.");
        }

        if (value is { } v)
        {
            if (!HasTarget)
            {
                throw new DomainException("directive.value-without-target", "A value is reported against a target.");
            }

            if (!double.IsFinite(v) || v < 0)
            {
                throw new DomainException("directive.target-negative", "A value reached is a number of zero or more.");
            }

            if (v > MaxValue)
            {
                throw new DomainException("directive.value-too-large", "A value reached is at most MaxValue.");
            }

            if (LatestValueOn is null || on >= LatestValueOn)
            {
                (LatestValue, LatestValueOn) = (v, on);
            }
        }

        var report = new DirectiveProgress(on, text, userName, atUtc) { OrganisationId = organisationId, Value = value };
        _progress.Add(report);
        return report;
    }

    public void MarkDone(DateOnly on)
    {
        if (Status == DirectiveStatus.Done)
        {
            throw new DomainException("directive.already-done", "The task is already done.");
        }

        Status = DirectiveStatus.Done;
        DoneOn = on;
    }

    public void Reopen()
    {
        if (Status != DirectiveStatus.Done)
        {
            throw new DomainException("directive.not-done", "Only a completed task is reopened.");
        }

        Status = DirectiveStatus.Open;
        DoneOn = null;
    }
}

public class DirectiveAssignee
{
    internal DirectiveAssignee(int organisationId)
    {
        OrganisationId = organisationId;
    }

    public int DirectiveId { get; private set; }
    public int OrganisationId { get; private set; }
    public Organisation? Organisation { get; private set; }
}

/// <summary>A group of bodies a task is given to (<see cref="Directive.GroupAssignees"/>).</summary>
public class DirectiveGroupAssignee
{
    internal DirectiveGroupAssignee(int bodyGroupId)
    {
        BodyGroupId = bodyGroupId;
    }

    internal DirectiveGroupAssignee(BodyGroup group)
    {
        BodyGroup = group;
    }

    private DirectiveGroupAssignee()
    {
    }

    public int DirectiveId { get; private set; }
    public int BodyGroupId { get; private set; }
    public BodyGroup? BodyGroup { get; private set; }
}

/// <summary>A dated report of what an assignee (a body, or a member of a group the task is given to) has done on a task.</summary>
public class DirectiveProgress
{
    public const int TextMaxLength = 4_000;

    internal DirectiveProgress(DateOnly reportedOn, string text, string? reportedBy, DateTime reportedAtUtc)
    {
        ReportedOn = reportedOn;
        Text = text;
        ReportedBy = reportedBy;
        ReportedAtUtc = reportedAtUtc;
    }

    public long Id { get; private set; }
    public int DirectiveId { get; private set; }
    public DateOnly ReportedOn { get; private set; }
    public string Text { get; private set; }
    public int? OrganisationId { get; set; }

    /// <summary>The value reached by the report's date, in the task's target unit, when the task has a target.</summary>
    public double? Value { get; init; }

    public string? ReportedBy { get; private set; }
    public DateTime ReportedAtUtc { get; private set; }
}
