using MeetingPortal.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.ConfigureAudit();
        builder.Property(u => u.Code).HasMaxLength(Unit.CodeMaxLength).IsRequired();
        builder.Property(u => u.Name).HasMaxLength(Unit.NameMaxLength).IsRequired();
        // Paths hold only digits and slashes; 450 keeps the SQL Server index key under its limit.
        builder.Property(u => u.Path).HasMaxLength(450).IsUnicode(false).IsRequired();
        builder.HasIndex(u => u.Code).IsUnique();
        builder.HasIndex(u => u.Path);
        builder.HasOne(u => u.Level).WithMany().HasForeignKey(u => u.LevelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(u => u.Namings).WithOne().HasForeignKey(n => n.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(u => u.Namings).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
