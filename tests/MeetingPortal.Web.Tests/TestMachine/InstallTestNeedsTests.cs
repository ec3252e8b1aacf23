using System.Diagnostics;

namespace MeetingPortal.Web.Tests.TestMachine;

/// <summary>
/// tests/install-test-needs.sh, which the test project's build and .ci/run call (issue 17, deliver 8): on a machine
/// that cannot install, it stops with one line naming the packages instead of letting every browser test fail.
/// </summary>
public class InstallTestNeedsTests
{
    private static string Script
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "install-test-needs.sh")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("tests/install-test-needs.sh was not found."), "install-test-needs.sh");
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("bash", [Script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task A_machine_with_everything_passes_silently()
    {
        var (exitCode, output, error) = await RunAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, output + error);
    }

    [Fact]
    public async Task A_missing_browser_that_cannot_be_installed_is_named_in_one_line()
    {
        var (exitCode, output, error) = await RunAsync(("MEETINGPORTAL_CHROMIUM", "/nonexistent/chromium"), ("MEETINGPORTAL_NO_INSTALL", "1"));

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith("sudo apt-get install -y chromium", line);
    }
}
