using MeetingPortal.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Persistence;

/// <summary>Today in Vietnam (UTC+7, no daylight saving) and the working-day calendar as the administrators keep it.</summary>
public sealed class CalendarService(MeetingPortalDbContext db, TimeProvider timeProvider)
{
    private WorkingCalendar? _calendar;

    public DateOnly Today => DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime.AddHours(7));

    public async Task<WorkingCalendar> CalendarAsync(CancellationToken cancellationToken) =>
        _calendar ??= new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken));

    /// <summary>The due date the rules give a recommendation of this theme addressed to a body at this level, counted from <paramref name="from"/>.</summary>
    public async Task<DateOnly?> DefaultDueDateAsync(DateOnly from, int? themeId, int? levelRank, CancellationToken cancellationToken)
    {
        var rules = await db.DueDateRules.AsNoTracking().ToListAsync(cancellationToken);
        return DueDateRule.WorkingDaysFor(rules, themeId, levelRank) is { } days
            ? (await CalendarAsync(cancellationToken)).AddWorkingDays(from, days)
            : null;
    }
}
