using MeetingPortal.Domain.Reports;
using MeetingPortal.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class SummarySnapshotConfiguration : IEntityTypeConfiguration<SummarySnapshot>
{
    public void Configure(EntityTypeBuilder<SummarySnapshot> builder)
    {
        builder.Ignore(s => s.Period);
        builder.Property(s => s.Title).HasMaxLength(SummarySnapshot.TitleMaxLength).IsRequired();
        builder.Property(s => s.Figures).IsRequired();
        builder.Property(s => s.FrozenBy).HasMaxLength(256);
        builder.Ignore(s => s.IsReplaced);
        builder.Property(s => s.Reason).HasMaxLength(SummarySnapshot.ReasonMaxLength);
        builder.Property(s => s.Version).HasDefaultValue(1);
        builder.HasIndex(s => new { s.UnitId, s.FrozenAtUtc });
        // One official report per unit, period and version: two freezes at once cannot both become the same version.
        builder.HasIndex(s => new { s.UnitId, s.PeriodKind, s.PeriodYear, s.PeriodNumber, s.Version }).IsUnique();
        builder.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Receipts).WithOne().HasForeignKey(r => r.SnapshotId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Receipts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SnapshotReceiptConfiguration : IEntityTypeConfiguration<SnapshotReceipt>
{
    public void Configure(EntityTypeBuilder<SnapshotReceipt> builder)
    {
        builder.Property(r => r.UserName).HasMaxLength(256).IsRequired();
        builder.HasIndex(r => new { r.SnapshotId, r.UserName }).IsUnique();
    }
}
