using MeetingPortal.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ConfigureAudit();
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.HasIndex(o => new { o.UnitId, o.Name }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.ParentOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Namings).WithOne().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Namings).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne(o => o.Unit).WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
