using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MeetingPortal.Benchmarks;

/// <summary>
/// The portal published in Release and run as its own process on the generated database, so its
/// working set is its own and the benchmark's clients do not share its thread pool.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CancellationTokenSource _sampling = new();
    private readonly Task _sampler;

    private PortalServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _sampler = Task.Run(SampleAsync);
    }

    public Uri Address { get; }

    public long PeakWorkingSet { get; private set; }

    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public static async Task<string> PublishAsync(string repositoryRoot, string outputDirectory)
    {
        var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", Path.Combine(repositoryRoot, "src", "MeetingPortal.Web"), "-c", "Release", "-o", outputDirectory, "--nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"publishing the portal failed:\n{await output}\n{await errors}");
        }

        return outputDirectory;
    }

    public static async Task<PortalServer> StartAsync(string publishDirectory, string dataDirectory)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(publishDirectory, "MeetingPortal.Web.dll")])
        {
            WorkingDirectory = publishDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Production settings except cookies over plain HTTP ("Testing"), no demo accounts, no hourly check mid-run.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["Seeding__DemoData__Enabled"] = "false";
        start.Environment["Monitoring__Enabled"] = "false";
        start.Environment["Security__SignInAttemptsPerMinute"] = "10000";
        var process = Process.Start(start)!;
        // The portal logs every request; its output is read and dropped so the pipe never fills.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var address = new Uri($"http://127.0.0.1:{port}");
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            try
            {
                if ((await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return new PortalServer(process, address);
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(500);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("the portal did not answer /health within two minutes");
    }

    private async Task SampleAsync()
    {
        while (!_sampling.IsCancellationRequested)
        {
            try
            {
                PeakWorkingSet = Math.Max(PeakWorkingSet, WorkingSet);
                await Task.Delay(100, _sampling.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (InvalidOperationException)
            {
                return;
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool _disposed;

    /// <summary>Stops the server; a second call does nothing (the benchmark stops it before timing the due-date check).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _sampling.CancelAsync();
        await _sampler;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _sampling.Dispose();
    }
}
