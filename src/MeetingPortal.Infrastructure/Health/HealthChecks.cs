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

/// <summary>The portal's health checks: the framework's EF Core check and this server's start work.</summary>
public static class HealthCheckRegistration
{
    /// <summary>
    /// "database": a query on the portal's own schema answers (opening a SQLite connection alone
    /// succeeds even when the file is gone or spoiled: it would be recreated empty).
    /// "startup": this server has finished its start work (<see cref="StartupState"/>), which it does only
    /// once every migration of this build is applied: a server of a newer build is not sent traffic before
    /// the database is upgraded (docs/operations.md, rolling an upgrade). Being a flag, it costs a probe no query.
    /// </summary>
    public static IHealthChecksBuilder AddPortalHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddDbContextCheck<MeetingPortalDbContext>("database", tags: [HealthTags.Ready],
                customTestQuery: (db, cancellationToken) => db.UnitLevels.AsNoTracking().AnyAsync(cancellationToken))
            .AddCheck<StartupHealthCheck>("startup", tags: [HealthTags.Ready]);
}

/// <summary>Unhealthy until this server has finished its start work on the database.</summary>
public sealed class StartupHealthCheck(StartupState state) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Initialized ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The start work on the database is not finished."));
}
