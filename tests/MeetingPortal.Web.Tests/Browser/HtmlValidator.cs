using System.Diagnostics;

namespace MeetingPortal.Web.Tests.Browser;

/// <summary>Runs html-validate (npm, "standard" preset: conformance to the HTML standard) over page sources.</summary>
public static class HtmlValidator
{
    private static readonly string[] Arguments = ["node_modules/html-validate/bin/html-validate.mjs", "--config", ".htmlvalidate.json", "--formatter", "text"];

    private static string ProjectDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "package.json")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("The test project's package.json was not found.");
        }
    }

    /// <summary>Returns html-validate's report, or an empty string when every page conforms.</summary>
    public static async Task<string> ValidateAsync(IReadOnlyDictionary<string, string> pages)
    {
        var folder = Directory.CreateTempSubdirectory("mp-html-");
        try
        {
            var files = new List<string>();
            foreach (var (name, html) in pages)
            {
                var file = Path.Combine(folder.FullName, name + ".html");
                await File.WriteAllTextAsync(file, html);
                files.Add(file);
            }

            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = ProjectDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in Arguments.Concat(files))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? string.Empty : output + errors;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
