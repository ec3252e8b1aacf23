using MeetingPortal.Infrastructure.Coordination;
using MeetingPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>The periodic jobs take their leases at start; the statistics refresh runs even where the due-date check is off.</summary>
public sealed class BackgroundJobsTests(BackgroundJobsTests.QuickStatisticsFactory factory) : IClassFixture<BackgroundJobsTests.QuickStatisticsFactory>
{
    /// <summary>The statistics job's first round is one interval after start; here the interval is a second.</summary>
    public sealed class QuickStatisticsFactory : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Monitoring:StatisticsInterval", "00:00:01");
        }
    }

    [Fact]
    public async Task With_the_due_date_check_off_the_statistics_refresh_still_runs_under_its_lease()
    {
        // PortalFactory turns the due-date check off (Monitoring:Enabled=false).
        _ = factory.Services;
        string? statisticsHolder = null;
        for (var attempt = 0; attempt < 100 && statisticsHolder is null; attempt++)
        {
            statisticsHolder = factory.WithDb(db => db.Leases.Where(l => l.Name == Lease.PlannerStatistics).Select(l => l.Holder).Single());
            await Task.Delay(100);
        }

        Assert.NotNull(statisticsHolder);
        Assert.Null(factory.WithDb(db => db.Leases.Where(l => l.Name == Lease.DueDateCheck).Select(l => l.Holder).Single()));
    }
}
