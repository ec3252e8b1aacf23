using MeetingPortal.Domain.Directives;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class DirectiveAssigneeConfiguration : IEntityTypeConfiguration<DirectiveAssignee>
{
    public void Configure(EntityTypeBuilder<DirectiveAssignee> builder)
    {
        builder.HasKey(a => new { a.DirectiveId, a.OrganisationId });
        builder.HasIndex(a => a.OrganisationId);
        builder.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
