using MeetingPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class MeetingOrganisationConfiguration : IEntityTypeConfiguration<MeetingOrganisation>
{
    public void Configure(EntityTypeBuilder<MeetingOrganisation> builder)
    {
        builder.HasKey(o => new { o.MeetingId, o.OrganisationId });
        // "Meetings an organisation took part in" is a list filter.
        builder.HasIndex(o => o.OrganisationId);
        builder.HasOne(o => o.Organisation).WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
