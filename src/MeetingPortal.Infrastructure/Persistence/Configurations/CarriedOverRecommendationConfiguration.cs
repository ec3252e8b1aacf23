using MeetingPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class CarriedOverRecommendationConfiguration : IEntityTypeConfiguration<CarriedOverRecommendation>
{
    public void Configure(EntityTypeBuilder<CarriedOverRecommendation> builder)
    {
        builder.ToTable("CarriedOverRecommendations");
        builder.HasKey(c => new { c.MeetingId, c.RecommendationId });
        builder.HasIndex(c => c.RecommendationId);
        // Restrict, not cascade: the meeting cascades to both, and SQL Server refuses two cascade paths; a recommendation a
        // later meeting reported on is not removed (MeetingEditor refuses it, as it refuses removing a first raising).
        builder.HasOne(c => c.Recommendation).WithMany().HasForeignKey(c => c.RecommendationId).OnDelete(DeleteBehavior.Restrict);
    }
}
