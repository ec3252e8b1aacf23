using System.Collections.Concurrent;
using System.Globalization;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace MeetingPortal.Application.Reports;

/// <summary>
/// The process-wide store of computed summaries (singleton): at most <see cref="Capacity"/> entries, each kept an hour
/// after its last use, and the computations running now, so that eight leaders opening the same summary at once wait
/// for one computation rather than run eight (issue 15, deliver 9).
/// </summary>
public sealed class SummaryCacheStore : IDisposable
{
    /// <summary>How many summaries are kept.</summary>
    public const int Capacity = 2_000;

    /// <summary>One entry per summary (unit, period, day, culture): the newest computation and the generation it was computed at.</summary>
    internal MemoryCache Entries { get; } = new(new MemoryCacheOptions { SizeLimit = Capacity });

    internal ConcurrentDictionary<string, Lazy<Task<ComputedSummary>>> Running { get; } = new(StringComparer.Ordinal);

    public void Dispose() => Entries.Dispose();
}

/// <summary>
/// A unit's summary for a period, computed once per change of the records and reused (ADR 0016). The key holds the
/// unit (id and path), the period, the page's period query, the Vietnam date (due dates and "overdue" are judged
/// against today), the UI culture (the document's words) and the newest <see cref="FigureChange"/> id, which every
/// save of a counted record advances in its own transaction: a late answer to a closed period, a renamed body, a new
/// holiday all make the next reader compute afresh, on every server, because the generation is read from the database.
/// The caller has checked that the user may read the unit's summaries.
/// </summary>
public sealed class SummaryCache(SummaryCacheStore store, MeetingPortalDbContext db, SummaryDocuments documents, CalendarService calendar)
{
    /// <summary>The newest figures generation: the id of the last saved <see cref="FigureChange"/>, 0 before any.</summary>
    public async Task<long> GenerationAsync(CancellationToken cancellationToken) =>
        await db.FigureChanges.AsNoTracking().MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;

    private static long Generation(string? key) =>
        key is not null && long.TryParse(key.AsSpan(key.LastIndexOf('|') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : -1;

    /// <summary>
    /// The summary of <paramref name="unit"/>'s subtree for <paramref name="period"/>, from the store when nothing
    /// counted has changed since it was computed, else computed now (<see cref="SummaryDocuments.ComputeAsync"/>).
    /// </summary>
    /// <remarks>With <paramref name="then"/> (ADR 0018, "as the units stood then") the tree's day is part of the key.</remarks>
    public async Task<ComputedSummary> GetAsync(UnitScope unit, string unitName, ReportPeriod period, IReadOnlyDictionary<string, string> periodQuery, CancellationToken cancellationToken, TreeThen? then = null)
    {
        var generation = await GenerationAsync(cancellationToken);
        // The generation is not part of the entry's key but of its value: a change replaces the summary's one entry
        // instead of leaving the old figures in memory until they expire.
        var summaryKey = string.Join('|',
            unit.UnitId.ToString(CultureInfo.InvariantCulture), unit.Path, unitName, period.Start.ToString("O", CultureInfo.InvariantCulture), period.End.ToString("O", CultureInfo.InvariantCulture),
            period.Statutory?.ToString() ?? "range", string.Join('&', periodQuery.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
            calendar.Today.ToString("O", CultureInfo.InvariantCulture), CultureInfo.CurrentUICulture.Name,
            then is null ? "now" : "then " + then.Day.ToString("O", CultureInfo.InvariantCulture));
        var key = summaryKey + "|" + generation.ToString(CultureInfo.InvariantCulture);
        if (store.Entries.TryGetValue(summaryKey, out ComputedSummary? cached) && cached is not null && cached.Key == key)
        {
            return cached;
        }

        // One computation per key at a time. It runs on the scope of the request that started it, which awaits it to
        // the end whatever happens to its client; a request that only waits may give up, or compute for itself when
        // the other one failed.
        var mine = new Lazy<Task<ComputedSummary>>(() => documents.ComputeAsync(unit, unitName, period, periodQuery, CancellationToken.None, then));
        var running = store.Running.GetOrAdd(key, mine);
        ComputedSummary computed;
        if (ReferenceEquals(running, mine))
        {
            try
            {
                computed = await mine.Value;
            }
            finally
            {
                store.Running.TryRemove(new KeyValuePair<string, Lazy<Task<ComputedSummary>>>(key, mine));
            }
        }
        else
        {
            try
            {
                computed = await running.Value.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                computed = await documents.ComputeAsync(unit, unitName, period, periodQuery, cancellationToken, then);
            }
        }

        computed = computed with { Key = key };
        // A slower computation of an older generation does not replace a newer one.
        if (!store.Entries.TryGetValue(summaryKey, out ComputedSummary? stored) || stored is null || Generation(stored.Key) <= generation)
        {
            store.Entries.Set(summaryKey, computed, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        }
        return computed;
    }
}
