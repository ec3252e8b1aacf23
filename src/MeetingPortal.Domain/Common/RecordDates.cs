namespace MeetingPortal.Domain.Common;

/// <summary>Date rules shared by every record that follows a meeting (a reply, a directive's progress).</summary>
public static class RecordDates
{
    /// <summary>
    /// Whether <paramref name="date"/> (Vietnam date) can be the date of something done after the meeting of
    /// <paramref name="heldOn"/>: not before the meeting, not after <paramref name="today"/>.
    /// </summary>
    public static bool IsBetweenMeetingAndToday(DateOnly date, DateOnly heldOn, DateOnly today) => date >= heldOn && date <= today;

    /// <summary>The earliest year a meeting record may carry: the portal keeps records of the Democratic Republic's bodies, founded in 1945.</summary>
    public const int FirstMeetingYear = 1945;

    /// <summary>
    /// Whether a meeting can have been held on <paramref name="heldOn"/> (Vietnam date): the portal records
    /// meetings that took place, so not after <paramref name="today"/>, and not before <see cref="FirstMeetingYear"/>.
    /// The form and the import ask this one rule.
    /// </summary>
    public static bool IsPossibleMeetingDay(DateOnly heldOn, DateOnly today) => heldOn.Year >= FirstMeetingYear && heldOn <= today;
}
