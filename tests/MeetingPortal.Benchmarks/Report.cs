using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace MeetingPortal.Benchmarks;

/// <param name="NotComparable">Why the floor cannot be set beside the page (planner statistics changed during the row); null when it can.</param>
public sealed record ReportRow(Scenario Scenario, IReadOnlyDictionary<int, Figures> Figures, Figures Raw, string? NotComparable)
{
    /// <summary>Page over floor at one client, medians: how much the page adds to the SQL it cannot avoid.</summary>
    public double Ratio => Figures[1].P50 / Math.Max(Raw.P50, 0.001);

    /// <summary>What the page spends outside the SQL it needs: HTTP, sign-in cookie, EF Core, rendering.</summary>
    public double OutsideSql => Figures[1].P50 - Raw.P50;

    public bool? MeetsTarget => Scenario.TargetP95 is { } target ? Figures[1].P95 <= target && (Scenario.TargetP95At8 is not { } at8 || Figures[8].P95 <= at8) : null;

    public string ToConsole() => string.Create(CultureInfo.InvariantCulture,
        $"{Scenario.Name,-52} 1 client p50 {Figures[1].P50,7:F1} p95 {Figures[1].P95,7:F1} ms | 8 clients p95 {Figures[8].P95,7:F1} ms {Figures[8].PerSecond,6:F1}/s | raw p50 {Raw.P50,6:F1} ms | {(NotComparable is null ? $"x{Ratio:F1}" : "not comparable: " + NotComparable)}");
}

public static class Report
{
    private const long MiB = 1024 * 1024;
    private const double WorkingSetTargetMiB = 300;
    private const double RatioTarget = 3;

    public static string Markdown(BenchmarkOptions options, Subjects subjects, IReadOnlyList<ReportRow> rows, IReadOnlyDictionary<int, Figures> ceiling,
        Figures baseline, long peakWorkingSet, long workingSetAfter, IReadOnlyList<(string Table, long Rows)> counts,
        (double FirstMs, int Added, double SecondMs, int AddedAgain) dueDateCheck)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks").AppendLine();
        var arguments = options.Smoke ? " -- --smoke"
            : options.Scale.Name == "province" && options.Duration.TotalSeconds == 10 ? string.Empty
            : $" -- --scale {options.Scale.Name} --seconds {options.Duration.TotalSeconds:F0}";
        text.AppendLine(c, $"Written by `dotnet run -c Release --project tests/MeetingPortal.Benchmarks{arguments}` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Do not edit by hand; run it again.").AppendLine();
        text.AppendLine("## Machine and data").AppendLine();
        text.AppendLine(c, $"- {Environment.ProcessorCount} cores ({CpuModel()}), {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / MiB / 1024.0:F1} GiB memory, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        var rowCounts = string.Join(", ", counts.Select(x => string.Create(c, $"{x.Rows:N0} {x.Table}")));
        text.AppendLine(c, $"- SQLite (embedded default), scale **{options.Scale.Name}**, seed {options.Seed}, data as of {options.AsOf:yyyy-MM-dd}: {rowCounts}");
        text.AppendLine(c, $"- Each figure: at least {options.Duration.TotalSeconds:F0} s and {options.MinimumRequests} requests after {options.WarmUp} warm-up requests; summaries are for Q{subjects.Quarter}/{subjects.Year} with the quarter before.");
        text.AppendLine("- Raw SQL: the statements the page needs, written by hand (benchmark `Scenarios.cs`), read to the last column on a read-only, unpooled connection to the same file opened for that row (so it plans with the statistics the portal analysed), one client.");
        text.AppendLine(c, $"- Ceiling: `/health/live` of the same server (no database): p50 {ceiling[1].P50:F2} ms, {ceiling[1].PerSecond:F0}/s at 1 client; {ceiling[8].PerSecond:F0}/s at 8.");
        text.AppendLine(c, $"- Signed-in baseline: `/Notifications` (sign-in cookie, one indexed query, the layout with its notification count): p50 {baseline.P50:F2} ms, p95 {baseline.P95:F2} ms.").AppendLine();

        text.AppendLine("## Pages").AppendLine();
        text.AppendLine("| Page | p50 ms (1) | p95 ms (1) | req/s (1) | p50 ms (8) | p95 ms (8) | req/s (8) | raw SQL p50 ms | page / raw | outside SQL ms | p95 target | met |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in rows)
        {
            var one = row.Figures[1];
            var eight = row.Figures[8];
            var target = row.Scenario.TargetP95 is { } t ? (row.Scenario.TargetP95At8 is { } t8 ? $"≤ {t:F0} ms (1), ≤ {t8:F0} ms (8)" : $"≤ {t:F0} ms") : "—";
            var met = row.MeetsTarget switch { true => "yes", false => "**no**", null => "—" };
            // A floor measured under other planner statistics than its page is no floor: no ratio is printed for it.
            var ratio = row.NotComparable is not null ? "n/c" : row.Ratio <= RatioTarget ? $"{row.Ratio:F1}" : $"**{row.Ratio:F1}**";
            var outside = row.NotComparable is not null ? "n/c" : row.OutsideSql.ToString("F1", c);
            text.AppendLine(c, $"| {row.Scenario.Name} | {one.P50:F1} | {one.P95:F1} | {one.PerSecond:F1} | {eight.P50:F1} | {eight.P95:F1} | {eight.PerSecond:F1} | {row.Raw.P50:F2} | {ratio} | {outside} | {target} | {met} |");
        }

        text.AppendLine();
        var failures = rows.Sum(r => r.Figures.Values.Sum(f => f.Failures));
        text.AppendLine(c, $"Server working set: peak {peakWorkingSet / MiB} MB, {workingSetAfter / MiB} MB after the run (target ≤ {WorkingSetTargetMiB:F0} MB after the run: {(workingSetAfter / MiB <= WorkingSetTargetMiB ? "met" : "**not met**")}). Failed requests: {failures}.").AppendLine();
        text.AppendLine(c, $"Pages over {RatioTarget:F0}× their raw SQL and targets not met are in bold.").AppendLine();
        foreach (var row in rows.Where(r => r.NotComparable is not null))
        {
            text.AppendLine(c, $"n/c (not comparable), {row.Scenario.Name}: {row.NotComparable}.").AppendLine();
        }

        text.AppendLine(c, $"Due-date check (the hourly job, in process on a copy of the data set): first run {dueDateCheck.FirstMs:F0} ms, adding {dueDateCheck.Added:N0} notifications; the next run {dueDateCheck.SecondMs:F0} ms, adding {dueDateCheck.AddedAgain:N0}.").AppendLine();
        text.AppendLine("Reading the ratio: the raw SQL holds every statement the page sends, the layout's notification count included.");
        text.AppendLine("\"Outside SQL\" is the page's median less the floor's: HTTP, the sign-in cookie, EF Core and Razor. Every signed-in");
        text.AppendLine("page pays part of it (the baseline above), so where the floor is under about half a millisecond the page cannot stay");
        text.AppendLine("within three times it; those ratios say more about the framework than about the queries.");
        return text.ToString();
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }
}
