using System.Globalization;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeetingPortal.Infrastructure.Tests;

public sealed class PlannerStatisticsTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<bool> RefreshAsync(bool atStart = false)
    {
        await using var db = _database.NewContext();
        return await new PlannerStatistics(db, NullLogger<PlannerStatistics>.Instance).RefreshIfStaleAsync(CancellationToken.None, whenMissing: atStart);
    }

    private async Task<long?> CountedMeetingsAsync()
    {
        await using var db = _database.NewContext();
        var stat = await db.Database.SqlQuery<string>($"SELECT stat AS \"Value\" FROM sqlite_stat1 WHERE tbl = 'Meetings'").FirstOrDefaultAsync();
        return stat is null ? null : long.Parse(stat.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = _database.NewContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    [Fact]
    public async Task Fresh_statistics_are_left_alone()
    {
        await _database.LoadSeedsAsync();
        await ExecuteAsync("ANALYZE;");

        Assert.False(await RefreshAsync());
        Assert.Equal(5, await CountedMeetingsAsync());
    }

    [Fact]
    public async Task Statistics_taken_at_another_size_are_taken_again()
    {
        await _database.LoadSeedsAsync();
        await ExecuteAsync("ANALYZE;");
        // As if ANALYZE had last run when the table held 100,000 meetings.
        await ExecuteAsync("UPDATE sqlite_stat1 SET stat = '100000' || substr(stat, instr(stat, ' ')) WHERE tbl = 'Meetings'");
        Assert.Equal(100_000, await CountedMeetingsAsync());

        Assert.True(await RefreshAsync());
        Assert.Equal(5, await CountedMeetingsAsync());
    }

    [Fact]
    public async Task At_start_a_database_without_statistics_gets_them_and_one_with_them_is_left_alone()
    {
        await _database.LoadSeedsAsync();

        Assert.True(await RefreshAsync(atStart: true));
        Assert.Equal(5, await CountedMeetingsAsync());
        Assert.False(await RefreshAsync(atStart: true));
    }

    [Fact]
    public async Task A_small_database_without_statistics_is_not_analysed_every_hour()
    {
        await _database.LoadSeedsAsync();

        Assert.False(await RefreshAsync());
    }
}
