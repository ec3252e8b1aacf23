namespace MeetingPortal.Domain.Common;

/// <summary>
/// A stretch of Vietnam days during which something held one name (and one place in the tree): from
/// <see cref="ValidFrom"/> inclusive to <see cref="ValidTo"/> exclusive, both Vietnam dates (<see cref="VietnamTime"/>);
/// null at either end means unbounded (since the thing is known, or still today). The spans of one thing follow one
/// another without gap or overlap: a change on day D ends the open span at D and opens the next at D (ADR 0018).
/// </summary>
public abstract class DatedSpan
{
    /// <summary>The longest legal basis or reason kept with a span ("Nghị quyết 202/2025/QH15").</summary>
    public const int BasisMaxLength = 500;

    /// <summary>Creates a span from <paramref name="validFrom"/> (inclusive, null for unbounded), still open.</summary>
    protected DatedSpan(string name, DateOnly? validFrom, string? basis)
    {
        Name = name;
        ValidFrom = validFrom;
        Basis = basis;
    }

    /// <summary>The row's key.</summary>
    public int Id { get; private set; }

    /// <summary>The name held during the span, as written then ("Tỉnh Thừa Thiên Huế").</summary>
    public string Name { get; internal set; }

    /// <summary>First Vietnam day of the span (inclusive); null when the span reaches back without bound.</summary>
    public DateOnly? ValidFrom { get; private set; }

    /// <summary>First Vietnam day after the span (exclusive); null while the span is open (today's name).</summary>
    public DateOnly? ValidTo { get; internal set; }

    /// <summary>The decision or reason that opened the span ("Nghị quyết 1314/NQ-UBTVQH15"), null for the first one.</summary>
    public string? Basis { get; internal set; }

    /// <summary>Whether Vietnam day <paramref name="day"/> lies in the span: from inclusive, to exclusive.</summary>
    public bool Covers(DateOnly day) => Covers(ValidFrom, ValidTo, day);

    /// <summary>The one rule for a span [<paramref name="from"/>, <paramref name="to"/>) holding <paramref name="day"/>; null ends are unbounded.</summary>
    public static bool Covers(DateOnly? from, DateOnly? to, DateOnly day) => (from is null || from <= day) && (to is null || day < to);

    /// <summary>
    /// The span that holds on <paramref name="day"/> among one thing's <paramref name="spans"/> (ADR 0018): the one
    /// covering it; for a day before the first span (a record dated before the thing was known) the first one; for a
    /// day after the last span closed (a unit merged away) the last one; null when there are no spans at all.
    /// </summary>
    public static T? On<T>(IEnumerable<T> spans, DateOnly day) where T : DatedSpan
    {
        var ordered = spans.OrderBy(s => s.ValidFrom ?? DateOnly.MinValue).ToList();
        if (ordered.Count == 0)
        {
            return null;
        }

        return ordered.FirstOrDefault(s => s.Covers(day))
            ?? (ordered[0].ValidFrom is { } first && day < first ? ordered[0] : ordered[^1]);
    }

    /// <summary>
    /// Opens a new span from <paramref name="from"/> after the open one in <paramref name="spans"/>, which ends at
    /// <paramref name="from"/>; a change dated on the open span's first day replaces it instead (a correction of the
    /// same day). Refused (<see cref="DomainException"/>) when dated before the open span began, since history is not
    /// rewritten, or after <paramref name="today"/>, since today's name is the open span's. Returns the span to add,
    /// or null when the open span was corrected in place.
    /// </summary>
    public static T? Follow<T>(IList<T> spans, DateOnly from, DateOnly today, string? basis, Func<T> next, Action<T> correct) where T : DatedSpan
    {
        if (from > today)
        {
            throw new DomainException("span.future", "A change is recorded on or after the day it takes effect.");
        }

        var open = spans.SingleOrDefault(s => s.ValidTo is null);
        if (open?.ValidFrom is { } openFrom && from < openFrom)
        {
            throw new DomainException("span.before-open", "A change cannot be dated before the current name took effect.");
        }

        if (open is not null && open.ValidFrom == from)
        {
            correct(open);
            open.Basis = basis ?? open.Basis;
            return null;
        }

        if (open is not null)
        {
            open.ValidTo = from;
        }

        var added = next();
        spans.Add(added);
        return added;
    }

    /// <summary>
    /// Whether <paramref name="spans"/>, in order, are one thing's history by the rule of ADR 0018: at least one span, each
    /// ending after it begins, each after the first beginning on the day the one before ended (no gap, no overlap), and the
    /// last still open (today's name).
    /// </summary>
    public static bool IsChain<T>(IReadOnlyList<T> spans) where T : DatedSpan
    {
        if (spans.Count == 0 || spans[^1].ValidTo is not null)
        {
            return false;
        }

        for (var i = 0; i < spans.Count; i++)
        {
            if (spans[i].ValidFrom is { } from && spans[i].ValidTo is { } to && to <= from)
            {
                return false;
            }

            if (i > 0 && (spans[i].ValidFrom is null || spans[i - 1].ValidTo != spans[i].ValidFrom))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Restores a history read from another installation (the interchange format, version 4) into <paramref name="spans"/>:
    /// nothing when the same history is already kept (an import read twice adds nothing); the whole of
    /// <paramref name="incoming"/> when nothing is known beyond today's name (no spans, or the one unbounded span a row
    /// gets when its history starts) and its open span is the thing's present name and place (<paramref name="isPresent"/>).
    /// Any other difference is a conflicting history and is refused: a history is not rewritten, as <see cref="Follow{T}"/>
    /// does not rewrite it. Errors: <c>naming.chain</c> (spans overlap, leave a gap or none is open: <see cref="IsChain{T}"/>),
    /// <c>naming.conflict</c> (another history is kept, or today's name or place differs). Returns whether spans were added.
    /// </summary>
    public static bool Restore<T>(IList<T> spans, IReadOnlyList<T> incoming, Func<T, T, bool> samePlace, Func<T, bool> isPresent) where T : DatedSpan
    {
        if (!IsChain(incoming))
        {
            throw new DomainException("naming.chain", "The spans of a history follow one another without gap or overlap, and the last is open.");
        }

        var kept = spans.OrderBy(s => s.ValidFrom ?? DateOnly.MinValue).ToList();
        if (kept.Count == incoming.Count && kept.Zip(incoming).All(p => p.First.ValidFrom == p.Second.ValidFrom && p.First.ValidTo == p.Second.ValidTo
            && p.First.Name == p.Second.Name && p.First.Basis == p.Second.Basis && samePlace(p.First, p.Second)))
        {
            return false;
        }

        var nothingKnown = kept.Count == 0 || (kept.Count == 1 && kept[0].ValidFrom is null && kept[0].ValidTo is null && isPresent(kept[0]));
        if (!nothingKnown || !isPresent(incoming[^1]))
        {
            throw new DomainException("naming.conflict", "Another history, or another present name or place, is already kept.");
        }

        spans.Clear();
        foreach (var span in incoming)
        {
            spans.Add(span);
        }

        return true;
    }
}
