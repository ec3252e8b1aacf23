using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class DueDateRuleConfiguration : IEntityTypeConfiguration<DueDateRule>
{
    public void Configure(EntityTypeBuilder<DueDateRule> builder)
    {
        builder.HasIndex(r => new { r.ThemeId, r.LevelRank }).IsUnique();
        builder.HasOne<Theme>().WithMany().HasForeignKey(r => r.ThemeId).OnDelete(DeleteBehavior.Cascade);
    }
}
