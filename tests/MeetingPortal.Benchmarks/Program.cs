using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MeetingPortal.Benchmarks;
using MeetingPortal.DataGenerator;
using MeetingPortal.Infrastructure.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project tests/MeetingPortal.Benchmarks -- [--scale province] [--seconds 10] [--smoke] [--only <part of a page's name>]
var options = BenchmarkOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync("usage: [--scale ward|province|country] [--seed N] [--data <folder>] [--seconds N] [--out <file>] [--smoke] [--only <part of a page's name>]");
    return 2;
}

var root = BenchmarkOptions.RepositoryRoot();
Directory.CreateDirectory(options.DataDirectory);
var password = await EnsureDatabaseAsync(options);
Console.WriteLine($"publishing the portal (Release) ...");
var web = await PortalServer.PublishAsync(root, Path.Combine(options.DataDirectory, "web"));
var subjects = ReadSubjects(options);
var database = Path.Combine(options.DataDirectory, "meetingportal.db");

await using var server = await PortalServer.StartAsync(web, options.DataDirectory);
Console.WriteLine($"portal at {server.Address}, working set {server.WorkingSet / 1048576} MB after start");
var clients = new Dictionary<string, HttpClient>();
var leader = Scenarios.ProvinceLeader(subjects);
clients[leader] = await SignInAsync(server.Address, leader, password);
// The official-report rows need the quarter's report frozen; freezing it computes that summary once, before any row.
var officialReport = await OfficialReportSetup.EnsureAsync(clients[leader], database, subjects);
// --only measures some pages while working on them; the report then holds just those rows.
var scenarios = Scenarios.For(subjects, national: options.Scale.Name == "country", officialReport).Where(s => options.Only is null || s.Name.Contains(options.Only, StringComparison.OrdinalIgnoreCase)).ToList();
foreach (var user in scenarios.Select(s => s.User).Distinct().Where(u => !clients.ContainsKey(u)))
{
    clients[user] = await SignInAsync(server.Address, user, password);
}

using var anonymous = new HttpClient { BaseAddress = server.Address };
var rows = new List<ReportRow>();
var ceiling = new Dictionary<int, Figures>();
foreach (var concurrency in options.Clients)
{
    ceiling[concurrency] = await Measurement.RunAsync(async () => (await anonymous.GetAsync("/health/live")).IsSuccessStatusCode, concurrency, options.Duration, options.MinimumRequests, options.Limit);
}

// What a small signed-in page costs: cookie, one indexed query, the layout and its notification count.
var baselineClient = clients[scenarios[^1].User];
var baseline = await Measurement.RunAsync(async () =>
{
    using var response = await baselineClient.GetAsync("/Notifications");
    return response.StatusCode == HttpStatusCode.OK;
}, 1, options.Duration, options.MinimumRequests, options.Limit);

foreach (var scenario in scenarios)
{
    var client = clients[scenario.User];
    await using var changes = new SqliteConnection($"Data Source={database};Pooling=False");
    if (scenario.AfterAChange)
    {
        await changes.OpenAsync();
    }

    async Task<bool> OpenAsync()
    {
        if (scenario.AfterAChange)
        {
            // A counted change as a save records it (ADR 0016): the next request computes the summary afresh.
            lock (changes)
            {
                using var change = changes.CreateCommand();
                change.CommandText = "INSERT INTO FigureChanges (AtUtc) VALUES (datetime('now'))";
                change.ExecuteNonQuery();
            }
        }

        using var response = await client.GetAsync(scenario.Url);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK && body.Length > 0;
    }

    // Warm-up: compiled queries, caches and the JIT, so the figures are steady-state.
    for (var i = 0; i < options.WarmUp; i++)
    {
        if (!await OpenAsync())
        {
            throw new InvalidOperationException($"{scenario.Url} as {scenario.User} did not answer 200");
        }
    }

    // The floor's connection is opened for this row, unpooled, after the portal has started: SQLite loads the
    // planner statistics when a connection first reads the schema and keeps them, so a pooled connection
    // opened before the portal analysed a new data set planned without them (floors 50x above their pages).
    var statisticsBefore = await PlannerStatisticsFingerprint.ReadAsync(database);
    Figures floor;
    await using (var raw = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False"))
    {
        await raw.OpenAsync();
        floor = await Measurement.RunAsync(() => RunRawAsync(raw, scenario.RawSql), 1, options.Duration, options.MinimumRequests, options.Limit);
    }

    var figures = new Dictionary<int, Figures>();
    foreach (var concurrency in options.Clients)
    {
        figures[concurrency] = await Measurement.RunAsync(OpenAsync, concurrency, options.Duration, options.MinimumRequests, options.Limit);
    }

    // A ratio compares like with like only if the statistics both sides planned with are the ones the file held throughout.
    var statisticsAfter = await PlannerStatisticsFingerprint.ReadAsync(database);
    var row = new ReportRow(scenario, figures, floor, PlannerStatisticsFingerprint.Compare(statisticsBefore, statisticsAfter));
    rows.Add(row);
    Console.WriteLine(row.ToConsole());
}

await Task.Delay(500);
var after = server.WorkingSet;
await using var counting = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
await counting.OpenAsync();
var counts = await CountsAsync(counting);
await server.DisposeAsync();
Console.WriteLine("timing the due-date check on a copy of the data set ...");
var check = await DueDateCheckTiming.MeasureAsync(options.DataDirectory);
Console.WriteLine($"due-date check: first run {check.FirstMs:F0} ms ({check.Added} notifications), second run {check.SecondMs:F0} ms ({check.AddedAgain} notifications)");
var report = Report.Markdown(options, subjects, rows, ceiling, baseline, server.PeakWorkingSet, after, counts, check);
await File.WriteAllTextAsync(options.Output, report);
Console.WriteLine($"peak working set {server.PeakWorkingSet / 1048576} MB, {after / 1048576} MB after the run; report in {options.Output}");
var failed = rows.Sum(r => r.Figures.Values.Sum(f => f.Failures));
return failed == 0 ? 0 : 1;

static async Task<bool> RunRawAsync(SqliteConnection connection, IReadOnlyList<string> statements)
{
    foreach (var sql in statements)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }
        }
    }

    return true;
}

static async Task<HttpClient> SignInAsync(Uri address, string userName, string password)
{
    var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 64 };
    var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
    var form = await client.GetStringAsync("/Account/SignIn");
    var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Input.UserName"] = userName,
        ["Input.Password"] = password,
        ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
    }));
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"{userName} could not sign in ({(int)response.StatusCode})");
    }

    return client;
}

static async Task<string> EnsureDatabaseAsync(BenchmarkOptions options)
{
    var database = Path.Combine(options.DataDirectory, "meetingportal.db");
    var passwordFile = Path.Combine(options.DataDirectory, "generated-password.txt");
    var exists = File.Exists(database);
    if (exists && !File.Exists(passwordFile))
    {
        throw new InvalidOperationException($"{database} exists without {passwordFile}; delete the folder to generate again");
    }

    // A throwaway password for throwaway accounts, kept beside the database it opens.
    var password = exists ? (await File.ReadAllTextAsync(passwordFile)).Trim() : "Bx#" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)) + "a";
    var generatorOptions = new GeneratorOptions(options.Scale, options.Seed, options.AsOf, password);
    await using (var services = GeneratorHost.Build(new GeneratorArguments(generatorOptions, null, null, options.DataDirectory, null)))
    {
        var generator = services.GetRequiredService<PortalDataGenerator>();
        if (exists)
        {
            // Data sets generated before the generator made a national leader get one now.
            await generator.EnsureRootLeaderAsync(generatorOptions);
        }
        else
        {
            await File.WriteAllTextAsync(passwordFile, password);
            Console.WriteLine($"generating the {options.Scale.Name} data set in {options.DataDirectory} ...");
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            }

            var result = await generator.GenerateAsync(generatorOptions);
            Console.WriteLine($"generated {result.Meetings} meetings, {result.Recommendations} recommendations in {result.Elapsed.TotalSeconds:F0} s");
        }
    }

    SqliteConnection.ClearAllPools();
    return password;
}

Subjects ReadSubjects(BenchmarkOptions o)
{
    using var connection = new SqliteConnection($"Data Source={Path.Combine(o.DataDirectory, "meetingportal.db")};Mode=ReadOnly");
    connection.Open();
    var prefix = $"gen{o.Seed}";
    // A unit by its code, or the root unit without one.
    (int Id, string Path) Unit(string? code)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Path FROM Units WHERE Code = $code OR ($code IS NULL AND ParentId IS NULL)";
        command.Parameters.AddWithValue("$code", (object?)code ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt32(0), reader.GetString(1)) : throw new InvalidOperationException($"unit {code ?? "(root)"} is not in the data set");
    }

    long Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    var country = Unit(null);
    var province = Unit($"{prefix}-t1");
    var district = Unit($"{prefix}-t1-h1");
    var ward = Unit($"{prefix}-t1-h1-x1");
    var meeting = (int)Scalar($"SELECT Id FROM Meetings WHERE UnitId = {ward.Id} ORDER BY HeldOn DESC LIMIT 1");
    var responder = (int)Scalar($"SELECT OrganisationId FROM AspNetUsers WHERE UserName = 'responder.{prefix}-t1-h1'");
    var lastQuarter = o.AsOf.AddMonths(-3);
    var users = new Dictionary<string, string>(StringComparer.Ordinal);
    using (var command = connection.CreateCommand())
    {
        command.CommandText = $"SELECT UserName, Id FROM AspNetUsers WHERE UserName IN ('leader.{prefix}', 'leader.{prefix}-t1', 'tracker.{prefix}-t1-h1', 'recorder.{prefix}-t1-h1-x1', 'responder.{prefix}-t1-h1', 'raiser.{prefix}-t1')";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            users[reader.GetString(0)] = reader.GetString(1);
        }
    }

    string UnitIds(string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(Id, ', ') FROM Units WHERE Path >= $lo AND Path < $hi";
        command.Parameters.AddWithValue("$lo", path);
        command.Parameters.AddWithValue("$hi", path[..^1] + "0");
        return (string)command.ExecuteScalar()!;
    }

    var unitIds = new[] { country.Path, province.Path, ward.Path }.ToDictionary(p => p, UnitIds, StringComparer.Ordinal);
    return new Subjects(country.Path, province.Path, district.Path, ward.Path, country.Id, province.Id, district.Id, ward.Id, meeting, responder, prefix,
        lastQuarter.Year, ((lastQuarter.Month - 1) / 3) + 1, o.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), users, unitIds);
}

static async Task<IReadOnlyList<(string Table, long Rows)>> CountsAsync(SqliteConnection connection)
{
    var counts = new List<(string, long)>();
    foreach (var table in new[] { "Units", "Meetings", "Speeches", "Recommendations", "Responses", "RecommendationEvents", "Directives", "AspNetUsers" })
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        counts.Add((table, Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)));
    }

    return counts;
}
