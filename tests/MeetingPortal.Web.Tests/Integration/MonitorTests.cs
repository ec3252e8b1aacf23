using MeetingPortal.Domain.Notifications;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Monitoring;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class MonitorTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<int> RunMonitorAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RecommendationMonitor>().RunOnceAsync(CancellationToken.None);
    }

    private async Task SetDueAsync(string contentStart, Func<CalendarService, Domain.Calendar.WorkingCalendar, DateOnly> due)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<CalendarService>();
        var working = await calendar.CalendarAsync(CancellationToken.None);
        var r = await db.Recommendations.Include(x => x.Responses).SingleAsync(x => x.Content.StartsWith(contentStart));
        var body = await db.Organisations.Where(o => o.Name == "Đảng ủy phường Kỳ Phương").Select(o => o.Id).SingleAsync();
        if (r.Status != RecommendationStatus.Assigned)
        {
            r.Reopen("kiểm tra hạn", new Actor("test", DateTime.UtcNow));
        }

        r.AssignTo(body, due(calendar, working), new Actor("test", DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    private List<(string User, NotificationKind Kind)> NotificationsFor(string contentStart) => factory.WithDb(db =>
        db.Notifications.Where(n => db.Recommendations.Any(r => r.Id == n.RecommendationId && r.Content.StartsWith(contentStart)))
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.UserName, n.Kind }).ToList()
            .Select(x => (x.UserName!, x.Kind)).ToList());

    [Fact]
    public async Task Due_soon_overdue_and_escalation_are_each_said_once_to_the_right_people()
    {
        await SetDueAsync("Công tác nhân sự BCH các chi hội", (c, w) => w.AddWorkingDays(c.Today, 2));
        await SetDueAsync("Nguồn kinh phí hoạt động của các chi hội", (c, w) => c.Today.AddDays(-1));
        await SetDueAsync("Công tác tập hợp, thu hút hội viên", (c, w) =>
        {
            // Six working days before today.
            var d = c.Today;
            for (var i = 0; i < 6; i++)
            {
                do
                {
                    d = d.AddDays(-1);
                }
                while (!w.IsWorkingDay(d));
            }

            return d;
        });

        Assert.True(await RunMonitorAsync() > 0);
        Assert.Equal(0, await RunMonitorAsync());

        Assert.Equal([("traloi.kyphuong", NotificationKind.DueSoon)], NotificationsFor("Công tác nhân sự BCH các chi hội"));

        var overdue = NotificationsFor("Nguồn kinh phí hoạt động của các chi hội");
        Assert.Contains(("traloi.kyphuong", NotificationKind.Overdue), overdue);
        Assert.Contains(("theodoi.kyphuong", NotificationKind.Overdue), overdue);
        Assert.DoesNotContain(overdue, n => n.Kind == NotificationKind.Escalated);

        var escalated = NotificationsFor("Công tác tập hợp, thu hút hội viên");
        Assert.Contains(("lanhdao.kyanh", NotificationKind.Escalated), escalated);
        Assert.Contains(("theodoi.kyanh", NotificationKind.Escalated), escalated);
        Assert.DoesNotContain(escalated, n => n.User.EndsWith(".hatinh", StringComparison.Ordinal));
    }
}
