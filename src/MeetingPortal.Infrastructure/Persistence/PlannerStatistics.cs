using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MeetingPortal.Infrastructure.Persistence;

/// <summary>
/// Keeps SQLite's planner statistics in step with the data. Without them, or with statistics taken when
/// the tables were a fraction of their size, the planner starts scoped queries from the wrong index (30×
/// slower at province scale). SQL Server keeps its own statistics; there this does nothing.
/// </summary>
public sealed class PlannerStatistics(MeetingPortalDbContext db, ILogger<PlannerStatistics> logger)
{
    /// <summary>The tables whose size steers the plans of the scoped lists and summaries.</summary>
    public static readonly IReadOnlyList<string> Tables = ["Meetings", "Recommendations"];

    /// <summary>Statistics are stale once a table has grown or shrunk by this share and at least <see cref="MinimumChange"/> rows.</summary>
    public const double StaleShare = 0.2;

    public const long MinimumChange = 500;

    /// <summary>
    /// Runs ANALYZE when a table's statistics no longer match its size; true when it ran. At start
    /// (<paramref name="whenMissing"/>) a table with rows and no statistics at all counts as stale too: a
    /// new, restored or bulk-loaded database gets them once, an analysed one is not analysed again.
    /// </summary>
    public async Task<bool> RefreshIfStaleAsync(CancellationToken cancellationToken, bool whenMissing = false)
    {
        if (!db.Database.IsSqlite())
        {
            return false;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var table in Tables)
            {
                // The name comes from Tables above, never from input.
                var countRows = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
                var rows = await db.Database.SqlQueryRaw<long>(countRows).SingleAsync(cancellationToken);
                // Between starts a table analysed while empty (no statistics) counts as analysed at zero rows.
                var counted = await CountedRowsAsync(table, cancellationToken);
                var change = Math.Abs(rows - (counted ?? 0));
                if ((whenMissing && counted is null && rows > 0) || (change >= MinimumChange && change > (counted ?? 0) * StaleShare))
                {
                    var started = Stopwatch.GetTimestamp();
                    await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
                    // A SQLite connection loads the statistics when it first reads the schema and keeps them:
                    // pooled connections opened before this ANALYZE would go on planning without it.
                    SqliteConnection.ClearPool((SqliteConnection)db.Database.GetDbConnection());
                    logger.LogInformation("Planner statistics refreshed ({Table}: {Counted} rows when last analysed, {Rows} now) in {Elapsed} ms",
                        table, counted, rows, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    return true;
                }
            }

            return false;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The table's row count as ANALYZE saw it: the first number of any of its rows in sqlite_stat1; null before any ANALYZE.</summary>
    private async Task<long?> CountedRowsAsync(string table, CancellationToken cancellationToken)
    {
        if (!await db.Database.SqlQuery<long>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'").AnyAsync(n => n > 0, cancellationToken))
        {
            return null;
        }

        // LIMIT in the statement itself: composing FirstOrDefault on it makes EF warn of an unordered First.
        var stat = (await db.Database.SqlQuery<string>($"SELECT stat AS \"Value\" FROM sqlite_stat1 WHERE tbl = {table} LIMIT 1").ToListAsync(cancellationToken)).FirstOrDefault();
        return stat is not null && long.TryParse(stat.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var counted)
            ? counted
            : null;
    }
}
