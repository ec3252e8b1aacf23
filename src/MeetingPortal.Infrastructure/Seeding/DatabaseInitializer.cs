using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingPortal.Infrastructure.Seeding;

/// <summary>Runs at start: migrate, make roles, load seeds/ into an empty database, add demo accounts and the demo history if asked.</summary>
public sealed class DatabaseInitializer(
    MeetingPortalDbContext db,
    DatabaseOptions databaseOptions,
    StorageOptions storageOptions,
    IOptions<SeedingOptions> seedingOptions,
    InterchangeImporter importer,
    DemoDataSeeder demoData,
    DemoHistorySeeder demoHistory,
    PlannerStatistics plannerStatistics,
    StartupState startupState,
    RoleManager<IdentityRole> roleManager,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>
    /// What the audit log and a seed meeting's history give as the reason of the start-up load: words, not the seed
    /// files' names ("reference.json", "2022-03-16-tp-ha-tinh-doi-thoai.json" were read as internal paths, issue 17 trial).
    /// </summary>
    public const string SeedSource = "dữ liệu ban đầu của cổng";

    /// <summary>
    /// The start work on the database. Returns false, having changed nothing, when migrations are pending and
    /// this server does not apply them (a rolling upgrade before the DBA's script): call again later
    /// (<see cref="DeferredInitializationService"/> does). Returns true when done.
    /// </summary>
    public async Task<bool> InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (databaseOptions.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList() is { Count: > 0 } pending)
        {
            // A server of a new version started before the DBA applied its script (a rolling upgrade): it
            // serves /health/ready as 503 until the migrations are there, and touches nothing meanwhile.
            logger.LogWarning("The database lacks {Count} migrations of this version ({Migrations}); not ready until they are applied",
                pending.Count, string.Join(", ", pending));
            return false;
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer saves, and survives a killed process cleanly.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await CarryOverKeyFilesAsync(cancellationToken);

        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole(role));
            }
        }

        await FillMissingSearchTextAsync(cancellationToken);
        await FillMissingAccountSearchTextAsync(cancellationToken);
        await FillMissingRecommendationSearchTextAsync(cancellationToken);

        var options = seedingOptions.Value;
        if (options.LoadSeeds && !await db.Units.AnyAsync(cancellationToken))
        {
            await LoadSeedsAsync(ResolveSeedDirectory(options), cancellationToken);
        }
        else if (options.LoadSeeds)
        {
            await LoadMissingReferenceDataAsync(ResolveSeedDirectory(options), cancellationToken);
        }

        if (options.DemoData.Enabled)
        {
            await demoData.SeedAsync(options.DemoData, cancellationToken);
            // After the seeds and the accounts: the history reuses the seeds' units and bodies and acts as the accounts.
            if (options.DemoData.History)
            {
                await demoHistory.SeedAsync(cancellationToken);
            }
        }
        else if (options.DemoData.History)
        {
            logger.LogWarning("Seeding:DemoData:History is on but demo data is off; no demo history is written");
        }

        // Without statistics SQLite's planner starts scoped queries from the wrong index (30× slower at
        // province scale); a database that has them is not analysed again at every start.
        await plannerStatistics.RefreshIfStaleAsync(cancellationToken, whenMissing: true);
        startupState.MarkInitialized();
        return true;
    }

    /// <summary>
    /// Sign-in keys moved from &lt;data&gt;/keys into the database (issue 12, docs/operations.md): at every start,
    /// each key file of the folder whose key the database lacks is copied in as it is (encrypted ones stay
    /// encrypted), so nobody is signed out by the upgrade, whichever server or script applied the migration.
    /// Two servers copying at once: the unique key name refuses the second copy, which is then left alone.
    /// </summary>
    private async Task CarryOverKeyFilesAsync(CancellationToken cancellationToken)
    {
        var folder = new DirectoryInfo(Path.Combine(storageOptions.DataDirectory, "keys"));
        if (!folder.Exists)
        {
            return;
        }

        var stored = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var missing = folder.GetFiles("*.xml").Where(file => !stored.Contains(Path.GetFileNameWithoutExtension(file.Name))).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var file in missing)
        {
            var xml = System.Xml.Linq.XElement.Load(file.FullName);
            db.DataProtectionKeys.Add(new DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file.Name),
                Xml = xml.ToString(System.Xml.Linq.SaveOptions.DisableFormatting),
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Copied {Count} data-protection keys from {Folder} into the database", missing.Count, folder.FullName);
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            logger.LogInformation(ex, "Another server copied the data-protection keys of {Folder} at the same time", folder.FullName);
        }
    }

    /// <summary>
    /// A database made before the calendar and due-date rules existed gets them from reference.json;
    /// once a table has rows it is the administrators' and is never refilled.
    /// </summary>
    private async Task LoadMissingReferenceDataAsync(string directory, CancellationToken cancellationToken)
    {
        var file = Path.Combine(directory, "reference.json");
        if (!File.Exists(file))
        {
            return;
        }

        var calendarEmpty = !await db.CalendarDays.AnyAsync(cancellationToken);
        var rulesEmpty = !await db.DueDateRules.AnyAsync(cancellationToken);
        if (!calendarEmpty && !rulesEmpty)
        {
            return;
        }

        var reference = System.Text.Json.JsonSerializer.Deserialize<InterchangeDocument>(await File.ReadAllTextAsync(file, cancellationToken), InterchangeDocument.JsonOptions)!;
        var missing = new InterchangeDocument
        {
            Calendar = calendarEmpty ? reference.Calendar : null,
            DueDateRules = rulesEmpty ? reference.DueDateRules : null,
        };
        var result = await importer.ImportAsync(missing, SeedSource, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"reference.json was refused: {string.Join("; ", result.Errors)}");
        }
    }

    /// <summary>Meetings saved before search existed have an empty search text; fold theirs once.</summary>
    private async Task FillMissingSearchTextAsync(CancellationToken cancellationToken)
    {
        var meetings = await db.Meetings.Where(m => m.Search.Text == string.Empty)
            .Include(m => m.Speeches).Include(m => m.Recommendations).Include(m => m.Directives)
            .AsSplitQuery().ToListAsync(cancellationToken);
        foreach (var meeting in meetings)
        {
            meeting.RefreshSearchText();
        }

        if (meetings.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Filled the search text of {Count} meetings", meetings.Count);
        }
    }

    /// <summary>Accounts saved before their search text existed have an empty one; fold theirs once (ADR 0021).</summary>
    private async Task FillMissingAccountSearchTextAsync(CancellationToken cancellationToken)
    {
        var accounts = await db.Users.Where(u => u.SearchText == string.Empty).ToListAsync(cancellationToken);
        foreach (var account in accounts)
        {
            account.SearchText = ApplicationUser.FoldForSearch(account.UserName, account.FullName);
        }

        if (accounts.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Filled the search text of {Count} accounts", accounts.Count);
        }
    }

    /// <summary>
    /// Recommendations and responses saved before their folded text existed have an empty one (every folded text
    /// starts with a space); fold theirs once, a thousand at a time so a province's 170,000 rows never sit in memory
    /// together (ADR 0021).
    /// </summary>
    private async Task FillMissingRecommendationSearchTextAsync(CancellationToken cancellationToken)
    {
        var filled = 0;
        while (await db.Recommendations.Where(r => r.SearchText == string.Empty).OrderBy(r => r.Id).Take(1000).ToListAsync(cancellationToken) is { Count: > 0 } batch)
        {
            batch.ForEach(r => r.RefreshSearchText());
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            filled += batch.Count;
        }

        while (await db.Responses.Where(r => r.SearchText == string.Empty).OrderBy(r => r.Id).Take(1000).ToListAsync(cancellationToken) is { Count: > 0 } batch)
        {
            batch.ForEach(r => r.RefreshSearchText());
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            filled += batch.Count;
        }

        if (filled > 0)
        {
            logger.LogInformation("Filled the search text of {Count} recommendations and responses", filled);
        }
    }

    public static string ResolveSeedDirectory(SeedingOptions options) =>
        options.Directory ?? Path.Combine(AppContext.BaseDirectory, "seeds");

    private async Task LoadSeedsAsync(string directory, CancellationToken cancellationToken)
    {
        var files = SeedFiles(directory);
        if (files.Count == 0)
        {
            logger.LogWarning("No seed files found in {Directory}", directory);
            return;
        }

        foreach (var file in files)
        {
            var result = await importer.ImportJsonAsync(await File.ReadAllTextAsync(file, cancellationToken), SeedSource, cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Seed file {file} was refused: {string.Join("; ", result.Errors)}");
            }
        }
    }

    /// <summary>reference.json first (levels, themes, units), then the meetings in name order.</summary>
    public static IReadOnlyList<string> SeedFiles(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var reference = Path.Combine(directory, "reference.json");
        var meetings = Path.Combine(directory, "meetings");
        var files = new List<string>();
        if (File.Exists(reference))
        {
            files.Add(reference);
        }

        if (Directory.Exists(meetings))
        {
            files.AddRange(Directory.GetFiles(meetings, "*.json").Order(StringComparer.Ordinal));
        }

        return files;
    }
}
