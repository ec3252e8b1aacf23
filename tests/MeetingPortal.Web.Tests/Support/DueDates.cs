using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Support;

/// <summary>Puts seed recommendations of Kỳ Phương in the due-date states the check looks for.</summary>
public static class DueDates
{
    /// <summary>Due in two working days: its body hears "due soon".</summary>
    public const string DueSoon = "Công tác nhân sự BCH các chi hội";

    /// <summary>Due yesterday: the body and the raising unit's trackers hear "overdue".</summary>
    public const string Overdue = "Nguồn kinh phí hoạt động của các chi hội";

    /// <summary>Six working days overdue: the district above hears of it too ("escalated").</summary>
    public const string Escalated = "Công tác tập hợp, thu hút hội viên";

    /// <summary>
    /// Assigns the recommendation whose text starts with <paramref name="contentStart"/> to the Party
    /// committee of Kỳ Phương with the due date <paramref name="due"/> gives (reopening it first if needed),
    /// through the domain, as a tracker would.
    /// </summary>
    public static async Task SetAsync(IServiceProvider services, string contentStart, Func<CalendarService, WorkingCalendar, DateOnly> due)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<CalendarService>();
        var working = await calendar.CalendarAsync(CancellationToken.None);
        var r = await db.Recommendations.Include(x => x.Meeting).Include(x => x.Responses).SingleAsync(x => x.Content.StartsWith(contentStart));
        var body = await db.Organisations.Where(o => o.Name == "Đảng ủy phường Kỳ Phương").Select(o => o.Id).SingleAsync();
        if (r.Status != RecommendationStatus.Assigned)
        {
            r.Reopen("kiểm tra hạn", new Actor("test", DateTime.UtcNow));
        }

        r.AssignTo(body, due(calendar, working), new Actor("test", DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    /// <summary>The three cases above, relative to the portal's today.</summary>
    public static async Task SetAllThreeAsync(IServiceProvider services)
    {
        await PutOthersOutOfReachAsync(services, DueSoon, Overdue, Escalated);
        await SetAsync(services, DueSoon, (c, w) => w.AddWorkingDays(c.Today, 2));
        await SetAsync(services, Overdue, (c, _) => c.Today.AddDays(-1));
        await SetAsync(services, Escalated, (c, w) => WorkingDaysBefore(w, c.Today, 6));
    }

    /// <summary>
    /// Gives every other seed recommendation awaiting an answer a due date a year ahead, so a test counts
    /// only the ones it set. (Seed recommendations addressed without a date get the rules' date counted from
    /// their meeting day, long past, so the seeds alone hold overdue matters.)
    /// </summary>
    public static async Task PutOthersOutOfReachAsync(IServiceProvider services, params string[] exceptContentStarts)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<CalendarService>();
        var awaiting = RecommendationStatuses.AwaitingAnswer.ToArray();
        var others = (await db.Recommendations.Include(r => r.Meeting).Where(r => awaiting.Contains(r.Status) && r.DueOn != null && r.AddressedToOrganisationId != null).ToListAsync())
            .Where(r => !exceptContentStarts.Any(c => r.Content.StartsWith(c, StringComparison.Ordinal)));
        foreach (var r in others)
        {
            r.AssignTo(r.AddressedToOrganisationId!.Value, calendar.Today.AddYears(1), new Actor("test", DateTime.UtcNow));
        }

        await db.SaveChangesAsync();
    }

    private static DateOnly WorkingDaysBefore(WorkingCalendar working, DateOnly from, int days)
    {
        var d = from;
        for (var i = 0; i < days; i++)
        {
            do
            {
                d = d.AddDays(-1);
            }
            while (!working.IsWorkingDay(d));
        }

        return d;
    }
}
