namespace MeetingPortal.Domain.Calendar;

/// <summary>
/// A recommendation's due date and where it came from. A date a person gave stays as given; a date
/// counted from the working-day rules keeps its start and its count, so that it moves when the
/// calendar changes (a holiday declared later lengthens the period: the rules give the period in
/// working days, the date is only its end; decision record 0010).
/// </summary>
/// <param name="DueOn">The last day to answer (Vietnam calendar date); null when neither a person nor a rule gives one.</param>
/// <param name="CountedFrom">The day the count started (not itself counted); null for a given date.</param>
/// <param name="WorkingDays">The rule's period in working days; null for a given date.</param>
public readonly record struct Deadline(DateOnly? DueOn, DateOnly? CountedFrom, int? WorkingDays)
{
    /// <summary>No due date: no rule applies and none was given.</summary>
    public static Deadline None => default;

    /// <summary>
    /// Whether a person may give <paramref name="dueOn"/> as a due date: not before <paramref name="notBefore"/>
    /// (today for an assignment or a forward, the meeting day for a record written after the meeting) and
    /// within the years the working-day calendar keeps (<see cref="WorkingCalendar.KeepsYear"/>), so that its
    /// countdown can be counted.
    /// </summary>
    public static bool IsAcceptable(DateOnly dueOn, DateOnly notBefore) => dueOn >= notBefore && WorkingCalendar.KeepsYear(dueOn.Year);

    /// <summary>A date a person chose (the form's due date, a file's dueOn): never recounted.</summary>
    public static Deadline Given(DateOnly dueOn) => new(dueOn, null, null);

    /// <summary>True when the date is counted from the rules and follows the calendar.</summary>
    public bool IsCounted => CountedFrom is not null && WorkingDays is not null;

    /// <summary>The same deadline counted again on <paramref name="calendar"/>; a given date is returned unchanged.</summary>
    public Deadline RecountOn(WorkingCalendar calendar) => IsCounted ? RestartedOn(CountedFrom!.Value, calendar) : this;

    /// <summary>The same number of working days counted from <paramref name="day"/> instead; a given date is returned unchanged.</summary>
    public Deadline RestartedOn(DateOnly day, WorkingCalendar calendar) =>
        IsCounted ? new Deadline(calendar.AddWorkingDays(day, WorkingDays!.Value), day, WorkingDays) : this;
}

/// <summary>
/// The working-day rules as the top administrator keeps them, with the calendar they count on: the one
/// place that turns "assigned on day D to a body at level L, theme T" into a due date.
/// </summary>
public sealed class DueDatePolicy(WorkingCalendar calendar, IReadOnlyList<DueDateRule> rules)
{
    /// <summary>
    /// The deadline of an assignment or a forward made on <paramref name="assignedOn"/> (Vietnam date):
    /// the date a person gave if any, else the most specific rule's working days counted from that day
    /// (the day itself not counted), else none.
    /// </summary>
    public Deadline Resolve(DateOnly? given, DateOnly assignedOn, int? themeId, int? bodyLevelRank)
    {
        if (given is { } date)
        {
            return Deadline.Given(date);
        }

        return DueDateRule.WorkingDaysFor(rules, themeId, bodyLevelRank) is { } days
            ? new Deadline(calendar.AddWorkingDays(assignedOn, days), assignedOn, days)
            : Deadline.None;
    }
}
