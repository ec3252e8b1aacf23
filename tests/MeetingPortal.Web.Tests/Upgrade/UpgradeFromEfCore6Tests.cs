using System.Globalization;
using System.IO.Compression;
using System.Net;
using MeetingPortal.Infrastructure.Monitoring;
using MeetingPortal.Infrastructure.Seeding;
using MeetingPortal.Web.Tests.Support;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MeetingPortal.Web.Tests.Upgrade;

/// <summary>
/// An installation made by the portal before the EF Core 10 upgrade (Fixtures/BeforeEfCore10, made by
/// main at c8492f7) is started by today's portal: it migrates with every meeting, recommendation and
/// date reading as before, and its key files move into the database, so what the old keys protected still reads
/// (shown with the sign-in cookie it issued). Since sessions live on the server (decisions/0013) that cookie, which
/// carries a whole ticket and no session key, no longer signs anyone in: after this upgrade everyone signs in once.
/// </summary>
public sealed class UpgradeFromEfCore6Tests : IDisposable
{
    internal static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "BeforeEfCore10");

    /// <summary>Half an hour after the fixture's cookie was issued (2026-11-29T19:00:30Z), inside its 8 hours.</summary>
    private static readonly DateTimeOffset FixtureNow = new(2026, 11, 29, 19, 30, 0, TimeSpan.Zero);

    private readonly string _before = Path.Combine(Path.GetTempPath(), "meetingportal-tests", "before-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly UpgradedPortal _portal = new();

    public void Dispose()
    {
        _portal.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_before);
    }

    [Fact]
    public async Task A_database_made_before_the_upgrade_migrates_with_its_records_and_dates_intact()
    {
        Unpack(_before);
        var meetingsBefore = Rows(_before, "SELECT Id, Title, HeldOn, UnitId, Status FROM Meetings ORDER BY Id");
        var recommendationsBefore = Rows(_before, "SELECT Id, MeetingId, Status, Content, DueOn, FirstAnsweredOn, ResolvedOn, AddressedToOrganisationId FROM Recommendations ORDER BY Id");
        var countsBefore = Counts(_before);
        Assert.Equal(43, meetingsBefore.Count);
        Assert.True(recommendationsBefore.Count > 700);

        var meetingsAfter = _portal.WithDb(db => db.Meetings.AsNoTracking().OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Title, m.HeldOn, m.UnitId, m.Status }).ToList()
            .Select(m => Row(m.Id, m.Title, Date(m.HeldOn), m.UnitId, (int)m.Status)).ToList());
        var recommendationsAfter = _portal.WithDb(db => db.Recommendations.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.MeetingId, r.Status, r.Content, r.DueOn, r.FirstAnsweredOn, r.ResolvedOn, r.AddressedToOrganisationId }).ToList()
            .Select(r => Row(r.Id, r.MeetingId, (int)r.Status, r.Content, Date(r.DueOn), Date(r.FirstAnsweredOn), Date(r.ResolvedOn), r.AddressedToOrganisationId)).ToList());

        Assert.Equal(meetingsBefore.Select(Normalise), meetingsAfter);
        Assert.Equal(recommendationsBefore.Select(Normalise), recommendationsAfter);
        Assert.Equal(countsBefore, Counts(_portal.DatabasePath));
        Assert.Empty(_portal.WithDb(db => db.Database.GetPendingMigrations().ToList()));
        Assert.Equal(HttpStatusCode.OK, (await _portal.CreateClient().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task The_old_portals_sign_in_cookie_still_reads_after_its_keys_moved_but_signs_nobody_in()
    {
        var client = _portal.CreateBrowserLikeClient();
        var cookie = (await File.ReadAllTextAsync(Path.Combine(Fixture, "auth-cookie.txt"))).Trim();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Meetings/21");
        request.Headers.Add("Cookie", "MeetingPortal.Auth=" + cookie);

        Assert.Equal(OldCookieHolder, ReadWithTheMovedKeys(_portal, cookie));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var keyFile = Path.GetFileNameWithoutExtension(Directory.GetFiles(Path.Combine(Fixture, "keys"), "key-*.xml").Single());
        Assert.Equal([keyFile], _portal.WithDb(db => db.DataProtectionKeys.Select(k => k.FriendlyName).ToList()));
    }

    [Fact]
    public async Task The_old_keys_are_copied_even_when_a_server_without_the_key_folder_migrated_first()
    {
        var folder = Path.Combine(Path.GetTempPath(), "meetingportal-tests", "elsewhere-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Unpack(Path.Combine(folder, "meetingportal.db"));
        using (var first = new PortalFactory(folder, keepData: true))
        {
            // Starting it migrates the copy and makes a key of its own: the database is no longer without keys.
            Assert.Equal(HttpStatusCode.OK, (await first.CreateClient().GetAsync("/Account/SignIn")).StatusCode);
            Assert.NotEmpty(first.WithDb(db => db.DataProtectionKeys.ToList()));
        }

        using var upgraded = new UpgradedPortal(folder);
        var cookie = (await File.ReadAllTextAsync(Path.Combine(Fixture, "auth-cookie.txt"))).Trim();

        Assert.Equal(OldCookieHolder, ReadWithTheMovedKeys(upgraded, cookie));
        Assert.Equal(2, upgraded.WithDb(db => db.DataProtectionKeys.Count()));
    }

    /// <summary>Who the fixture's cookie was issued to (Fixtures/BeforeEfCore10/README.md).</summary>
    private const string OldCookieHolder = "leader.gen1-t1";

    /// <summary>The user name in an old whole-ticket cookie, read with the portal's key ring; null when no key reads it.</summary>
    private static string? ReadWithTheMovedKeys(UpgradedPortal portal, string cookie) =>
        portal.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).TicketDataFormat.Unprotect(cookie)?.Principal.Identity?.Name;

    [Fact]
    public async Task The_due_date_check_does_not_repeat_the_reminders_the_old_portal_sent()
    {
        var notificationsBefore = _portal.WithDb(db => db.Notifications.Count());
        Assert.True(notificationsBefore > 500);

        using var scope = _portal.Services.CreateScope();
        var added = await scope.ServiceProvider.GetRequiredService<RecommendationMonitor>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, added);
        Assert.Equal(notificationsBefore, _portal.WithDb(db => db.Notifications.Count()));
    }

    internal static void Unpack(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var source = new GZipStream(File.OpenRead(Path.Combine(Fixture, "meetingportal.db.gz")), CompressionMode.Decompress);
        using var target = File.Create(path);
        source.CopyTo(target);
    }

    private static List<string> Rows(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private static Dictionary<string, string> Counts(string path)
    {
        string[] tables = ["Units", "Meetings", "Speeches", "MeetingParticipants", "Recommendations", "Responses", "RecommendationEvents", "RecommendationHops", "Directives", "Notifications", "History", "AspNetUsers", "AspNetUserRoles", "CalendarDays", "DueDateRules"];
        return tables.ToDictionary(t => t, t => Rows(path, $"SELECT COUNT(*) FROM \"{t}\"").Single());
    }

    // The old file keeps dates as "2026-11-30 00:00:00"; the comparison is of the calendar date they stand for.
    private static string Normalise(string row) => string.Join("|", row.Split('|').Select(field =>
        DateTime.TryParseExact(field, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : field));

    private static string Row(params object?[] fields) => string.Join("|", fields.Select(f => f is null ? "∅" : Convert.ToString(f, CultureInfo.InvariantCulture)));

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The portal started on a copy of the fixture: its database and its key folder, with the clock at <see cref="FixtureNow"/>.</summary>
    internal sealed class UpgradedPortal : PortalFactory
    {
        private readonly FakeTimeProvider _clock = new(FixtureNow);

        public UpgradedPortal()
            : this(null)
        {
        }

        /// <param name="migratedElsewhere">A folder whose database another server (without the key folder) already migrated; null for a fresh copy.</param>
        public UpgradedPortal(string? migratedElsewhere)
            : base(migratedElsewhere ?? Path.Combine(Path.GetTempPath(), "meetingportal-tests", Guid.NewGuid().ToString("N")), keepData: false)
        {
            if (migratedElsewhere is null)
            {
                Unpack(DatabasePath);
            }

            var keys = Directory.CreateDirectory(Path.Combine(DataDirectory, "keys"));
            foreach (var file in Directory.GetFiles(Path.Combine(Fixture, "keys")))
            {
                File.Copy(file, Path.Combine(keys.FullName, Path.GetFileName(file)));
            }
        }

        protected override bool DemoData => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options => options.TimeProvider = _clock);
                services.PostConfigure<SecurityStampValidatorOptions>(options => options.TimeProvider = _clock);
            });
        }
    }
}

/// <summary>
/// A server of this version on a database that still lacks its migrations (a rolling upgrade before the
/// DBA ran the script): it starts, says it is alive, and is not ready, so the load balancer sends it nothing.
/// </summary>
public sealed class NotYetMigratedTests : IDisposable
{
    private readonly NotMigratedPortal _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task Live_answers_and_ready_refuses_until_the_migrations_are_applied()
    {
        var client = _portal.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains(_portal.WithDb(db => db.Database.GetPendingMigrations().ToList()), m => m.EndsWith("_SeveralServers", StringComparison.Ordinal));

        // The DBA applies the script; the server notices within its poll interval, finishes its start work
        // (the old key files go into the database) and becomes ready.
        _portal.WithDb(db =>
        {
            db.Database.Migrate();
            return 0;
        });
        var deadline = DateTime.UtcNow + DeferredInitializationService.PollInterval * 3;
        while (DateTime.UtcNow < deadline && (await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            await Task.Delay(500);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Single(_portal.WithDb(db => db.DataProtectionKeys.Select(k => k.FriendlyName).ToList()), n => n!.StartsWith("key-e4f9e3e1", StringComparison.Ordinal));
    }

    private sealed class NotMigratedPortal : PortalFactory
    {
        public NotMigratedPortal()
        {
            UpgradeFromEfCore6Tests.Unpack(DatabasePath);
            var keys = Directory.CreateDirectory(Path.Combine(DataDirectory, "keys"));
            foreach (var file in Directory.GetFiles(Path.Combine(UpgradeFromEfCore6Tests.Fixture, "keys")))
            {
                File.Copy(file, Path.Combine(keys.FullName, Path.GetFileName(file)));
            }
        }

        protected override bool DemoData => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:MigrateOnStartup", "false");
        }
    }
}
