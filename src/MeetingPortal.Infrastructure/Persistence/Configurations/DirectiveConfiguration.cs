using MeetingPortal.Domain.Directives;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class DirectiveConfiguration : IEntityTypeConfiguration<Directive>
{
    public void Configure(EntityTypeBuilder<Directive> builder)
    {
        builder.ConfigureAudit();
        builder.Property(d => d.Content).HasMaxLength(Directive.ContentMaxLength).IsRequired();
        builder.Property(d => d.TargetMeasure).HasMaxLength(Directive.TargetMeasureMaxLength);
        builder.Property(d => d.TargetUnit).HasMaxLength(Directive.TargetUnitMaxLength);
        builder.HasIndex(d => new { d.MeetingId, d.Order });
        builder.HasIndex(d => new { d.Status, d.DueOn });
        builder.HasMany(d => d.Assignees).WithOne().HasForeignKey(a => a.DirectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Assignees).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(d => d.GroupAssignees).WithOne().HasForeignKey(a => a.DirectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.GroupAssignees).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(d => d.Progress).WithOne().HasForeignKey(p => p.DirectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Progress).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
