using MeetingPortal.Domain.Directives;
using MeetingPortal.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class DirectiveProgressConfiguration : IEntityTypeConfiguration<DirectiveProgress>
{
    public void Configure(EntityTypeBuilder<DirectiveProgress> builder)
    {
        builder.ToTable("DirectiveProgress");
        builder.Property(p => p.Text).HasMaxLength(DirectiveProgress.TextMaxLength).IsRequired();
        builder.Property(p => p.ReportedBy).HasMaxLength(256);
        builder.HasIndex(p => p.DirectiveId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
