using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetingPortal.Infrastructure.Coordination;

/// <summary>This server's name in leases and e-mail claims: machine, process and a random part (two processes may share a pid across containers).</summary>
public sealed class ServerIdentity
{
    /// <summary>For example "web-2/4711/3f9c1a2b".</summary>
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}

/// <summary>Takes the lease rows of <see cref="Lease"/> (docs/decisions/0008).</summary>
public sealed class Leases(MeetingPortalDbContext db, ServerIdentity server, TimeProvider timeProvider)
{
    /// <summary>
    /// Takes the named lease for <paramref name="duration"/> when it is free or already this server's,
    /// in one UPDATE: the database lets exactly one of several servers asking at once move the expiry.
    /// Returns true when this server holds it until now + duration (UTC).
    /// </summary>
    /// <exception cref="InvalidOperationException">No lease row has that name (the migration makes them).</exception>
    public async Task<bool> TryTakeAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var holder = server.Name;
        var taken = await db.Leases
            .Where(l => l.Name == name && (l.ExpiresAtUtc <= now || l.Holder == holder))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtUtc, until), cancellationToken);
        if (taken == 0 && !await db.Leases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            throw new InvalidOperationException($"There is no lease named '{name}'.");
        }

        return taken == 1;
    }
}

/// <summary>A job that runs at start and then every interval on whichever server holds its lease.</summary>
public static class PeriodicJob
{
    /// <summary>
    /// Runs <paramref name="job"/> in a new scope at start (unless <paramref name="firstRoundAtStart"/> is false:
    /// the start work already did it) and at every tick of <paramref name="interval"/>
    /// when this server takes the lease <paramref name="leaseName"/>. The lease is held for nine tenths of
    /// the interval, so that the holder's own next tick finds it free; another server whose tick falls in
    /// the last tenth may take it instead, so a job runs about once per interval, never twice within nine
    /// tenths of it. Expiry is compared with each server's clock: servers keep their clocks in step (NTP).
    /// A holder that dies frees it at that expiry. Rounds wait until the server has finished its start work;
    /// a failed round is logged and retried at the next tick.
    /// </summary>
    public static async Task RunAsync<T>(
        IServiceScopeFactory scopes, StartupState startup, string leaseName, TimeSpan interval, ILogger logger,
        Func<IServiceProvider, CancellationToken, Task<T>> job, CancellationToken stoppingToken, bool firstRoundAtStart = true)
    {
        using var timer = new PeriodicTimer(interval);
        if (!firstRoundAtStart && !await timer.WaitForNextTickAsync(stoppingToken))
        {
            return;
        }

        do
        {
            if (!startup.Initialized)
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<Leases>().TryTakeAsync(leaseName, interval * 0.9, stoppingToken))
                {
                    await job(scope.ServiceProvider, stoppingToken);
                }
                else
                {
                    logger.LogDebug("{Lease} is held by another server; skipped this round", leaseName);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The portal keeps serving; the next tick tries again.
                logger.LogError(ex, "{Lease} failed", leaseName);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
