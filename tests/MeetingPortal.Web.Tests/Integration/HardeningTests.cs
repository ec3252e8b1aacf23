using System.Net;
using MeetingPortal.Web.Infrastructure;
using MeetingPortal.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class HardeningTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/Account/SignIn")]
    [InlineData("/Meetings")]
    [InlineData("/health")]
    public async Task Every_answer_carries_the_security_headers(string url)
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync(url);
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", SecurityHeadersMiddleware.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", SecurityHeadersMiddleware.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site()
    {
        var response = await factory.CreateBrowserLikeClient().PostSignInAsync("thuky.kyphuong", PortalFactory.DemoPassword);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("MeetingPortal.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_backup_is_a_sound_copy_and_restores_after_a_check()
    {
        var backup = Path.Combine(factory.DataDirectory, "backup.db");
        var output = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(factory.Services, ["backup", backup], output));
        Assert.Equal(2, await CommandLine.RunAsync(factory.Services, ["backup", backup], output));

        await using (var copy = new SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False"))
        {
            await copy.OpenAsync();
            await using var command = copy.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", await command.ExecuteScalarAsync());
            command.CommandText = "SELECT COUNT(*) FROM Meetings;";
            Assert.Equal(5L, await command.ExecuteScalarAsync());
        }

        var junk = Path.Combine(factory.DataDirectory, "junk.db");
        await File.WriteAllBytesAsync(junk, new byte[4096]);
        Assert.Equal(1, await CommandLine.RunAsync(factory.Services, ["restore", junk], output));
        Assert.Contains("not a sound SQLite database", output.ToString(), StringComparison.Ordinal);
    }
}

public sealed class SignInRateLimitTests(SignInRateLimitTests.StrictFactory factory) : IClassFixture<SignInRateLimitTests.StrictFactory>
{
    public sealed class StrictFactory : PortalFactory
    {
        protected override int SignInAttemptsPerMinute => 3;
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_in_a_minute_are_refused_with_a_429_page()
    {
        var client = factory.CreateBrowserLikeClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostSignInAsync("khong.co", "Sai#MatKhau-123")).StatusCode);
        }

        var refused = await client.PostSignInAsync("khong.co", "Sai#MatKhau-123");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Quá nhiều lần thử", Html.Parse(await refused.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/SignIn")).StatusCode);
    }
}

/// <summary>
/// The database stops answering under a running portal. This test once overwrote the SQLite file and failed one run
/// in five (200 instead of 503): a connection still open from the request before kept reading its cached pages.
/// The database's refusal is now made where the portal meets it: every connection opened after the switch is
/// refused as SQLite refuses a file it cannot open, whichever part of the portal asks (issue 14, item 10).
/// </summary>
public sealed class DatabaseUnavailableTests(DatabaseUnavailableTests.UnavailableDatabaseFactory factory) : IClassFixture<DatabaseUnavailableTests.UnavailableDatabaseFactory>
{
    /// <summary>A portal whose database can be switched off.</summary>
    public sealed class UnavailableDatabaseFactory : PortalFactory
    {
        private volatile bool _gone;

        protected override bool StartsFromTemplate => true;

        public void SwitchOff() => _gone = true;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<MeetingPortal.Infrastructure.Persistence.SqliteMeetingPortalDbContext>(
                options => options.AddInterceptors(new RefusingInterceptor(() => _gone))));
        }
    }

    private sealed class RefusingInterceptor(Func<bool> gone) : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        private const int CannotOpen = 14; // SQLITE_CANTOPEN

        public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult ConnectionOpening(
            System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result) =>
            gone() ? throw new SqliteException("unable to open database file", CannotOpen) : result;

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult> ConnectionOpeningAsync(
            System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result, CancellationToken cancellationToken = default) =>
            gone() ? throw new SqliteException("unable to open database file", CannotOpen) : ValueTask.FromResult(result);
    }

    [Fact]
    public async Task Pages_answer_a_friendly_503_when_the_database_is_gone()
    {
        var client = await factory.SignInAsync("thuky.kyphuong");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Meetings")).StatusCode);

        factory.SwitchOff();
        foreach (var url in new[] { "/Meetings", "/Account/SignIn" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("60", response.Headers.RetryAfter?.ToString());
            // The answer was cleared and rendered again; the headers survive that.
            Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Contains("Hệ thống tạm thời gián đoạn", Html.Parse(await response.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        }
    }
}
