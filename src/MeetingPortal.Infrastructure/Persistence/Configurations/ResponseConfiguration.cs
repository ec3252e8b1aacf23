using MeetingPortal.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> builder)
    {
        builder.ConfigureAudit();
        builder.Property(r => r.Content).HasMaxLength(Response.ContentMaxLength).IsRequired();
        // Folded answer text for the tracker's search (ADR 0021).
        builder.Property(r => r.SearchText).IsRequired();
        builder.HasIndex(r => new { r.RecommendationId, r.RespondedOn });
        builder.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
