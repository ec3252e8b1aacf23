using MeetingPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class PasswordFailuresConfiguration : IEntityTypeConfiguration<PasswordFailures>
{
    public void Configure(EntityTypeBuilder<PasswordFailures> builder)
    {
        builder.HasKey(f => f.Key);
        builder.Property(f => f.Key).HasMaxLength(PasswordFailures.KeyLength);
        builder.HasIndex(f => f.LastAtUtc);
    }
}
