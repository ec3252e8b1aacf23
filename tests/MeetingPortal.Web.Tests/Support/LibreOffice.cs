using System.Diagnostics;

namespace MeetingPortal.Web.Tests.Support;

/// <summary>
/// LibreOffice Writer run headless to turn the portal's DOCX files into PDF, and poppler's pdfinfo and pdftotext to read
/// the pages back: what a secretary who opens the file in LibreOffice sees, page by page. Needs
/// <c>libreoffice-writer-nogui</c> and <c>poppler-utils</c> (Debian; <c>.ci/run</c> installs them).
/// </summary>
public static class LibreOffice
{
    private static readonly string[] Installed = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"];

    /// <summary>One converted document: its pages' text in order (the footer's page number included).</summary>
    public sealed record Rendered(string Name, IReadOnlyList<string> Pages)
    {
        /// <summary>Every page's text joined, spaces and line breaks folded to single spaces.</summary>
        public string Text => Folded(string.Join(' ', Pages));

        /// <summary>Whitespace runs (line wraps of the PDF) as single spaces.</summary>
        public static string Folded(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// Converts each named DOCX to PDF in one LibreOffice run (its own profile, so parallel runs do not share a lock), then
    /// reads every page's text. Fails with the tool's output when a tool is missing or the conversion fails.
    /// </summary>
    public static async Task<IReadOnlyList<Rendered>> RenderAsync(IReadOnlyDictionary<string, byte[]> documents)
    {
        var soffice = Installed.FirstOrDefault(File.Exists);
        Assert.True(soffice is not null, "LibreOffice is not installed: apt-get install -y libreoffice-writer-nogui poppler-utils (.ci/run does it).");
        var directory = Directory.CreateTempSubdirectory("meetingportal-lo-");
        try
        {
            var files = new List<string>();
            foreach (var (name, bytes) in documents)
            {
                var path = Path.Combine(directory.FullName, name + ".docx");
                await File.WriteAllBytesAsync(path, bytes);
                files.Add(path);
            }

            var profile = new Uri(Path.Combine(directory.FullName, "profile")).AbsoluteUri;
            await RunAsync(soffice!, ["--headless", "--norestore", $"-env:UserInstallation={profile}", "--convert-to", "pdf", "--outdir", directory.FullName, .. files], TimeSpan.FromMinutes(3));

            var rendered = new List<Rendered>();
            foreach (var name in documents.Keys)
            {
                var pdf = Path.Combine(directory.FullName, name + ".pdf");
                Assert.True(File.Exists(pdf), $"LibreOffice wrote no PDF for {name}.");
                var info = await RunAsync("pdfinfo", [pdf], TimeSpan.FromSeconds(30));
                var pageCount = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                var text = await RunAsync("pdftotext", ["-enc", "UTF-8", pdf, "-"], TimeSpan.FromSeconds(30));
                // pdftotext ends each page with a form feed.
                var pages = text.Split('\f').Take(pageCount).ToList();
                Assert.Equal(pageCount, pages.Count);
                rendered.Add(new Rendered(name, pages));
            }

            return rendered;
        }
        finally
        {
            // MEETINGPORTAL_KEEP_RENDERED=<folder> keeps the DOCX and PDF files there, to look at a failure.
            if (Environment.GetEnvironmentVariable("MEETINGPORTAL_KEEP_RENDERED") is { Length: > 0 } keep)
            {
                Directory.CreateDirectory(keep);
                foreach (var file in directory.EnumerateFiles())
                {
                    file.CopyTo(Path.Combine(keep, file.Name), overwrite: true);
                }
            }

            directory.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string tool, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within {timeout}.");
        }

        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {await error}");
        return await output;
    }
}
