using MeetingPortal.Infrastructure.Seeding;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// Administrator commands run instead of the web server:
/// <c>dotnet run --project src/MeetingPortal.Web -- import a.json b.json</c>.
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == "import";

    /// <summary>Imports each file in its own transaction and prints a report; exit code 1 when any file was refused.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var files = args.Skip(1).ToList();
        if (files.Count == 0)
        {
            await output.WriteLineAsync("usage: import <file.json> [<file.json> ...]");
            return 2;
        }

        var failed = 0;
        foreach (var file in files)
        {
            await using var scope = services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<InterchangeImporter>();
            ImportResult result;
            if (!File.Exists(file))
            {
                result = new ImportResult(file);
                result.Errors.Add("file not found");
            }
            else
            {
                result = await importer.ImportJsonAsync(await File.ReadAllTextAsync(file), file);
            }

            await output.WriteLineAsync($"{file}: {(result.Succeeded ? "imported" : "REFUSED")}, {result.Created.Count} created, {result.Skipped.Count} skipped");
            foreach (var line in result.Created.Select(c => "  + " + c).Concat(result.Skipped.Select(s => "  = " + s)).Concat(result.Errors.Select(e => "  ! " + e)))
            {
                await output.WriteLineAsync(line);
            }

            failed += result.Succeeded ? 0 : 1;
        }

        return failed == 0 ? 0 : 1;
    }
}
