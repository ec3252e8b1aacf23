using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MeetingPortal.Infrastructure.Tests;

/// <summary>Fails when the model changes without a migration for each provider (EF Core 6 has no HasPendingModelChanges).</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var db = new SqliteMeetingPortalDbContext(new DbContextOptionsBuilder<SqliteMeetingPortalDbContext>().UseSqlite("Data Source=:memory:").Options);
        AssertNoPendingModelChanges(db);
    }

    [Fact]
    public void SqlServer_migrations_cover_the_model()
    {
        // Builds the model only; nothing connects to a server.
        using var db = new SqlServerMeetingPortalDbContext(new DbContextOptionsBuilder<SqlServerMeetingPortalDbContext>().UseSqlServer("Server=none;Database=none").Options);
        AssertNoPendingModelChanges(db);
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

    private static void AssertNoPendingModelChanges(DbContext db)
    {
        var migrationsAssembly = db.GetService<IMigrationsAssembly>();
        var snapshot = migrationsAssembly.ModelSnapshot?.Model;
        Assert.NotNull(snapshot);
        if (snapshot is IMutableModel mutable)
        {
            snapshot = mutable.FinalizeModel();
        }

        snapshot = db.GetService<IModelRuntimeInitializer>().Initialize(snapshot);
        var differences = db.GetService<IMigrationsModelDiffer>().GetDifferences(
            snapshot.GetRelationalModel(),
            db.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        Assert.True(differences.Count == 0,
            $"{db.GetType().Name} has model changes without a migration: " + string.Join(", ", differences.Select(d => d.GetType().Name)));
    }
}
