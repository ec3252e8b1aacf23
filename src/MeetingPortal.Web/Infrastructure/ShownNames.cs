using MeetingPortal.Domain.Common;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>Orders bodies shown by their names of the meeting's day, which only the page knows, not the query (ADR 0021).</summary>
public static class ShownNames
{
    /// <summary>
    /// Reorders two parallel lists, bodies' ids and the names shown for them, by name in Vietnamese order
    /// (<see cref="VietnameseOrder.Names"/>), then by id.
    /// </summary>
    public static void OrderTogether(List<int> ids, List<string> names)
    {
        var pairs = ids.Zip(names).OrderBy(p => p.Second, VietnameseOrder.Names).ThenBy(p => p.First).ToList();
        ids.Clear();
        ids.AddRange(pairs.Select(p => p.First));
        names.Clear();
        names.AddRange(pairs.Select(p => p.Second));
    }
}
