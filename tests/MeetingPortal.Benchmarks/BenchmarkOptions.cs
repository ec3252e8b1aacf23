using MeetingPortal.DataGenerator;

namespace MeetingPortal.Benchmarks;

public sealed record BenchmarkOptions(
    GeneratorScale Scale, int Seed, DateOnly AsOf, string DataDirectory, TimeSpan Duration, int MinimumRequests, TimeSpan Limit, int WarmUp,
    IReadOnlyList<int> Clients, string Output, bool Smoke, string? Only = null)
{
    /// <summary>The as-of date of the generated data: fixed, so a data set and its figures can be compared across runs.</summary>
    public static readonly DateOnly DefaultAsOf = new(2026, 11, 21);

    public static BenchmarkOptions? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var smoke = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--smoke")
            {
                smoke = true;
            }
            else if (i + 1 < args.Length)
            {
                values[args[i].TrimStart('-')] = args[++i];
            }
            else
            {
                return null;
            }
        }

        var scale = GeneratorScale.Parse(values.GetValueOrDefault("scale") ?? (smoke ? "ward" : "province"));
        if (scale is null || !int.TryParse(values.GetValueOrDefault("seed") ?? "1", out var seed)
            || !int.TryParse(values.GetValueOrDefault("seconds") ?? (smoke ? "1" : "10"), out var seconds) || seconds < 1)
        {
            return null;
        }

        var data = values.GetValueOrDefault("data") ?? Path.Combine(Path.GetTempPath(), "meetingportal-bench", $"{scale.Name}-{seed}");
        var output = values.GetValueOrDefault("out")
            ?? (smoke || values.ContainsKey("only") ? Path.Combine(data, "benchmarks.md") : Path.Combine(RepositoryRoot(), "docs", "benchmarks.md"));
        return new BenchmarkOptions(scale, seed, DefaultAsOf, Path.GetFullPath(data), TimeSpan.FromSeconds(seconds), smoke ? 3 : 40,
            TimeSpan.FromSeconds(smoke ? 30 : 120), smoke ? 2 : 10, [1, 8], Path.GetFullPath(output), smoke, values.GetValueOrDefault("only"));
    }

    /// <summary>The folder holding MeetingPortal.sln, found upwards from where the benchmark runs.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "MeetingPortal.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("run the benchmark from inside the repository");
    }
}
