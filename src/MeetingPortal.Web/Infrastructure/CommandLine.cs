using System.Security.Claims;
using MeetingPortal.Application.Administration;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// Administrator commands run instead of the web server:
/// <c>dotnet run --project src/MeetingPortal.Web -- import --as quantri.toanquoc a.json b.json</c>, and
/// <c>reorganise --as quantri.toanquoc decision.json</c> (<see cref="ReorganiseAsync"/>).
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "import" or "backup" or "restore" or "reorganise";

    public static Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output) => args[0] switch
    {
        "backup" => BackupAsync(services, args, output),
        "restore" => RestoreAsync(services, args, output),
        "reorganise" => ReorganiseAsync(services, args, output),
        _ => ImportAsync(services, args, output),
    };

    /// <summary>
    /// Copies the live SQLite database to a file with SQLite's online backup: readers and writers
    /// may go on meanwhile, and the copy is consistent.
    /// </summary>
    public static async Task<int> BackupAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args.Length != 2)
        {
            await output.WriteLineAsync("usage: backup <file.db>");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortal.Infrastructure.Persistence.MeetingPortalDbContext>();
        if (db.Database.GetDbConnection() is not Microsoft.Data.Sqlite.SqliteConnection source)
        {
            await output.WriteLineAsync("backup works on the SQLite database; back up SQL Server with BACKUP DATABASE (docs/operations.md).");
            return 2;
        }

        var target = Path.GetFullPath(args[1]);
        if (File.Exists(target))
        {
            await output.WriteLineAsync($"{target} exists; choose a new file.");
            return 2;
        }

        await source.OpenAsync();
        await using (var destination = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={target};Pooling=False"))
        {
            await destination.OpenAsync();
            source.BackupDatabase(destination);
        }

        await output.WriteLineAsync($"backed up to {target}");
        return 0;
    }

    /// <summary>
    /// Puts a backup in place of the SQLite database after checking it; run it with the portal
    /// stopped (the current file is kept beside it as .before-restore).
    /// </summary>
    public static async Task<int> RestoreAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args.Length != 2 || !File.Exists(args[1]))
        {
            await output.WriteLineAsync("usage: restore <backup.db> (with the portal stopped)");
            return 2;
        }

        var database = services.GetRequiredService<MeetingPortal.Infrastructure.Persistence.DatabaseOptions>();
        var target = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        await using (var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.GetFullPath(args[1])};Mode=ReadOnly;Pooling=False"))
        {
            await check.OpenAsync();
            await using var command = check.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            string? verdict;
            try
            {
                verdict = (string?)await command.ExecuteScalarAsync();
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex)
            {
                verdict = ex.Message;
            }

            if (verdict != "ok")
            {
                await output.WriteLineAsync($"{args[1]} is not a sound SQLite database: {verdict}");
                return 1;
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (File.Exists(target))
        {
            File.Copy(target, target + ".before-restore", overwrite: true);
        }

        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(target + suffix);
        }

        File.Copy(args[1], target, overwrite: true);
        await output.WriteLineAsync($"restored {args[1]} to {target}");
        return 0;
    }

    /// <summary>
    /// Imports each file in its own transaction as the named user and prints a report; exit code 1 when any
    /// file was refused, 2 for a wrong command line or an unknown or inactive user. The user's scope and roles
    /// apply exactly as on the import page (<see cref="ImportMeetings"/>): the command line is another door,
    /// not a way around the rules, and the audit names that user.
    /// </summary>
    public static async Task<int> ImportAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var rest = args.Skip(1).ToList();
        var asIndex = rest.IndexOf("--as");
        if (asIndex < 0 || asIndex + 1 >= rest.Count)
        {
            await output.WriteLineAsync("usage: import --as <user name> <file.json> [<file.json> ...]");
            return 2;
        }

        var userName = rest[asIndex + 1];
        rest.RemoveRange(asIndex, 2);
        if (rest.Count == 0)
        {
            await output.WriteLineAsync("usage: import --as <user name> <file.json> [<file.json> ...]");
            return 2;
        }

        ClaimsPrincipal principal;
        await using (var lookup = services.CreateAsyncScope())
        {
            var users = lookup.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var account = await users.FindByNameAsync(userName);
            if (account is null || !account.IsActive)
            {
                await output.WriteLineAsync($"{userName}: no active account of that name");
                return 2;
            }

            principal = await lookup.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(account);
        }

        var failed = 0;
        foreach (var file in rest)
        {
            await using var scope = services.CreateAsyncScope();
            // Who acts, for the audit fields and history rows, as if the user had signed in.
            scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = principal };
            var import = scope.ServiceProvider.GetRequiredService<ImportMeetings>();
            ImportResult result;
            if (!File.Exists(file))
            {
                result = new ImportResult(file);
                result.Errors.Add("file not found");
            }
            else
            {
                result = await import.ImportAsync(principal, await File.ReadAllTextAsync(file), file, CancellationToken.None);
            }

            await output.WriteLineAsync($"{file}: {(result.Succeeded ? "imported" : "REFUSED")}, {result.Created.Count} created, {result.Skipped.Count} skipped");
            foreach (var line in result.Created.Select(c => "  + " + c).Concat(result.Skipped.Select(s => "  = " + s)).Concat(result.Errors.Select(e => "  ! " + e)))
            {
                await output.WriteLineAsync(line);
            }

            failed += result.Succeeded ? 0 : 1;
        }

        return failed == 0 ? 0 : 1;
    }

    private static readonly System.Text.Json.JsonSerializerOptions DecisionJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>A reorganisation decision as a file: units by code, organisations by unit code and name, the level by rank.</summary>
    public sealed record DecisionFile(
        string LegalBasis, DateOnly EffectiveOn, int? RetireLevelRank,
        IReadOnlyList<DecisionUnitRow>? Merges, IReadOnlyList<DecisionUnitRow>? Moves, IReadOnlyList<DecisionOrganisationRow>? Placements);

    /// <summary>A unit (code) merged into or moved under another (code).</summary>
    public sealed record DecisionUnitRow(string Unit, string Target);

    /// <summary>An organisation of unit <paramref name="Unit"/> named <paramref name="Name"/>, placed under the body named <paramref name="Under"/> of the same unit.</summary>
    public sealed record DecisionOrganisationRow(string Unit, string Name, string Under);

    /// <summary>
    /// Applies a reorganisation decision written as JSON (<see cref="DecisionFile"/>, camelCase) as the named user, through
    /// the same use case and checks as the form (<see cref="ChangeUnits.ReorganiseAsync"/>); running the command is the
    /// confirmation. Exit code 0 when applied, 1 when refused (each reason printed), 2 for a wrong command line, an
    /// unreadable file or an unknown user. A code that names no unit is refused like one outside the user's tree.
    /// </summary>
    public static async Task<int> ReorganiseAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        const string usage = "usage: reorganise --as <user name> <decision.json>";
        if (args.Length != 4 || args[1] != "--as")
        {
            await output.WriteLineAsync(usage);
            return 2;
        }

        DecisionFile? decision;
        try
        {
            decision = System.Text.Json.JsonSerializer.Deserialize<DecisionFile>(await File.ReadAllTextAsync(args[3]), DecisionJson);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"{args[3]}: {e.Message}");
            return 2;
        }

        if (decision is null)
        {
            await output.WriteLineAsync($"{args[3]}: empty");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = await users.FindByNameAsync(args[2]);
        if (account is null || !account.IsActive)
        {
            await output.WriteLineAsync($"{args[2]}: no active account of that name");
            return 2;
        }

        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(account);
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = principal };
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortal.Infrastructure.Persistence.MeetingPortalDbContext>();
        var codes = await db.Units.AsNoTracking().Select(u => new { u.Code, u.Id }).ToDictionaryAsync(u => u.Code, u => u.Id);
        int? Unit(string code) => codes.TryGetValue(code, out var id) ? id : null;
        async Task<int?> Body(string unit, string name) =>
            await db.Organisations.AsNoTracking().Where(o => o.Unit!.Code == unit && o.Name == name).Select(o => (int?)o.Id).SingleOrDefaultAsync();
        var input = new ReorganisationInput
        {
            LegalBasis = decision.LegalBasis,
            EffectiveOn = decision.EffectiveOn,
            RetireLevelId = decision.RetireLevelRank is { } rank ? await db.UnitLevels.Where(l => l.Rank == rank).Select(l => (int?)l.Id).SingleOrDefaultAsync() ?? -1 : null,
            Merges = [.. (decision.Merges ?? []).Select(r => new ReorganisationUnitRow { UnitId = Unit(r.Unit) ?? -1, TargetId = Unit(r.Target) ?? -1 })],
            Moves = [.. (decision.Moves ?? []).Select(r => new ReorganisationUnitRow { UnitId = Unit(r.Unit) ?? -1, TargetId = Unit(r.Target) ?? -1 })],
            Confirm = true,
        };
        foreach (var row in decision.Placements ?? [])
        {
            input.Placements.Add(new ReorganisationOrganisationRow { OrganisationId = await Body(row.Unit, row.Name) ?? -1, ParentId = await Body(row.Unit, row.Under) ?? -1 });
        }

        var outcome = await scope.ServiceProvider.GetRequiredService<ChangeUnits>().ReorganiseAsync(principal, input, CancellationToken.None);
        if (!outcome.Result.Succeeded)
        {
            await output.WriteLineAsync($"{args[3]}: REFUSED ({outcome.Result.Status})");
            foreach (var error in outcome.Result.Errors)
            {
                await output.WriteLineAsync($"  ! {error.Field}: {error.Message}");
            }

            return 1;
        }

        await output.WriteLineAsync($"{args[3]}: applied; {outcome.Merged} merged, {outcome.Moved} moved, {outcome.Retired} retired, {outcome.Placed} organisations placed");
        return 0;
    }
}
