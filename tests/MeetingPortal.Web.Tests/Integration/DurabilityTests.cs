using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>
/// The portal runs as its own process; a meeting saved a moment before the process is killed with
/// SIGKILL (a power cut, an OOM kill) is still there when the portal starts again.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "meetingportal-tests", "kill-" + Guid.NewGuid().ToString("N"));
    private readonly int _port = FreePort();
    private Process? _portal;

    [Fact]
    public async Task A_saved_meeting_survives_a_sigkill_of_the_portal()
    {
        const string title = "Hội nghị lưu trước khi máy mất điện";
        await StartAsync();
        using (var client = NewClient())
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostSignInAsync("thuky.kyphuong", PortalFactory.DemoPassword)).StatusCode);
            var form = await HtmlForm.LoadAsync(client, "/Meetings/Create");
            form["Input.Title"] = title;
            form["Input.Speeches[0].Content"] = "Nội dung phát biểu";
            Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(client, "save")).StatusCode);
        }

        // Process.Kill sends SIGKILL on Linux: no shutdown hooks, no flushing.
        _portal!.Kill(entireProcessTree: true);
        await _portal.WaitForExitAsync();
        _portal.Dispose();

        await StartAsync();
        using var again = NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await again.PostSignInAsync("thuky.kyphuong", PortalFactory.DemoPassword)).StatusCode);
        var found = (await again.GetHtmlAsync("/Meetings?q=" + Uri.EscapeDataString(title))).MeetingTitles();
        Assert.Contains(title, found);
    }

    private HttpClient NewClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };

    private async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", ["MeetingPortal.Web.dll"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_port}";
        start.Environment["Storage__DataDirectory"] = _dataDirectory;
        start.Environment["Seeding__DemoData__Enabled"] = "true";
        start.Environment["Seeding__DemoData__Password"] = PortalFactory.DemoPassword;
        start.Environment["Monitoring__Enabled"] = "false";
        _portal = Process.Start(start)!;
        _portal.OutputDataReceived += (_, _) => { };
        _portal.ErrorDataReceived += (_, _) => { };
        _portal.BeginOutputReadLine();
        _portal.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            Assert.False(_portal.HasExited, $"The portal exited with code {(_portal.HasExited ? _portal.ExitCode : 0)}.");
            try
            {
                if ((await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail("The portal did not answer /health within a minute.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (_portal is { HasExited: false })
        {
            _portal.Kill(entireProcessTree: true);
            _portal.WaitForExit();
        }

        _portal?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder later.
        }
    }
}
