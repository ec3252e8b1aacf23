using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class PlannedDialogueConfiguration : IEntityTypeConfiguration<PlannedDialogue>
{
    public void Configure(EntityTypeBuilder<PlannedDialogue> builder)
    {
        builder.ConfigureAudit();
        builder.Property(p => p.Topic).HasMaxLength(PlannedDialogue.TopicMaxLength).IsRequired();
        builder.Property(p => p.CancelReason).HasMaxLength(PlannedDialogue.ReasonMaxLength);
        builder.Ignore(p => p.Period);
        // A unit's plan of a year is read as one list; the planned-against-held view and the reminders look by end date.
        builder.HasIndex(p => new { p.UnitId, p.Year });
        builder.HasIndex(p => p.EndsOn);
        // A meeting holds at most one planned dialogue (ADR 0025).
        builder.HasIndex(p => p.MeetingId).IsUnique().HasFilter("MeetingId IS NOT NULL");
        builder.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        // Meetings are never deleted; Restrict keeps SQL Server clear of a second cascade path to the notifications.
        builder.HasOne(p => p.Meeting).WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.HostOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Counterparts).WithOne().HasForeignKey(c => c.PlannedDialogueId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Counterparts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
