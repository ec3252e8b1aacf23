namespace MeetingPortal.Domain.Calendar;

public enum CalendarDayKind
{
    /// <summary>A weekday off: a public holiday, a Tết day or a day given in compensation (nghỉ bù).</summary>
    Holiday = 1,

    /// <summary>A Saturday or Sunday worked to make up for a day off moved next to a holiday (làm bù).</summary>
    WorkingDay = 2,
}

/// <summary>
/// One exception to the Monday-to-Friday week, kept per year as the government announces it,
/// because Tết and the days moved around holidays change every year.
/// </summary>
public class CalendarDay
{
    public const int NameMaxLength = 200;

    public CalendarDay(DateOnly date, CalendarDayKind kind, string name)
    {
        Date = date;
        Kind = kind;
        Name = name;
    }

    /// <summary>
    /// Whether a day of <paramref name="kind"/> may fall on <paramref name="date"/>: a worked day (làm bù) is a
    /// Saturday or Sunday, since a weekday is worked anyway; a holiday may fall on any day.
    /// </summary>
    public static bool Fits(DateOnly date, CalendarDayKind kind) =>
        kind != CalendarDayKind.WorkingDay || date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public int Id { get; private set; }
    public DateOnly Date { get; private set; }
    public CalendarDayKind Kind { get; set; }
    public string Name { get; set; }
}
