using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>Serilog's request logging writes one line per request with the path, never the query string (names and search words are personal data).</summary>
public sealed class RequestLoggingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_request_is_logged_with_its_path_status_and_time_but_not_its_query_string()
    {
        const string searched = "Nguyễn-Thị-Bí-Mật";
        var client = await factory.SignInAsync("thuky.kyphuong");

        var response = await client.GetAsync("/Meetings?q=" + Uri.EscapeDataString(searched));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        var lines = await LogLinesAsync();
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"HTTP GET /Meetings responded 200 in \d+\.\d ms$"));
        Assert.DoesNotContain(lines, line => line.Contains("Bí-Mật", StringComparison.OrdinalIgnoreCase) || line.Contains("?q=", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(Uri.EscapeDataString(searched), StringComparison.OrdinalIgnoreCase));
    }

    private async Task<List<string>> LogLinesAsync()
    {
        var lines = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(factory.DataDirectory, "logs"), "*.log"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync() is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
