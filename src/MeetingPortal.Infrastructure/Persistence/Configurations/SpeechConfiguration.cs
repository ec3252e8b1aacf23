using MeetingPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class SpeechConfiguration : IEntityTypeConfiguration<Speech>
{
    public void Configure(EntityTypeBuilder<Speech> builder)
    {
        builder.Property(s => s.Content).HasMaxLength(Speech.ContentMaxLength).IsRequired();
        builder.Property(s => s.SpeakerTitle).HasMaxLength(Speech.SpeakerTitleMaxLength);
        builder.HasIndex(s => new { s.MeetingId, s.Order });
        builder.HasOne(s => s.Speaker).WithMany().HasForeignKey(s => s.SpeakerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
