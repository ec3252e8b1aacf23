using MeetingPortal.Domain.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class HistoryEntryConfiguration : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> builder)
    {
        builder.ToTable("History");
        builder.Property(h => h.EntityType).HasMaxLength(50).IsRequired();
        builder.Property(h => h.UserName).HasMaxLength(256);
        builder.Property(h => h.Reason).HasMaxLength(HistoryEntry.ReasonMaxLength);
        builder.HasIndex(h => new { h.EntityType, h.EntityId, h.AtUtc });
        builder.HasIndex(h => h.AtUtc);
        builder.HasIndex(h => new { h.UnitId, h.AtUtc });
    }
}
