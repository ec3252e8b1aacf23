using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>A file built for download: its bytes and its name without extension.</summary>
public sealed record GeneratedFile(byte[] Bytes, string Name);

/// <summary>
/// Documents built from stored records that only change when the record does (an official report's DOCX changes with
/// its revision), kept in memory and built once per key however many people download them at once (issue 15, deliver
/// 9: a province report with 2,659 overdue items took 650 ms of CPU and several hundred MB to build, per download).
/// A key must name everything the document is drawn from; an entry unused for an hour, or the oldest beyond
/// <see cref="CapacityBytes"/>, is dropped and built again on the next download.
/// </summary>
public sealed class GeneratedDocumentCache : IDisposable
{
    /// <summary>The most the kept documents may weigh together, in bytes.</summary>
    public const long CapacityBytes = 64L * 1024 * 1024;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = CapacityBytes });
    private readonly ConcurrentDictionary<string, Lazy<Task<GeneratedFile?>>> _building = new(StringComparer.Ordinal);

    /// <summary>
    /// The file of <paramref name="key"/>, built by <paramref name="build"/> when it is not kept; null (not kept) when
    /// the build says there is nothing to build. Whatever the build throws reaches every caller waiting for the key,
    /// and the next call builds again.
    /// </summary>
    /// <param name="key">Everything the document is drawn from (record id and revision, names printed in it).</param>
    /// <param name="build">Builds the file; it runs once per key at a time and is not cancelled by one caller leaving.</param>
    public async Task<GeneratedFile?> GetOrBuildAsync(string key, Func<Task<GeneratedFile?>> build)
    {
        if (_entries.TryGetValue(key, out GeneratedFile? kept) && kept is not null)
        {
            return kept;
        }

        var building = _building.GetOrAdd(key, _ => new Lazy<Task<GeneratedFile?>>(build, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            var file = await building.Value;
            if (file is not null)
            {
                _entries.Set(key, file, new MemoryCacheEntryOptions { Size = Math.Max(1, file.Bytes.LongLength), SlidingExpiration = TimeSpan.FromHours(1) });
            }

            return file;
        }
        finally
        {
            _building.TryRemove(new KeyValuePair<string, Lazy<Task<GeneratedFile?>>>(key, building));
        }
    }

    /// <inheritdoc />
    public void Dispose() => _entries.Dispose();
}
