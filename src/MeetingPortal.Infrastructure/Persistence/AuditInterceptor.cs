using MeetingPortal.Domain.Common;
using MeetingPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;

namespace MeetingPortal.Infrastructure.Persistence;

/// <summary>
/// The one place that stamps audit fields, bumps concurrency versions and stores text as NFC,
/// so no page can forget to.
/// </summary>
public sealed class AuditInterceptor(TimeProvider timeProvider, ICurrentUser currentUser) : SaveChangesInterceptor
{
    /// <summary>
    /// The same stamp for rows changed in bulk by ExecuteUpdate, which no interceptor sees: changed at
    /// now (UTC) by the current user, version + 1 (so an editor holding the old version is told of the change).
    /// </summary>
    public void StampBulkUpdate<T>(UpdateSettersBuilder<T> set)
        where T : Entity
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var user = currentUser.UserName;
        set.SetProperty(e => e.ChangedAtUtc, now)
            .SetProperty(e => e.ChangedBy, user)
            .SetProperty(e => e.Version, e => e.Version + 1);
    }

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
            if (entry.Entity is ApplicationUser account)
            {
                // The one place an account's folded search text is kept: whichever door changed its names.
                entry.Property(nameof(ApplicationUser.SearchText)).CurrentValue = ApplicationUser.FoldForSearch(account.UserName, account.FullName);
            }

            // Recommendations and answers refold their search text when their content is set; again here after the
            // text was normalised above, which writes the stored field without passing through that setter.
            if (entry.Entity is MeetingPortal.Domain.Recommendations.Recommendation recommendation)
            {
                entry.Property(nameof(recommendation.SearchText)).CurrentValue = TextNormalizer.FoldForWordSearch(recommendation.Content);
            }
            else if (entry.Entity is MeetingPortal.Domain.Recommendations.Response response)
            {
                entry.Property(nameof(response.SearchText)).CurrentValue = TextNormalizer.FoldForWordSearch(response.Content);
            }

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
                var normalized = TextNormalizer.ForStorage(text);
                if (!ReferenceEquals(normalized, text))
                {
                    property.CurrentValue = normalized;
                }
            }
        }
    }
}
