using System.Net;
using System.Text.RegularExpressions;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Support;

/// <summary>
/// Starts the real portal on its own SQLite file in a temporary folder, with seeds and demo accounts
/// loaded exactly as on a developer's first start.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    /// <summary>Test-only password for the demo accounts; it lives in test configuration, never in the product.</summary>
    public const string DemoPassword = "Test#Portal-2026";

    public PortalFactory()
        : this(Path.Combine(Path.GetTempPath(), "meetingportal-tests", Guid.NewGuid().ToString("N")), keepData: false)
    {
        if (StartsFromTemplate)
        {
            File.Copy(Template.Value, DatabasePath);
        }
    }

    /// <summary>
    /// Whether this portal starts on a copy of the database a plain portal built at its first start (migrated,
    /// seeded, demo accounts made) instead of building its own: the same rows, a fresh file per test class,
    /// about 0.2 s instead of 2.6 s. Its own start still runs and finds nothing to do. Portals whose first start
    /// is itself under test (production, upgrades, key protection) build their own.
    /// </summary>
    protected virtual bool StartsFromTemplate => GetType() == typeof(PortalFactory);

    /// <summary>The template database, built once per test run by a plain portal, and removed when the run ends.</summary>
    private static readonly Lazy<string> Template = new(BuildTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string BuildTemplate()
    {
        var directory = Path.Combine(Path.GetTempPath(), "meetingportal-tests", "template-" + Guid.NewGuid().ToString("N"));
        // Registered first, so a template that failed to build is removed too.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TemporaryDataDirectory.Delete(directory);
        using (var first = new PortalFactory(directory, keepData: true))
        {
            first.CreateClient().Dispose();
        }

        // Closing the pooled connections checkpoints the write-ahead log into the file that is copied.
        SqliteConnection.ClearAllPools();
        var file = Path.Combine(directory, "meetingportal.db");
        if (!File.Exists(file) || File.Exists(file + "-wal"))
        {
            throw new InvalidOperationException($"The template database at {file} is missing or not checkpointed.");
        }

        return file;
    }

    /// <summary>A portal on <paramref name="dataDirectory"/>, left in place at the end when <paramref name="keepData"/> (for a test that goes on with the files).</summary>
    internal PortalFactory(string dataDirectory, bool keepData)
    {
        DataDirectory = dataDirectory;
        _keepData = keepData;
        Directory.CreateDirectory(DataDirectory);
    }

    private readonly bool _keepData;

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "meetingportal.db");

    protected virtual string EnvironmentName => "Testing";

    protected virtual bool DemoData => true;

    /// <summary>Whether the demo history is written at start (Seeding:DemoData:History); off, as everywhere but Development.</summary>
    protected virtual bool DemoHistory => false;

    protected virtual int SignInAttemptsPerMinute => 10_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Seeding:DemoData:Enabled", DemoData ? "true" : "false");
        builder.UseSetting("Seeding:DemoData:Password", DemoData ? DemoPassword : string.Empty);
        builder.UseSetting("Seeding:DemoData:History", DemoHistory ? "true" : "false");
        // Tests run the due-date check themselves, when their data is ready.
        builder.UseSetting("Monitoring:Enabled", "false");
        // Every test signs in through the form; the limit itself is tested with its own setting.
        builder.UseSetting("Security:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>());
    }

    /// <summary>A browser-like client that the portal sees at <paramref name="address"/> (see <see cref="TestClientAddress"/>).</summary>
    public HttpClient CreateBrowserLikeClient(string address)
    {
        var client = CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return client;
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real form, antiforgery token included.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string? password = null)
    {
        var client = CreateBrowserLikeClient();
        var response = await client.PostSignInAsync(userName, password ?? DemoPassword);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {userName} answered {(int)response.StatusCode}.");
        }

        return client;
    }

    public T WithDb<T>(Func<MeetingPortalDbContext, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_keepData)
        {
            SqliteConnection.ClearAllPools();
            return;
        }

        TemporaryDataDirectory.Delete(DataDirectory);
    }
}

public static partial class HttpClientSignInExtensions
{
    public static async Task<string> GetAntiforgeryTokenAsync(this HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {url}.");
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(this HttpClient client, string userName, string password)
    {
        var token = await client.GetAntiforgeryTokenAsync("/Account/SignIn");
        return await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
