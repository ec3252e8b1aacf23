using MeetingPortal.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class GatheredRecommendationConfiguration : IEntityTypeConfiguration<GatheredRecommendation>
{
    public void Configure(EntityTypeBuilder<GatheredRecommendation> builder)
    {
        builder.ConfigureAudit();
        builder.Property(g => g.Content).HasMaxLength(GatheredRecommendation.ContentMaxLength).IsRequired();
        // The agenda reads an entry's list; a raising body reads its own across every committee.
        builder.HasIndex(g => g.PlannedDialogueId);
        builder.HasIndex(g => g.RaisedByOrganisationId);
        // One recommendation of the meeting is raised from at most one gathered one.
        builder.HasIndex(g => g.RecommendationId).IsUnique().HasFilter("RecommendationId IS NOT NULL");
        builder.HasOne(g => g.PlannedDialogue).WithMany().HasForeignKey(g => g.PlannedDialogueId).OnDelete(DeleteBehavior.Cascade);
        // A recommendation removed from the meeting's record (before any answer) frees the gathered one to be raised again.
        builder.HasOne(g => g.Recommendation).WithMany().HasForeignKey(g => g.RecommendationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(g => g.RaisedByOrganisation).WithMany().HasForeignKey(g => g.RaisedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(g => g.AddressedToOrganisation).WithMany().HasForeignKey(g => g.AddressedToOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(g => g.Theme).WithMany().HasForeignKey(g => g.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}
