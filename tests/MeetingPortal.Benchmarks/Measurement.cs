using System.Diagnostics;

namespace MeetingPortal.Benchmarks;

public sealed record Figures(int Requests, int Failures, double P50, double P95, double PerSecond);

/// <summary>Runs one operation from N concurrent workers for a while and reports latency percentiles and throughput.</summary>
public static class Measurement
{
    public static async Task<Figures> RunAsync(Func<Task<bool>> operation, int clients, TimeSpan duration, int minimumRequests, TimeSpan limit)
    {
        var latencies = new List<double>();
        var failures = 0;
        var gate = new object();
        var clock = Stopwatch.StartNew();
        var completed = 0;

        async Task WorkerAsync()
        {
            // Each worker keeps going until the duration is over and enough samples exist for a 95th percentile.
            while ((clock.Elapsed < duration || Volatile.Read(ref completed) < minimumRequests) && clock.Elapsed < limit)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await operation();
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (gate)
                {
                    latencies.Add(elapsed);
                    if (!ok)
                    {
                        failures++;
                    }
                }

                Interlocked.Increment(ref completed);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(WorkerAsync)));
        var seconds = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        return new Figures(latencies.Count, failures, Percentile(latencies, 0.50), Percentile(latencies, 0.95), latencies.Count / seconds);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double share) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
}
