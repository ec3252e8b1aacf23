using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MeetingPortal.Web.Tests.Support;

/// <summary>
/// The portal as its own process (the Web build output copied beside the tests, run with dotnet) on a
/// loopback port, for tests that need what one process cannot show: a kill, a restart, two servers.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private PortalProcess(Process process, int port)
    {
        _process = process;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>http://127.0.0.1:port of this server.</summary>
    public Uri Address { get; }

    /// <summary>What the process wrote so far (console log lines), for a failing assertion's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>
    /// Starts the portal in the Testing environment on <paramref name="dataDirectory"/> with the demo
    /// accounts (test password) and waits until /health answers 200 (at most a minute).
    /// <paramref name="settings"/> are further configuration keys ("Monitoring:Enabled" ...).
    /// </summary>
    public static async Task<PortalProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", ["MeetingPortal.Web.dll"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["Seeding__DemoData__Enabled"] = "true";
        start.Environment["Seeding__DemoData__Password"] = PortalFactory.DemoPassword;
        start.Environment["Monitoring__Enabled"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var portal = new PortalProcess(Process.Start(start)!, port);
        portal._process.OutputDataReceived += (_, e) => portal.Keep(e.Data);
        portal._process.ErrorDataReceived += (_, e) => portal.Keep(e.Data);
        portal._process.BeginOutputReadLine();
        portal._process.BeginErrorReadLine();
        await portal.WaitUntilHealthyAsync();
        return portal;
    }

    /// <summary>A client of this server with its own cookie jar, redirects not followed.</summary>
    public HttpClient NewClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer() }) { BaseAddress = Address };

    /// <summary>SIGKILL on Linux: no shutdown hooks, no flushing (a power cut, an OOM kill).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {_process.ExitCode}:\n{Output}");
            }

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
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException("The portal did not answer /health within a minute:\n" + Output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
