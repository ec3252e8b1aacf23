using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Persistence;

/// <summary>Today in Vietnam (UTC+7, no daylight saving) and the working-day calendar and due-date rules as the top administrator keeps them.</summary>
public sealed class CalendarService(MeetingPortalDbContext db, TimeProvider timeProvider)
{
    private WorkingCalendar? _calendar;
    private DueDatePolicy? _policy;

    /// <summary>Today's date in Vietnam.</summary>
    public DateOnly Today => VietnamTime.DateAt(timeProvider.GetUtcNow());

    /// <summary>The working-day calendar, read once per request.</summary>
    public async Task<WorkingCalendar> CalendarAsync(CancellationToken cancellationToken) =>
        _calendar ??= new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken));

    /// <summary>The due-date rules on the calendar: what every assignment and forward resolves its deadline with.</summary>
    public async Task<DueDatePolicy> PolicyAsync(CancellationToken cancellationToken) =>
        _policy ??= new DueDatePolicy(await CalendarAsync(cancellationToken), await db.DueDateRules.AsNoTracking().ToListAsync(cancellationToken));

    /// <summary>
    /// Drops the calendar and rules read earlier in this unit of work, after they were changed and saved: the next
    /// due date is resolved on what is now stored (an upload of several files adds rules and then dates meetings).
    /// </summary>
    public void Forget()
    {
        _calendar = null;
        _policy = null;
    }

    /// <summary>
    /// After the calendar changed (and was saved): counts every rule-counted due date of a recommendation
    /// awaiting an answer again on the new calendar (decision record 0010) and saves. Returns how many moved.
    /// </summary>
    public async Task<int> RecountOpenDueDatesAsync(CancellationToken cancellationToken)
    {
        Forget();
        var calendar = await CalendarAsync(cancellationToken);
        var awaiting = RecommendationStatuses.AwaitingAnswer.ToArray();
        var counted = await db.Recommendations
            .Where(r => awaiting.Contains(r.Status) && r.DueWorkingDays != null && r.DueCountedFrom != null)
            .ToListAsync(cancellationToken);
        var moved = counted.Count(r => r.RecountDueDate(calendar));
        if (moved > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return moved;
    }
}
