using MeetingPortal.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class BodyGroupConfiguration : IEntityTypeConfiguration<BodyGroup>
{
    public void Configure(EntityTypeBuilder<BodyGroup> builder)
    {
        builder.ConfigureAudit();
        builder.Property(g => g.Name).HasMaxLength(BodyGroup.NameMaxLength).IsRequired();
        // A group is known by its unit and its wording, as an organisation is by its unit and name: an import finds it again.
        builder.HasIndex(g => new { g.UnitId, g.Name }).IsUnique();
        builder.HasOne(g => g.Unit).WithMany().HasForeignKey(g => g.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.BodyGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
