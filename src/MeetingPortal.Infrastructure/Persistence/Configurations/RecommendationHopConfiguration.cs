using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class RecommendationHopConfiguration : IEntityTypeConfiguration<RecommendationHop>
{
    public void Configure(EntityTypeBuilder<RecommendationHop> builder)
    {
        builder.Property(h => h.Reason).HasMaxLength(RecommendationHop.ReasonMaxLength).IsRequired();
        builder.Property(h => h.ReturnReason).HasMaxLength(RecommendationHop.ReasonMaxLength);
        builder.Property(h => h.ForwardedBy).HasMaxLength(256);
        builder.Property(h => h.ReturnedBy).HasMaxLength(256);
        builder.Ignore(h => h.IsReturned);
        builder.HasIndex(h => h.RecommendationId);
        builder.HasIndex(h => h.ToOrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(h => h.FromOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(h => h.ToOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
