using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace MeetingPortal.Benchmarks;

/// <summary>What SQLite's planner knows of the data (the rows of sqlite_stat1), to tell whether a floor and its page planned alike.</summary>
public static class PlannerStatisticsFingerprint
{
    /// <summary>The statistics as stored now, read on a fresh unpooled connection; "none" before any ANALYZE.</summary>
    public static async Task<string> ReadAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0)
        {
            return "none";
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx";
        await using var reader = await command.ExecuteReaderAsync();
        var text = new StringBuilder();
        while (await reader.ReadAsync())
        {
            text.Append(reader.GetString(0)).Append('|').Append(reader.IsDBNull(1) ? string.Empty : reader.GetString(1)).Append('|').Append(reader.GetString(2)).Append('\n');
        }

        return text.Length == 0 ? "empty" : text.ToString();
    }

    /// <summary>Null when the two readings agree and hold statistics; otherwise why the floor is not comparable.</summary>
    public static string? Compare(string before, string after) =>
        before != after ? "the planner statistics changed while the row was measured (an ANALYZE ran)"
        : before is "none" or "empty" ? "the data set had no planner statistics, so the portal and the floor may plan differently"
        : null;
}
