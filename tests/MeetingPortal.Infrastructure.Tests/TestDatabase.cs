using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeetingPortal.Infrastructure.Tests;

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

public sealed class FixedUser(string name) : ICurrentUser
{
    public string? UserName { get; set; } = name;
}

/// <summary>A migrated SQLite file of its own, as the portal uses it; deleted afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mp-infra-{Guid.NewGuid():N}.db");

    public TestDatabase()
    {
        using var db = NewContext();
        db.Database.Migrate();
    }

    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));

    public FixedUser User { get; } = new("tester");

    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "seeds");

    public SqliteMeetingPortalDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteMeetingPortalDbContext>()
            .UseSqlite($"Data Source={_path}")
            .AddInterceptors(new AuditInterceptor(Clock, User))
            .Options);

    public InterchangeImporter NewImporter(MeetingPortalDbContext db) => new(db, Clock, User, new CalendarService(db, Clock), new AuditTrail(db, User, Clock), NullLogger<InterchangeImporter>.Instance);

    public async Task LoadSeedsAsync()
    {
        foreach (var file in DatabaseInitializer.SeedFiles(SeedDirectory))
        {
            await using var db = NewContext();
            var result = await NewImporter(db).ImportJsonAsync(await File.ReadAllTextAsync(file), Path.GetFileName(file));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
