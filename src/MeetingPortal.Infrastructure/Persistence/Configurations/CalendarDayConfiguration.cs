using MeetingPortal.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(CalendarDay.NameMaxLength).IsRequired();
        builder.HasIndex(d => d.Date).IsUnique();
    }
}
