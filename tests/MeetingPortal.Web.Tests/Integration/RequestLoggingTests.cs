using System.Net;
using System.Text.RegularExpressions;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>
/// Serilog's request logging writes one line per request with the path, never the query string (names
/// and search words are personal data); health probes only at Debug. Run as a real process: the test server does not hand the
/// request's raw target to the logging as Kestrel does.
/// </summary>
public sealed class RequestLoggingTests : IDisposable
{
    private readonly TemporaryDataDirectory _data = new("log");

    [Fact]
    public async Task A_request_is_logged_with_its_path_status_and_time_but_not_its_query_string()
    {
        const string searched = "Nguyễn Thị Bí Mật";
        await using var portal = await PortalProcess.StartAsync(_data.Path);
        using var client = portal.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostSignInAsync("thuky.kyphuong", PortalFactory.DemoPassword)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Meetings?q=" + Uri.EscapeDataString(searched))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        await Task.Delay(500);

        var lines = portal.Output.Split('\n');
        Assert.Contains(lines, line => Regex.IsMatch(line, @"HTTP GET /Meetings responded 200 in \d+\.\d ms"));
        // Health probes are Debug (below the configured Information): a load balancer's polling does not fill the log.
        Assert.DoesNotContain(lines, line => line.Contains("HTTP GET /health/ready", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("?q=", StringComparison.Ordinal)
            || line.Contains("Bí Mật", StringComparison.Ordinal) || line.Contains(Uri.EscapeDataString("Bí"), StringComparison.Ordinal));
    }

    public void Dispose() => _data.Dispose();
}
