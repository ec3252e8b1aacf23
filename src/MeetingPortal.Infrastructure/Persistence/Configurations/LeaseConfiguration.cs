using MeetingPortal.Infrastructure.Coordination;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MeetingPortal.Infrastructure.Persistence.Configurations;

internal sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(Lease.NameMaxLength);
        builder.Property(l => l.Holder).HasMaxLength(Lease.HolderMaxLength);
        // The rows exist from the start, so taking a lease is always an UPDATE (never an INSERT race).
        builder.HasData(Lease.All.Select(name => new Lease(name)));
    }
}
