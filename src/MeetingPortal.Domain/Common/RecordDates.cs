namespace MeetingPortal.Domain.Common;

/// <summary>Date rules shared by every record that follows a meeting (a reply, a directive's progress).</summary>
public static class RecordDates
{
    /// <summary>
    /// Whether <paramref name="date"/> (Vietnam date) can be the date of something done after the meeting of
    /// <paramref name="heldOn"/>: not before the meeting, not after <paramref name="today"/>.
    /// </summary>
    public static bool IsBetweenMeetingAndToday(DateOnly date, DateOnly heldOn, DateOnly today) => date >= heldOn && date <= today;
}
