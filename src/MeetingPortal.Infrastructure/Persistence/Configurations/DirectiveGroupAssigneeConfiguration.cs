using MeetingPortal.Domain.Directives;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class DirectiveGroupAssigneeConfiguration : IEntityTypeConfiguration<DirectiveGroupAssignee>
{
    public void Configure(EntityTypeBuilder<DirectiveGroupAssignee> builder)
    {
        builder.HasKey(a => new { a.DirectiveId, a.BodyGroupId });
        builder.HasIndex(a => a.BodyGroupId);
        builder.HasOne(a => a.BodyGroup).WithMany().HasForeignKey(a => a.BodyGroupId).OnDelete(DeleteBehavior.Restrict);
    }
}
