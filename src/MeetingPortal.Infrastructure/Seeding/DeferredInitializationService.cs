using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeetingPortal.Infrastructure.Seeding;

/// <summary>
/// A server that started before its migrations were applied (MigrateOnStartup off, the DBA's script not
/// yet run) looks again every 15 seconds and finishes its start work once they are there; only then is
/// it ready. Does nothing on a server that finished at start.
/// </summary>
public sealed class DeferredInitializationService(IServiceScopeFactory scopes, StartupState state, ILogger<DeferredInitializationService> logger) : BackgroundService
{
    /// <summary>How often the database is asked again.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(15);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        while (!state.Initialized && await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(stoppingToken))
                {
                    logger.LogInformation("The migrations are applied; this server is ready");
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Finishing the start work failed; trying again");
            }
        }
    }
}
