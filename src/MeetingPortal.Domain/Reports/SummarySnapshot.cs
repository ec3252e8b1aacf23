using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;

namespace MeetingPortal.Domain.Reports;

/// <summary>
/// A summary frozen as an official report (báo cáo chính thức) on a date: its figures are stored as they were, so the
/// report stays exactly the same when answers change later. Who has read it is recorded. A unit has one official
/// report per statutory period: freezing again makes the next numbered version, with a reason, and the earlier one
/// stays readable, marked as replaced (issue 15, deliver 3).
/// </summary>
public class SummarySnapshot
{
    public const int TitleMaxLength = 300;

    /// <summary>The longest reason for a new version, in characters.</summary>
    public const int ReasonMaxLength = 1000;

    private readonly List<SnapshotReceipt> _receipts = [];

    private SummarySnapshot(int unitId, PeriodKind periodKind, int periodYear, int periodNumber, string title, string figures, DateOnly frozenOn, string? frozenBy, DateTime frozenAtUtc)
    {
        UnitId = unitId;
        PeriodKind = periodKind;
        PeriodYear = periodYear;
        PeriodNumber = periodNumber;
        Title = title;
        Figures = figures;
        FrozenOn = frozenOn;
        FrozenBy = frozenBy;
        FrozenAtUtc = frozenAtUtc;
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public PeriodKind PeriodKind { get; private set; }
    public int PeriodYear { get; private set; }
    public int PeriodNumber { get; private set; }
    public string Title { get; private set; }

    /// <summary>The figures as computed when frozen, serialised; never recomputed.</summary>
    public string Figures { get; private set; }

    public DateOnly FrozenOn { get; private set; }
    public string? FrozenBy { get; private set; }
    public DateTime FrozenAtUtc { get; private set; }

    /// <summary>1 for the first official report of the unit and period, then 2, 3… for each freeze again.</summary>
    public int Version { get; private set; } = 1;

    /// <summary>Why this version replaces the one before (required from version 2), as the leader wrote it.</summary>
    public string? Reason { get; private set; }

    /// <summary>When (UTC) a newer version replaced this one; null while it is the unit's report for the period.</summary>
    public DateTime? ReplacedAtUtc { get; private set; }

    /// <summary>Whether a newer version replaced this one.</summary>
    public bool IsReplaced => ReplacedAtUtc is not null;

    public IReadOnlyList<SnapshotReceipt> Receipts => _receipts;

    /// <summary>
    /// The official report of unit <paramref name="unitId"/> for <paramref name="period"/>, frozen on
    /// <paramref name="frozenOn"/> (Vietnam date) at <paramref name="frozenAtUtc"/>. With no <paramref name="current"/>
    /// report it is version 1 and needs no reason; otherwise it is <paramref name="current"/>'s next version and
    /// <paramref name="current"/> is marked replaced. Throws <see cref="DomainException"/> "report.reason-required"
    /// when a report exists and <paramref name="reason"/> is blank, and "report.not-current" when
    /// <paramref name="current"/> is of another unit or period or already replaced.
    /// </summary>
    public static SummarySnapshot Freeze(
        SummarySnapshot? current, int unitId, ReviewPeriod period, string title, string figures, DateOnly frozenOn, string? frozenBy, DateTime frozenAtUtc, string? reason)
    {
        var snapshot = new SummarySnapshot(unitId, period.Kind, period.Year, period.Number, title, figures, frozenOn, frozenBy, frozenAtUtc);
        if (current is null)
        {
            return snapshot;
        }

        if (current.UnitId != unitId || current.Period != period || current.IsReplaced)
        {
            throw new DomainException("report.not-current", "Only the unit's current report for the same period can be replaced.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("report.reason-required", "A new version of an official report needs a reason.");
        }

        snapshot.Version = current.Version + 1;
        snapshot.Reason = reason.Trim();
        current.ReplacedAtUtc = frozenAtUtc;
        return snapshot;
    }

    public ReviewPeriod Period => new(PeriodKind, PeriodYear, PeriodNumber);

    /// <summary>The first reading of each user is kept; later readings change nothing.</summary>
    public bool MarkRead(string userName, DateTime atUtc)
    {
        if (_receipts.Any(r => r.UserName == userName))
        {
            return false;
        }

        _receipts.Add(new SnapshotReceipt(userName, atUtc));
        return true;
    }
}

public class SnapshotReceipt
{
    internal SnapshotReceipt(string userName, DateTime readAtUtc)
    {
        UserName = userName;
        ReadAtUtc = readAtUtc;
    }

    public long Id { get; private set; }
    public int SnapshotId { get; private set; }
    public string UserName { get; private set; }
    public DateTime ReadAtUtc { get; private set; }
}
