using MeetingPortal.Domain.Notifications;
using MeetingPortal.Infrastructure.Monitoring;
using MeetingPortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class MonitorTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<int> RunMonitorAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RecommendationMonitor>().RunOnceAsync(CancellationToken.None);
    }

    private List<(string User, NotificationKind Kind)> NotificationsFor(string contentStart) => factory.WithDb(db =>
        db.Notifications.Where(n => n.DueOn != null && db.Recommendations.Any(r => r.Id == n.RecommendationId && r.Content.StartsWith(contentStart)))
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.UserName, n.Kind }).ToList()
            .Select(x => (x.UserName!, x.Kind)).ToList());

    [Fact]
    public async Task Due_soon_overdue_and_escalation_are_each_said_once_to_the_right_people()
    {
        await DueDates.SetAllThreeAsync(factory.Services);

        Assert.True(await RunMonitorAsync() > 0);
        Assert.Equal(0, await RunMonitorAsync());

        Assert.Equal([("traloi.kyphuong", NotificationKind.DueSoon)], NotificationsFor(DueDates.DueSoon));

        var overdue = NotificationsFor(DueDates.Overdue);
        Assert.Contains(("traloi.kyphuong", NotificationKind.Overdue), overdue);
        Assert.Contains(("theodoi.kyphuong", NotificationKind.Overdue), overdue);
        Assert.DoesNotContain(overdue, n => n.Kind == NotificationKind.Escalated);

        var escalated = NotificationsFor(DueDates.Escalated);
        Assert.Contains(("lanhdao.kyanh", NotificationKind.Escalated), escalated);
        Assert.Contains(("theodoi.kyanh", NotificationKind.Escalated), escalated);
        Assert.DoesNotContain(escalated, n => n.User.EndsWith(".hatinh", StringComparison.Ordinal));
    }
}

/// <summary>Two runs of the check at the same moment (two servers, no lease between them) say each reminder once.</summary>
public sealed class MonitorConcurrencyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Two_runs_at_once_create_no_duplicate_reminder()
    {
        await DueDates.SetAllThreeAsync(factory.Services);

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<RecommendationMonitor>().RunOnceAsync(CancellationToken.None);
        })));

        var reminders = factory.WithDb(db => db.Notifications.Where(n => n.DueOn != null)
            .Select(n => new { n.RecommendationId, n.Kind, n.UserId }).ToList());
        Assert.Equal(7, reminders.Count);
        Assert.Equal(reminders.Count, reminders.Distinct().Count());
        Assert.Equal(reminders.Count, runs.Sum());
    }
}
