namespace MeetingPortal.Domain.Calendar;

/// <summary>
/// Working days in Vietnam's public administration: Monday to Friday, less holidays, plus the
/// weekend days worked in exchange. Due dates and "overdue" are counted in these days.
/// </summary>
public sealed class WorkingCalendar
{
    // Counting day by day cost a province summary tens of milliseconds (tens of thousands of date
    // pairs): a running count per day from 2000 to 2100 makes each count two array reads.
    /// <summary>The first year the calendar is kept for.</summary>
    public const int FirstYear = 2000;

    /// <summary>The last year the calendar is kept for.</summary>
    public const int LastYear = 2100;

    private static readonly DateOnly First = new(FirstYear, 1, 1);
    private static readonly DateOnly Last = new(LastYear, 12, 31);

    /// <summary>Whether days of <paramref name="year"/> can be kept in the calendar (<see cref="FirstYear"/> to <see cref="LastYear"/>).</summary>
    public static bool KeepsYear(int year) => year is >= FirstYear and <= LastYear;

    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workingWeekendDays;
    private readonly Lazy<int[]> _runningCount;

    public WorkingCalendar(IEnumerable<CalendarDay> days)
    {
        var list = days.ToList();
        _holidays = list.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date).ToHashSet();
        _workingWeekendDays = list.Where(d => d.Kind == CalendarDayKind.WorkingDay).Select(d => d.Date).ToHashSet();
        _runningCount = new Lazy<int[]>(RunningCount);
    }

    /// <summary>Element k: working days among the k days from <see cref="First"/>.</summary>
    private int[] RunningCount()
    {
        var days = Last.DayNumber - First.DayNumber + 1;
        var counts = new int[days + 1];
        for (var k = 0; k < days; k++)
        {
            counts[k + 1] = counts[k] + (IsWorkingDay(First.AddDays(k)) ? 1 : 0);
        }

        return counts;
    }

    public bool IsWorkingDay(DateOnly date) =>
        _workingWeekendDays.Contains(date) ||
        (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date));

    /// <summary>The day on which <paramref name="workingDays"/> working days after <paramref name="start"/> have passed (start not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        var left = workingDays;
        while (left > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        return Position(to) - Position(from);
    }

    /// <summary>
    /// Working days from the start of the kept years up to and including <paramref name="day"/> (negative before it).
    /// Outside the kept years there are no exceptions: Monday to Friday, counted by arithmetic, since a day-by-day
    /// loop would run off the end of DateOnly for a date like 9999-12-31.
    /// </summary>
    private int Position(DateOnly day)
    {
        var counts = _runningCount.Value;
        var beforeFirst = First.AddDays(-1);
        if (day < beforeFirst)
        {
            return -Weekdays(day, beforeFirst);
        }

        return day <= Last
            ? counts[day.DayNumber - First.DayNumber + 1]
            : counts[^1] + Weekdays(Last, day);
    }

    /// <summary>Mondays to Fridays after <paramref name="from"/> up to and including <paramref name="to"/> (<paramref name="to"/> not earlier).</summary>
    private static int Weekdays(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber;
        var count = days / 7 * 5;
        var day = (int)from.DayOfWeek;
        for (var i = 0; i < days % 7; i++)
        {
            day = (day + 1) % 7;
            if (day is not ((int)DayOfWeek.Saturday or (int)DayOfWeek.Sunday))
            {
                count++;
            }
        }

        return count;
    }
}
