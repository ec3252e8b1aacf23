using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Tests;

/// <summary>Fails when the model changes without a migration for each provider.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var db = new SqliteMeetingPortalDbContext(new DbContextOptionsBuilder<SqliteMeetingPortalDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite migrations do not cover the model: add a migration (README).");
    }

    [Fact]
    public void SqlServer_migrations_cover_the_model()
    {
        // Builds the model only; nothing connects to a server.
        using var db = new SqlServerMeetingPortalDbContext(new DbContextOptionsBuilder<SqlServerMeetingPortalDbContext>().UseSqlServer("Server=none;Database=none").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQL Server migrations do not cover the model: add a migration (README).");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new SqliteMeetingPortalDbContext(new DbContextOptionsBuilder<SqliteMeetingPortalDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var sqlServer = new SqlServerMeetingPortalDbContext(new DbContextOptionsBuilder<SqlServerMeetingPortalDbContext>().UseSqlServer("Server=none;Database=none").Options);
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);
        Assert.NotEmpty(Names(sqlite));
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void A_fresh_sqlite_database_migrates_with_nothing_pending()
    {
        using var database = new TestDatabase();
        using var db = database.NewContext();
        Assert.Empty(db.Database.GetPendingMigrations());
        Assert.NotEmpty(db.Database.GetAppliedMigrations());
    }
}
