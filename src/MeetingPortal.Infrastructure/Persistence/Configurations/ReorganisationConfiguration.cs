using MeetingPortal.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class ReorganisationConfiguration : IEntityTypeConfiguration<Reorganisation>
{
    public void Configure(EntityTypeBuilder<Reorganisation> builder)
    {
        builder.ConfigureAudit();
        builder.Property(r => r.LegalBasis).HasMaxLength(Reorganisation.LegalBasisMaxLength).IsRequired();
        builder.Property(r => r.Outcome).HasMaxLength(4000).IsRequired();
        builder.HasOne<UnitLevel>().WithMany().HasForeignKey(r => r.RetiredLevelId).OnDelete(DeleteBehavior.Restrict);
    }
}
