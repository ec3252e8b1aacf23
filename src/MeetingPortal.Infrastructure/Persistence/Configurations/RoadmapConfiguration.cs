using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

/// <summary>A recommendation's roadmap: one row per recommendation, deleted with it; its milestones with it (ADR 0025 section 3).</summary>
internal sealed class RoadmapConfiguration : IEntityTypeConfiguration<Roadmap>
{
    public void Configure(EntityTypeBuilder<Roadmap> builder)
    {
        builder.HasOne<Recommendation>().WithOne(r => r.Roadmap).HasForeignKey<Roadmap>(m => m.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.RecommendationId).IsUnique();
        // The summaries and the hourly check look roadmaps up by their planned date.
        builder.HasIndex(m => m.PlannedResolutionOn);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.ReportingOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Milestones).WithOne().HasForeignKey(m => m.RoadmapId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Milestones).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(m => m.ProgressPercent);
    }
}

/// <summary>A milestone of a roadmap.</summary>
internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.ToTable("RoadmapMilestones");
        builder.Property(m => m.Content).HasMaxLength(Milestone.ContentMaxLength).IsRequired();
        builder.Property(m => m.DoneNote).HasMaxLength(Milestone.NoteMaxLength);
        // "A milestone past its date and not done": the overdue figures and the reminders.
        builder.HasIndex(m => new { m.RoadmapId, m.DoneOn, m.DueOn });
    }
}
