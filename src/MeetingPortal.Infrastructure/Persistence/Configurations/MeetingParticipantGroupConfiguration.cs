using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class MeetingParticipantGroupConfiguration : IEntityTypeConfiguration<MeetingParticipantGroup>
{
    public void Configure(EntityTypeBuilder<MeetingParticipantGroup> builder)
    {
        builder.HasKey(g => new { g.MeetingId, g.BodyGroupId });
        builder.HasIndex(g => g.BodyGroupId);
        builder.Property(g => g.Wording).HasMaxLength(BodyGroup.NameMaxLength);
        builder.HasOne(g => g.BodyGroup).WithMany().HasForeignKey(g => g.BodyGroupId).OnDelete(DeleteBehavior.Restrict);
    }
}
