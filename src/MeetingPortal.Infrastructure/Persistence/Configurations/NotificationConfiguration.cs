using MeetingPortal.Domain.Notifications;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Summary).HasMaxLength(Notification.SummaryMaxLength).IsRequired();
        builder.Property(n => n.UserId).HasMaxLength(450).IsRequired();
        // The bell counts a user's unread notifications on every page.
        builder.HasIndex(n => new { n.UserId, n.ReadAtUtc });
        builder.HasIndex(n => new { n.RecommendationId, n.Kind });
        // A reminder is said once per recommendation, kind, user and due date, whichever server runs the check.
        builder.HasIndex(n => new { n.RecommendationId, n.Kind, n.UserId, n.DueOn })
            .IsUnique()
            .HasFilter("DueOn IS NOT NULL AND RecommendationId IS NOT NULL")
            .HasDatabaseName("IX_Notifications_Reminder");
        // A reminder of a planned dialogue likewise, once per entry, kind, user and end of its period (issue 18).
        builder.HasIndex(n => new { n.PlannedDialogueId, n.Kind, n.UserId, n.DueOn })
            .IsUnique()
            .HasFilter("DueOn IS NOT NULL AND PlannedDialogueId IS NOT NULL")
            .HasDatabaseName("IX_Notifications_PlanReminder");
        builder.Property(n => n.EmailClaimedBy).HasMaxLength(Coordination.Lease.HolderMaxLength);
        // The mail sender looks for what is not mailed yet.
        builder.HasIndex(n => new { n.EmailedAtUtc, n.CreatedAtUtc });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Recommendation>().WithMany().HasForeignKey(n => n.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlannedDialogue>().WithMany().HasForeignKey(n => n.PlannedDialogueId).OnDelete(DeleteBehavior.Cascade);
    }
}
