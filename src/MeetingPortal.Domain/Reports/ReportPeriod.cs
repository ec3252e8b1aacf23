using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;

namespace MeetingPortal.Domain.Reports;

/// <summary>
/// The period a summary covers: a statutory period (month, quarter, first six or nine months, half year, year:
/// the reporting rhythm of Quy định 11-QĐi/TW as amended by Kết luận 215-KL/TW, 2025) or a free range of days a
/// person chooses. Both ends are Vietnam calendar dates and inclusive; a record belongs to it by its meeting's date.
/// Only a statutory period may be frozen as an official report (a unit has one report per statutory period).
/// </summary>
public readonly record struct ReportPeriod
{
    private ReportPeriod(DateOnly start, DateOnly end, ReviewPeriod? statutory)
    {
        Start = start;
        End = end;
        Statutory = statutory;
    }

    /// <summary>The first day (inclusive, Vietnam date).</summary>
    public DateOnly Start { get; }

    /// <summary>The last day (inclusive, Vietnam date).</summary>
    public DateOnly End { get; }

    /// <summary>The statutory period, or null for a free range.</summary>
    public ReviewPeriod? Statutory { get; }

    /// <summary>The length in calendar days, both ends counted.</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>A statutory period, under its canonical name (<see cref="ReviewPeriod.Canonical"/>).</summary>
    public static ReportPeriod Of(ReviewPeriod period) => new(period.Start, period.End, period.Canonical());

    /// <summary>
    /// A free range from <paramref name="from"/> to <paramref name="to"/>, both included. Throws
    /// <see cref="DomainException"/> "period.range" when <paramref name="to"/> is before <paramref name="from"/> or
    /// either lies outside the years a period may have (<see cref="ReviewPeriod.IsValidYear"/>); check with
    /// <see cref="IsValidRange"/> first.
    /// </summary>
    public static ReportPeriod Range(DateOnly from, DateOnly to) => IsValidRange(from, to)
        ? new ReportPeriod(from, to, null)
        : throw new DomainException("period.range", $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd} is not a range a report may cover.");

    /// <summary>Whether a person may choose the range: its end not before its start, both in years periods may have.</summary>
    public static bool IsValidRange(DateOnly from, DateOnly to) =>
        to >= from && ReviewPeriod.IsValidYear(from.Year) && ReviewPeriod.IsValidYear(to.Year);

    /// <summary>Whether <paramref name="date"/> falls in the period.</summary>
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>Whether the period is over on <paramref name="today"/> (Vietnam date): its last day is before today.</summary>
    public bool HasEndedBy(DateOnly today) => End < today;

    /// <summary>
    /// The period compared with ("Thay đổi"): the statutory period before (<see cref="ReviewPeriod.Previous"/>), or for
    /// a free range the range of the same length just before it. Null when that would begin before year 1, which no
    /// record reaches (a trend from the earliest years stops there instead of failing).
    /// </summary>
    public ReportPeriod? Previous()
    {
        if (Statutory is { } statutory)
        {
            return statutory.Year > 1 ? Of(statutory.Previous()) : null;
        }

        return Start.DayNumber - Days < DateOnly.MinValue.DayNumber
            ? null
            : new ReportPeriod(Start.AddDays(-Days), Start.AddDays(-1), null);
    }

    /// <summary>
    /// The <paramref name="count"/> periods ending with this one, oldest first, each the <see cref="Previous"/> of the
    /// next: eight months, quarters, halves, years, the same first months of eight years, or eight equal ranges. Fewer
    /// when the calendar runs out (never before year 1).
    /// </summary>
    public IReadOnlyList<ReportPeriod> Trend(int count)
    {
        var periods = new List<ReportPeriod> { this };
        while (periods.Count < count && periods[0].Previous() is { } before)
        {
            periods.Insert(0, before);
        }

        return periods;
    }
}
