using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MeetingPortal.Infrastructure.Persistence;

// dotnet-ef uses these to build the model without starting the web host; neither connects.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMeetingPortalDbContext>
{
    public SqliteMeetingPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMeetingPortalDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerMeetingPortalDbContext>
{
    public SqlServerMeetingPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerMeetingPortalDbContext>().UseSqlServer("Server=design-time;Database=MeetingPortal;Trusted_Connection=True").Options);
}
