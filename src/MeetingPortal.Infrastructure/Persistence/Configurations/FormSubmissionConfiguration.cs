using MeetingPortal.Infrastructure.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> builder)
    {
        // The key is what makes a second post of the same token fail at the database, even at the same instant on two servers.
        builder.HasKey(s => new { s.Token, s.UserName });
        builder.Property(s => s.Token).HasMaxLength(FormSubmission.TokenMaxLength);
        builder.Property(s => s.UserName).HasMaxLength(FormSubmission.UserNameMaxLength);
        builder.Property(s => s.OutcomeUrl).HasMaxLength(FormSubmission.OutcomeMaxLength);
        builder.HasIndex(s => s.CreatedAtUtc);
    }
}
