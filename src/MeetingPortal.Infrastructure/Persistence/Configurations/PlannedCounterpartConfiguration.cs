using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class PlannedCounterpartConfiguration : IEntityTypeConfiguration<PlannedCounterpart>
{
    public void Configure(EntityTypeBuilder<PlannedCounterpart> builder)
    {
        builder.HasKey(c => new { c.PlannedDialogueId, c.OrganisationId });
        builder.HasIndex(c => c.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
