using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Notifications;
using MeetingPortal.Infrastructure.Monitoring;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MeetingPortal.Web.Tests.Plans;

/// <summary>
/// Issue 18, deliver 1: the hosting unit's recorders and leaders are reminded before a planned month or quarter ends,
/// and told once it has ended without a published meeting; each once, and never a unit's neighbours.
/// </summary>
public sealed class PlanMonitorTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // Wide enough that this month's end is always within the window, whatever day the test runs.
    private async Task<int> RunAsync(int dueSoonWorkingDays = 40)
    {
        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var monitor = new PlanMonitor(services.GetRequiredService<MeetingPortalDbContext>(), services.GetRequiredService<CalendarService>(), services.GetRequiredService<TimeProvider>(),
            Options.Create(new MonitoringOptions { PlanDueSoonWorkingDays = dueSoonWorkingDays }), NullLogger<PlanMonitor>.Instance);
        return await monitor.RunOnceAsync(CancellationToken.None);
    }

    private List<(string User, NotificationKind Kind)> Said(int entry) => factory.WithDb(db =>
        db.Notifications.Where(n => n.PlannedDialogueId == entry).Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.UserName, n.Kind }).ToList()
            .Select(x => (User: x.UserName!, x.Kind)).OrderBy(x => x.User, StringComparer.Ordinal).ToList());

    [Fact]
    public async Task The_unit_hears_before_its_month_ends_and_once_it_is_late_each_once()
    {
        using var scope = factory.Services.CreateScope();
        var today = scope.ServiceProvider.GetRequiredService<CalendarService>().Today;
        var lastMonth = today.AddMonths(-1);
        var soon = factory.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Month, today.Year, today.Month), "Đối thoại tháng này");
        var late = factory.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Month, lastMonth.Year, lastMonth.Month), "Đối thoại tháng trước");
        var held = factory.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Quarter, 2022, 2), "Đối thoại đã tổ chức", factory.KyPhuongMeeting());

        Assert.True(await RunAsync() > 0);
        Assert.Equal(0, await RunAsync());

        Assert.Equal([("lanhdao.kyphuong", NotificationKind.PlanDueSoon), ("thuky.kyphuong", NotificationKind.PlanDueSoon)], Said(soon));
        Assert.Equal([("lanhdao.kyphuong", NotificationKind.PlanLate), ("thuky.kyphuong", NotificationKind.PlanLate)], Said(late));
        Assert.Empty(Said(held));

        // The bell leads to the entry.
        var recorder = await factory.SignInAsync("thuky.kyphuong");
        var bell = await recorder.GetHtmlAsync("/Notifications");
        Assert.NotEmpty(bell.Nodes($"//a[@href='/Plans/Entry/{soon}']"));
        Assert.Contains("Sắp hết kỳ đối thoại theo kế hoạch", bell.Text(), StringComparison.Ordinal);
    }
}
