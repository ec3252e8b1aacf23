using MeetingPortal.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal static class AuditConfiguration
{
    public static void ConfigureAudit<T>(this EntityTypeBuilder<T> builder)
        where T : Entity
    {
        builder.Property(e => e.CreatedBy).HasMaxLength(256);
        builder.Property(e => e.ChangedBy).HasMaxLength(256);
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}
