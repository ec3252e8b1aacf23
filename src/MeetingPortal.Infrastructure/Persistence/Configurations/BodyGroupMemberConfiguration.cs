using MeetingPortal.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class BodyGroupMemberConfiguration : IEntityTypeConfiguration<BodyGroupMember>
{
    public void Configure(EntityTypeBuilder<BodyGroupMember> builder)
    {
        builder.HasKey(m => new { m.BodyGroupId, m.OrganisationId });
        // "The groups a body belongs to" decides which group tasks its responder may report on.
        builder.HasIndex(m => m.OrganisationId);
        builder.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
