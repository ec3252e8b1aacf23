using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class UnitNamingConfiguration : IEntityTypeConfiguration<UnitNaming>
{
    public void Configure(EntityTypeBuilder<UnitNaming> builder)
    {
        builder.Property(n => n.Name).HasMaxLength(Unit.NameMaxLength).IsRequired();
        builder.Property(n => n.Basis).HasMaxLength(DatedSpan.BasisMaxLength);
        // A record's name is looked up by unit and day.
        builder.HasIndex(n => new { n.UnitId, n.ValidFrom });
        builder.HasOne<Unit>().WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
