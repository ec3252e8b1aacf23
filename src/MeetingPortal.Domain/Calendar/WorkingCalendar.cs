namespace MeetingPortal.Domain.Calendar;

/// <summary>
/// Working days in Vietnam's public administration: Monday to Friday, less holidays, plus the
/// weekend days worked in exchange. Due dates and "overdue" are counted in these days.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workingWeekendDays;

    public WorkingCalendar(IEnumerable<CalendarDay> days)
    {
        var list = days.ToList();
        _holidays = list.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date).ToHashSet();
        _workingWeekendDays = list.Where(d => d.Kind == CalendarDayKind.WorkingDay).Select(d => d.Date).ToHashSet();
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

        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
