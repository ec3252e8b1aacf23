using MeetingPortal.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(Theme.CodeMaxLength).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(Theme.NameMaxLength).IsRequired();
        builder.HasIndex(t => t.Code).IsUnique();
    }
}
