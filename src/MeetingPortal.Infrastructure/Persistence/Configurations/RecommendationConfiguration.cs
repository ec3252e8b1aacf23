using MeetingPortal.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.ConfigureAudit();
        builder.Property(r => r.Content).HasMaxLength(Recommendation.ContentMaxLength).IsRequired();
        // Folded content for the tracker's search (ADR 0021); no length limit: folding can lengthen a text.
        builder.Property(r => r.SearchText).IsRequired();

        // The tracker filters by status, theme, raising and addressed body, and due date.
        builder.HasIndex(r => new { r.MeetingId, r.Order });
        builder.HasIndex(r => new { r.Status, r.DueOn });
        // Scoped lists reach recommendations through their meetings (units → meetings → these):
        // with status and due date in the index, the tracker's filters never read a row they drop.
        builder.HasIndex(r => new { r.MeetingId, r.Status, r.DueOn });
        builder.HasIndex(r => r.ThemeId);
        builder.HasIndex(r => r.RaisedByOrganisationId);
        builder.HasIndex(r => new { r.AddressedToOrganisationId, r.Status });

        builder.HasOne(r => r.Speech).WithMany().HasForeignKey(r => r.SpeechId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.RaisedByOrganisation).WithMany().HasForeignKey(r => r.RaisedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.RaisedByPerson).WithMany().HasForeignKey(r => r.RaisedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.AddressedToOrganisation).WithMany().HasForeignKey(r => r.AddressedToOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Theme).WithMany().HasForeignKey(r => r.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Responses).WithOne().HasForeignKey(x => x.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Responses).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.State);
        builder.Ignore(r => r.Deadline);
        builder.Ignore(r => r.MatterId);
        builder.HasIndex(r => r.RecurrenceOfId);
        builder.HasOne<MeetingPortal.Domain.Recommendations.Recommendation>().WithMany().HasForeignKey(r => r.RecurrenceOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Hops).WithOne().HasForeignKey(h => h.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Hops).UsePropertyAccessMode(PropertyAccessMode.Field);
        // Summaries count answers and resolutions per period.
        builder.HasIndex(r => r.FirstAnsweredOn);
        builder.HasIndex(r => r.ResolvedOn);
    }
}
