using MeetingPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MeetingPortal.Infrastructure.Persistence;

/// <summary>
/// The one place that stamps audit fields, bumps concurrency versions and stores text as NFC,
/// so no page can forget to.
/// </summary>
public sealed class AuditInterceptor(TimeProvider timeProvider, ICurrentUser currentUser) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var user = currentUser.UserName;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            NormalizeText(entry);
            if (entry.Entity is not Entity entity)
            {
                continue;
            }

            if (entry.State == EntityState.Added)
            {
                entity.CreatedAtUtc = now;
                entity.CreatedBy = user;
                entity.Version = 1;
            }
            else
            {
                entity.ChangedAtUtc = now;
                entity.ChangedBy = user;
                entity.Version = (int)entry.Property(nameof(Entity.Version)).OriginalValue! + 1;
            }
        }
    }

    private static void NormalizeText(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.ClrType == typeof(string) && property.CurrentValue is string text)
            {
                var normalized = TextNormalizer.ToNfc(text);
                if (!ReferenceEquals(normalized, text))
                {
                    property.CurrentValue = normalized;
                }
            }
        }
    }
}
