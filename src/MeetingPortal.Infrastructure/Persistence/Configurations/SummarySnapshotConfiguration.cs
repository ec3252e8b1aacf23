using MeetingPortal.Domain.Meetings;
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

        // The report's way to the level above (ADR 0017). Rows frozen before it are drafts (the migration's default).
        builder.Ignore(s => s.Scan);
        builder.Ignore(s => s.IsEditable);
        builder.Ignore(s => s.MaySign);
        builder.Ignore(s => s.MaySend);
        builder.Ignore(s => s.MayBeReceived);
        builder.Ignore(s => s.HasBeenSent);
        // A step taken on a page drawn before another step (or a new version) is refused, not written over it.
        builder.Property(s => s.Revision).IsConcurrencyToken();
        builder.Property(s => s.Narrative).HasMaxLength(SummarySnapshot.NarrativeMaxLength);
        builder.Property(s => s.Number).HasMaxLength(SummarySnapshot.NumberMaxLength);
        builder.Property(s => s.IssuerCode).HasMaxLength(SummarySnapshot.IssuerCodeMaxLength);
        builder.Property(s => s.Place).HasMaxLength(SummarySnapshot.PlaceMaxLength);
        builder.Property(s => s.OnBehalfOf).HasMaxLength(SummarySnapshot.SignatureMaxLength);
        builder.Property(s => s.SignerRole).HasMaxLength(SummarySnapshot.SignatureMaxLength);
        builder.Property(s => s.SignerName).HasMaxLength(SummarySnapshot.SignatureMaxLength);
        builder.Property(s => s.Recipients).HasMaxLength(SummarySnapshot.RecipientsMaxLength);
        builder.Property(s => s.EditedBy).HasMaxLength(SummarySnapshot.UserNameMaxLength);
        builder.Property(s => s.SignedBy).HasMaxLength(SummarySnapshot.UserNameMaxLength);
        builder.Property(s => s.SentBy).HasMaxLength(SummarySnapshot.UserNameMaxLength);
        builder.Property(s => s.ReceivedBy).HasMaxLength(SummarySnapshot.UserNameMaxLength);
        builder.Property<string?>("ScanFileName").HasMaxLength(Attachment.FileNameMaxLength);
        builder.Property<AttachmentType?>("ScanType");
        builder.Property<long?>("ScanSizeBytes");
        builder.Property<string?>("ScanStoredName").HasMaxLength(32);
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
