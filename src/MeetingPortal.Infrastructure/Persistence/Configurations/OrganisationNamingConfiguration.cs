using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class OrganisationNamingConfiguration : IEntityTypeConfiguration<OrganisationNaming>
{
    public void Configure(EntityTypeBuilder<OrganisationNaming> builder)
    {
        builder.Property(n => n.Name).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.Property(n => n.Basis).HasMaxLength(DatedSpan.BasisMaxLength);
        builder.HasIndex(n => new { n.OrganisationId, n.ValidFrom });
        builder.HasOne<Unit>().WithMany().HasForeignKey(n => n.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(n => n.ParentOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
