using MeetingPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ConfigureAudit();
        builder.Ignore(m => m.Period);
        builder.Property(m => m.Title).HasMaxLength(Meeting.TitleMaxLength).IsRequired();
        builder.Property(m => m.Location).HasMaxLength(Meeting.LocationMaxLength);
        builder.Property(m => m.Source).HasMaxLength(Meeting.SourceMaxLength);
        builder.Property(m => m.AttendanceNote).HasMaxLength(Meeting.AttendanceNoteMaxLength);
        builder.Property(m => m.Summary).HasMaxLength(Meeting.LongTextMaxLength);
        builder.Property(m => m.Conclusion).HasMaxLength(Meeting.LongTextMaxLength);

        // The folded search text is long; a table of its own keeps Meetings rows small for lists.
        builder.OwnsOne(m => m.Search, search =>
        {
            search.ToTable("MeetingSearch");
            search.WithOwner().HasForeignKey("MeetingId");
            search.Property(x => x.Text).IsRequired();
        });
        builder.Navigation(m => m.Search).IsRequired();

        // The approval of the minutes (ADR 0019) in a table of its own, keyed by the meeting: at most one per meeting,
        // so two approvals crossing each other cannot both be saved, and approving changes no column (nor the version)
        // of the record a recorder may be correcting meanwhile.
        builder.OwnsOne(m => m.MinutesApproval, approval =>
        {
            approval.ToTable("MinutesApprovals");
            approval.WithOwner().HasForeignKey("MeetingId");
            approval.Property(a => a.ApprovedBy).HasMaxLength(MinutesApproval.UserNameMaxLength);
            approval.Property(a => a.ScanFileName).HasMaxLength(Attachment.FileNameMaxLength).IsRequired();
            approval.Property(a => a.ScanStoredName).HasMaxLength(100).IsUnicode(false).IsRequired();
            approval.Property(a => a.DocumentStoredName).HasMaxLength(100).IsUnicode(false).IsRequired();
            approval.Ignore(a => a.Scan);
        });

        // Lists and per-unit, per-quarter summaries read meetings by unit and date.
        builder.HasIndex(m => new { m.UnitId, m.HeldOn });
        builder.HasIndex(m => m.HeldOn);
        builder.HasIndex(m => new { m.Status, m.HeldOn });

        builder.HasOne(m => m.Unit).WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Units.Unit>().WithMany().HasForeignKey(m => m.HeldInUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.HostOrganisation).WithMany().HasForeignKey(m => m.HostOrganisationId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(m => m.Participants).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Organisations).WithOne().HasForeignKey(o => o.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Speeches).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Recommendations).WithOne(r => r.Meeting).HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.ParticipantGroups).WithOne().HasForeignKey(g => g.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Directives).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.CarriedOver).WithOne().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);

        foreach (var collection in new[] { nameof(Meeting.Participants), nameof(Meeting.Organisations), nameof(Meeting.Speeches), nameof(Meeting.Recommendations), nameof(Meeting.Directives), nameof(Meeting.ParticipantGroups), nameof(Meeting.CarriedOver) })
        {
            builder.Navigation(collection).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
    }
}
