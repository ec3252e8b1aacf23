using System.Diagnostics;
using MeetingPortal.DataGenerator;
using MeetingPortal.Infrastructure.Monitoring;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Benchmarks;

/// <summary>The hourly due-date check's run time, in process, on a copy of the data set (its notifications would change the pages measured).</summary>
public static class DueDateCheckTiming
{
    /// <summary>
    /// Runs <see cref="RecommendationMonitor.RunOnceAsync"/> twice on a copy of the data set, with the
    /// portal's calendar and "today" (the machine's date, Vietnam time): the first run says every
    /// reminder the data set calls for, the second should find them said (its count is reported, not assumed). Milliseconds of wall-clock time.
    /// </summary>
    public static async Task<(double FirstMs, int Added, double SecondMs, int AddedAgain)> MeasureAsync(string dataDirectory)
    {
        var copy = Path.Combine(dataDirectory, "due-date-check");
        if (Directory.Exists(copy))
        {
            Directory.Delete(copy, recursive: true);
        }

        Directory.CreateDirectory(copy);
        await using (var source = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "meetingportal.db")};Mode=ReadOnly;Pooling=False"))
        await using (var target = new SqliteConnection($"Data Source={Path.Combine(copy, "meetingportal.db")};Pooling=False"))
        {
            await source.OpenAsync();
            await target.OpenAsync();
            source.BackupDatabase(target);
        }

        await using var services = GeneratorHost.Build(new GeneratorArguments(null, null, null, copy, null));
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeetingPortal.Infrastructure.Persistence.MeetingPortalDbContext>();
            await db.Database.MigrateAsync();
            // The backup carries sqlite_stat1 with it; the portal's own rule analyses only where it is missing.
            await scope.ServiceProvider.GetRequiredService<MeetingPortal.Infrastructure.Persistence.PlannerStatistics>().RefreshIfStaleAsync(CancellationToken.None, whenMissing: true);
        }

        async Task<(double, int)> RunAsync()
        {
            await using var scope = services.CreateAsyncScope();
            var monitor = scope.ServiceProvider.GetRequiredService<RecommendationMonitor>();
            var started = Stopwatch.GetTimestamp();
            var added = await monitor.RunOnceAsync(CancellationToken.None);
            return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, added);
        }

        var (first, added) = await RunAsync();
        var (second, addedAgain) = await RunAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(copy, recursive: true);
        return (first, added, second, addedAgain);
    }
}
