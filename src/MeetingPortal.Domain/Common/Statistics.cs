namespace MeetingPortal.Domain.Common;

public static class Statistics
{
    /// <summary>The middle value (mean of the two middle ones for an even count); null for no values.</summary>
    public static double? Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
