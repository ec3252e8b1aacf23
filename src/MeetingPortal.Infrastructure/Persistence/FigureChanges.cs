using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence;

/// <summary>
/// One saved change to the records summaries count (ADR 0016): its id, increasing, is the "figures generation" a
/// cached summary is keyed by. Written in the same transaction as the change itself, so no reader can see the new
/// generation before the data it stands for (and computed figures are never filed under a generation older than
/// the data they read).
/// </summary>
public sealed class FigureChange
{
    public FigureChange(DateTime atUtc) => AtUtc = atUtc;

    public long Id { get; private set; }

    /// <summary>When the change was saved (UTC).</summary>
    public DateTime AtUtc { get; private set; }
}

internal sealed class FigureChangeConfiguration : IEntityTypeConfiguration<FigureChange>
{
    public void Configure(EntityTypeBuilder<FigureChange> builder) => builder.ToTable("FigureChanges");
}

/// <summary>
/// Adds a <see cref="FigureChange"/> to every save that adds, changes or removes a domain record a summary may count
/// or name (meetings and everything in them, recommendations, responses, directives, units, organisations, themes,
/// people, the working calendar, due-date rules): every type in the MeetingPortal.Domain namespaces except official
/// reports and their readings and notifications, which no figure reads. Bulk updates (ExecuteUpdate) are not seen
/// by interceptors: the one that moves meetings (<see cref="UnitMerger"/>) saves its unit changes in the same
/// transaction, which adds the change.
/// </summary>
public sealed class FigureChangeInterceptor(TimeProvider timeProvider) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    /// <summary>
    /// Housekeeping: deletes every figure change but the newest, whose id is the generation. Ids are never reused
    /// (AUTOINCREMENT on SQLite, IDENTITY on SQL Server), so the generation only ever grows.
    /// </summary>
    public static async Task ForgetOldAsync(MeetingPortalDbContext db, CancellationToken cancellationToken)
    {
        var newest = await db.FigureChanges.MaxAsync(c => (long?)c.Id, cancellationToken);
        if (newest is { } keep)
        {
            await db.FigureChanges.Where(c => c.Id < keep).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>Whether a change to an entity of <paramref name="type"/> may change a summary's figures or names.</summary>
    public static bool Counts(Type type)
    {
        var space = type.Namespace ?? string.Empty;
        return space.StartsWith("MeetingPortal.Domain", StringComparison.Ordinal)
            && !space.StartsWith("MeetingPortal.Domain.Reports", StringComparison.Ordinal)
            && !space.StartsWith("MeetingPortal.Domain.Notifications", StringComparison.Ordinal);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var changed = context.ChangeTracker.Entries()
            .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not FigureChange && Counts(e.Entity.GetType()));
        if (changed && !context.ChangeTracker.Entries<FigureChange>().Any(e => e.State == EntityState.Added))
        {
            context.Add(new FigureChange(timeProvider.GetUtcNow().UtcDateTime));
        }
    }
}
