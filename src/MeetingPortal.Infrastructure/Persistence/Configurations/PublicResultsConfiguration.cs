using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

/// <summary>A meeting's public results page (ADR 0025 section 5): one row per meeting at most, found by its random public id.</summary>
internal sealed class PublicResultsConfiguration : IEntityTypeConfiguration<PublicResults>
{
    public void Configure(EntityTypeBuilder<PublicResults> builder)
    {
        builder.ConfigureAudit();
        builder.Property(p => p.PublicId).HasMaxLength(PublicResults.PublicIdLength).IsRequired();
        builder.HasIndex(p => p.PublicId).IsUnique();
        builder.HasIndex(p => p.MeetingId).IsUnique();
        // Meetings are never deleted; Restrict keeps SQL Server clear of a second cascade path to the items.
        builder.HasOne(p => p.Meeting).WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PublicResultsId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>A recommendation marked public: dropped with its page, or with the recommendation when an edit of the record removes it.</summary>
internal sealed class PublicResultItemConfiguration : IEntityTypeConfiguration<PublicResultItem>
{
    public void Configure(EntityTypeBuilder<PublicResultItem> builder)
    {
        builder.HasKey(i => new { i.PublicResultsId, i.RecommendationId });
        builder.HasIndex(i => i.RecommendationId);
        builder.HasOne<Recommendation>().WithMany().HasForeignKey(i => i.RecommendationId).OnDelete(DeleteBehavior.Cascade);
    }
}
