using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace MeetingPortal.Benchmarks;

/// <summary>
/// The province's official report of the benchmark's quarter, which the official-report rows open: the one already
/// frozen in the data set, else frozen now through the summary page as its leader would (confirmation and all).
/// </summary>
public static partial class OfficialReportSetup
{
    /// <summary>The report's id, or null when the quarter has not ended (nothing can be frozen then).</summary>
    /// <exception cref="InvalidOperationException">The portal refused to freeze a quarter that has ended.</exception>
    public static async Task<int?> EnsureAsync(HttpClient leader, string database, Subjects s)
    {
        if (await CurrentAsync(database, s) is { } existing)
        {
            return existing;
        }

        var summary = $"/Reports/Quarterly?unit={s.Province}&year={s.Year}&quarter={s.Quarter}";
        var page = await leader.GetStringAsync(summary + "&confirmFreeze=true");
        var confirmation = ConfirmationField().Match(page);
        if (!confirmation.Success)
        {
            return null;
        }

        var token = TokenField().Match(page).Groups[1].Value;
        using var response = await leader.PostAsync(summary + "&handler=Freeze", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["confirmation"] = WebUtility.HtmlDecode(confirmation.Groups[1].Value),
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"freezing {summary} answered {(int)response.StatusCode}");
        }

        return await CurrentAsync(database, s) ?? throw new InvalidOperationException($"freezing {summary} stored no report");
    }

    private static async Task<int?> CurrentAsync(string database, Subjects s)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"SELECT MAX(Id) FROM Snapshots WHERE UnitId = {s.Province} AND PeriodKind = 1 AND PeriodYear = {s.Year} AND PeriodNumber = {s.Quarter} AND ReplacedAtUtc IS NULL");
        return await command.ExecuteScalarAsync() is long id ? (int)id : null;
    }

    [GeneratedRegex("name=\"confirmation\" value=\"([^\"]+)\"")]
    private static partial Regex ConfirmationField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
