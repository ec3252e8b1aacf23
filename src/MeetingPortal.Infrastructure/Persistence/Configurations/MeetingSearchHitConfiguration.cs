using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

/// <summary>Rows of a raw full-text query, not a table: migrations create nothing for it.</summary>
internal sealed class MeetingSearchHitConfiguration : IEntityTypeConfiguration<MeetingSearchHit>
{
    public void Configure(EntityTypeBuilder<MeetingSearchHit> builder)
    {
        builder.HasNoKey();
        builder.ToTable((string?)null);
    }
}
