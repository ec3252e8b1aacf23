using MeetingPortal.Domain.Meetings;

namespace MeetingPortal.Domain.Reports;

/// <summary>
/// A summary frozen as an official report on a date: its figures are stored as they were, so the
/// report stays exactly the same when answers change later. Who has read it is recorded.
/// </summary>
public class SummarySnapshot
{
    public const int TitleMaxLength = 300;

    private readonly List<SnapshotReceipt> _receipts = [];

    public SummarySnapshot(int unitId, PeriodKind periodKind, int periodYear, int periodNumber, string title, string figures, DateOnly frozenOn, string? frozenBy, DateTime frozenAtUtc)
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

    public IReadOnlyList<SnapshotReceipt> Receipts => _receipts;

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
