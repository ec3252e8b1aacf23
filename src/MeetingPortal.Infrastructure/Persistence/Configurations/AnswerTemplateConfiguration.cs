using MeetingPortal.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class AnswerTemplateConfiguration : IEntityTypeConfiguration<AnswerTemplate>
{
    public void Configure(EntityTypeBuilder<AnswerTemplate> builder)
    {
        builder.ConfigureAudit();
        builder.Property(t => t.Name).HasMaxLength(AnswerTemplate.NameMaxLength).IsRequired();
        builder.Property(t => t.Text).HasMaxLength(AnswerTemplate.TextMaxLength).IsRequired();
        // One name once per unit, so that the choice in an answer form is not ambiguous.
        builder.HasIndex(t => new { t.UnitId, t.Name }).IsUnique();
        builder.HasOne(t => t.Unit).WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
