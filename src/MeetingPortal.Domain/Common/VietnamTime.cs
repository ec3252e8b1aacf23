namespace MeetingPortal.Domain.Common;

/// <summary>
/// Vietnam's civil time (giờ Việt Nam), UTC+7 all year without daylight saving: the days records, due dates and
/// reports are counted in, while instants are stored in UTC.
/// </summary>
public static class VietnamTime
{
    /// <summary>The offset from UTC.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The Vietnam date at the UTC instant <paramref name="utcNow"/>.</summary>
    public static DateOnly DateAt(DateTimeOffset utcNow) => DateOnly.FromDateTime(utcNow.UtcDateTime + Offset);

    /// <summary>The UTC instant Vietnam day <paramref name="day"/> begins at; the earliest instant for days before it can be said.</summary>
    public static DateTime StartUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return local.Ticks < Offset.Ticks ? DateTime.MinValue : DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);
    }

    /// <summary>The UTC instant Vietnam day <paramref name="day"/> ends at (the next day's start); the latest instant for the last day.</summary>
    public static DateTime EndUtc(DateOnly day) => day == DateOnly.MaxValue ? DateTime.MaxValue : StartUtc(day.AddDays(1));
}
