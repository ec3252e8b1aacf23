using MeetingPortal.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class UnitLevelConfiguration : IEntityTypeConfiguration<UnitLevel>
{
    public void Configure(EntityTypeBuilder<UnitLevel> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(100).IsRequired();
        builder.HasIndex(l => l.Rank).IsUnique();
    }
}
