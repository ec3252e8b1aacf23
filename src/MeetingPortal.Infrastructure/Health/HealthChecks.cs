using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MeetingPortal.Infrastructure.Health;

/// <summary>Tags that choose which checks an endpoint runs.</summary>
public static class HealthTags
{
    /// <summary>Checks a load balancer waits for before sending a server traffic (/health/ready).</summary>
    public const string Ready = "ready";
}

/// <summary>The portal's health checks: the framework's EF Core check and a pending-migration check.</summary>
public static class HealthCheckRegistration
{
    /// <summary>
    /// "database": a query on the portal's own schema answers (opening a SQLite connection alone
    /// succeeds even when the file is gone or spoiled: it would be recreated empty).
    /// "migrations": every migration of this build is applied, so a server of a newer build is not
    /// sent traffic before the database is upgraded (docs/operations.md, rolling an upgrade).
    /// "startup": this server has finished its start work (<see cref="StartupState"/>).
    /// </summary>
    public static IHealthChecksBuilder AddPortalHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddDbContextCheck<MeetingPortalDbContext>("database", tags: [HealthTags.Ready],
                customTestQuery: (db, cancellationToken) => db.UnitLevels.AsNoTracking().AnyAsync(cancellationToken))
            .AddCheck<PendingMigrationsHealthCheck>("migrations", tags: [HealthTags.Ready])
            .AddCheck<StartupHealthCheck>("startup", tags: [HealthTags.Ready]);
}

/// <summary>Unhealthy while the database lacks a migration this build has.</summary>
public sealed class PendingMigrationsHealthCheck(MeetingPortalDbContext db) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The migration history cannot be read.", ex);
        }
    }
}

/// <summary>Unhealthy until this server has finished its start work on the database.</summary>
public sealed class StartupHealthCheck(StartupState state) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Initialized ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The start work on the database is not finished."));
}
