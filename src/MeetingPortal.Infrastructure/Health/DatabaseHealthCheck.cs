using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MeetingPortal.Infrastructure.Health;

/// <summary>
/// Healthy when the database answers a query on the portal's schema: opening a SQLite connection
/// alone succeeds even when the file is gone (it is recreated empty).
/// </summary>
public sealed class DatabaseHealthCheck(MeetingPortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.UnitLevels.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
