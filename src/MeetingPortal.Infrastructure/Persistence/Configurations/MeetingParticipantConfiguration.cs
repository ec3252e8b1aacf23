using MeetingPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class MeetingParticipantConfiguration : IEntityTypeConfiguration<MeetingParticipant>
{
    public void Configure(EntityTypeBuilder<MeetingParticipant> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(MeetingParticipant.TitleMaxLength);
        builder.Property(p => p.AbsenceReason).HasMaxLength(MeetingParticipant.AbsenceReasonMaxLength);
        builder.HasIndex(p => new { p.MeetingId, p.Order });
        builder.HasIndex(p => p.PersonId);
        builder.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
