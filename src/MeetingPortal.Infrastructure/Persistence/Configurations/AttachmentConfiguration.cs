using MeetingPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ConfigureAudit();
        builder.Property(a => a.FileName).HasMaxLength(Attachment.FileNameMaxLength).IsRequired();
        builder.Property(a => a.StoredName).HasMaxLength(100).IsUnicode(false).IsRequired();
        builder.HasIndex(a => a.MeetingId);
        builder.HasIndex(a => a.ResponseId);
        builder.HasOne(a => a.Response).WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
