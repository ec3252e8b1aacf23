using MeetingPortal.Domain.Common;

namespace MeetingPortal.Domain.Meetings;

public enum PeriodKind
{
    /// <summary>Quý: Number is 1-4.</summary>
    Quarter = 1,

    /// <summary>6 tháng: Number is 1 (first half) or 2.</summary>
    HalfYear = 2,

    /// <summary>"7 tháng đầu năm": Number is how many months from January.</summary>
    FirstMonths = 3,

    /// <summary>Cả năm: Number is 1.</summary>
    Year = 4,

    /// <summary>Tháng: Number is the month, 1-12 (the monthly report of Quy định 11-QĐi/TW as amended by Kết luận 215-KL/TW).</summary>
    Month = 5,
}

/// <summary>The period a meeting reviews ("quý I/2022", "6 tháng đầu năm 2022").</summary>
public readonly record struct ReviewPeriod
{
    /// <summary>The first year a period may be of: the first year a meeting record may carry (<see cref="RecordDates.FirstMeetingYear"/>).</summary>
    public const int FirstYear = RecordDates.FirstMeetingYear;

    /// <summary>The last year a period may be of (a plan or a filter may look ahead; records do not reach it).</summary>
    public const int LastYear = 2200;

    /// <summary>Whether <paramref name="year"/> may be a period's year (also the year filters accept).</summary>
    public static bool IsValidYear(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>
    /// A period of <paramref name="kind"/>, number and year. Anything a person or a file chooses is checked with
    /// <see cref="IsValid"/> (years <see cref="FirstYear"/>–<see cref="LastYear"/>); the constructor itself takes
    /// any year a date can hold, because a report compares with the periods before the chosen one (the quarter
    /// before Q1/1945 is Q4/1944, and a trend reaches two years back). Throws "period.invalid" otherwise.
    /// </summary>
    public ReviewPeriod(PeriodKind kind, int year, int number)
    {
        if (!IsValidNumber(kind, number) || year is < 1 or > 9999)
        {
            throw new DomainException("period.invalid", $"{kind} {number}/{year} is not a period.");
        }

        Kind = kind;
        Year = year;
        Number = number;
    }

    public PeriodKind Kind { get; }
    public int Year { get; }
    public int Number { get; }

    public int FirstMonth => Kind switch
    {
        PeriodKind.Month => Number,
        PeriodKind.Quarter => ((Number - 1) * 3) + 1,
        PeriodKind.HalfYear => Number == 1 ? 1 : 7,
        _ => 1,
    };

    public int LastMonth => Kind switch
    {
        PeriodKind.Month => Number,
        PeriodKind.Quarter => Number * 3,
        PeriodKind.HalfYear => Number * 6,
        PeriodKind.FirstMonths => Number,
        _ => 12,
    };

    public DateOnly Start => new(Year, FirstMonth, 1);

    public DateOnly End => new DateOnly(Year, LastMonth, 1).AddMonths(1).AddDays(-1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>
    /// Whether the period is over on <paramref name="today"/> (Vietnam date): its last day is before today. Only an
    /// ended period may be frozen as an official report (issue 15, item 3: Q4/2026 was frozen on 30/11/2026).
    /// </summary>
    public bool HasEndedBy(DateOnly today) => End < today;

    /// <summary>
    /// The period just before, for "change against the previous period"; months-from-January (6 or 9 months, cumulative)
    /// compares with the same months of last year, a year with last year.
    /// </summary>
    public ReviewPeriod Previous() => Kind switch
    {
        PeriodKind.Month => Number == 1 ? new(PeriodKind.Month, Year - 1, 12) : new(PeriodKind.Month, Year, Number - 1),
        PeriodKind.Quarter => Number == 1 ? new(PeriodKind.Quarter, Year - 1, 4) : new(PeriodKind.Quarter, Year, Number - 1),
        PeriodKind.HalfYear => Number == 1 ? new(PeriodKind.HalfYear, Year - 1, 2) : new(PeriodKind.HalfYear, Year, 1),
        _ => new(Kind, Year - 1, Number),
    };

    /// <summary>
    /// The same days under the name the rules give them: the first month, three, six or twelve months of a year are
    /// month 1, quarter I, the first half and the year, so that one stretch of days has one official report, not two
    /// under two names (issue 15: "months=6" and "half=1" were frozen as two reports). Other periods are themselves.
    /// </summary>
    public ReviewPeriod Canonical() => Kind != PeriodKind.FirstMonths ? this : Number switch
    {
        1 => new(PeriodKind.Month, Year, 1),
        3 => new(PeriodKind.Quarter, Year, 1),
        6 => new(PeriodKind.HalfYear, Year, 1),
        12 => new(PeriodKind.Year, Year, 1),
        _ => this,
    };

    public static ReviewPeriod QuarterOf(DateOnly date) => new(PeriodKind.Quarter, date.Year, ((date.Month - 1) / 3) + 1);

    /// <summary>Whether a person or a file may choose this period: a number its kind has, in a year <see cref="IsValidYear"/> accepts.</summary>
    public static bool IsValid(PeriodKind kind, int year, int number) => IsValidNumber(kind, number) && IsValidYear(year);

    private static bool IsValidNumber(PeriodKind kind, int number) => kind switch
    {
        PeriodKind.Quarter => number is >= 1 and <= 4,
        PeriodKind.HalfYear => number is 1 or 2,
        PeriodKind.FirstMonths => number is >= 1 and <= 12,
        PeriodKind.Month => number is >= 1 and <= 12,
        PeriodKind.Year => number == 1,
        _ => false,
    };
}
