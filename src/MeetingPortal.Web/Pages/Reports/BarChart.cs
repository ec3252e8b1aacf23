namespace MeetingPortal.Web.Pages.Reports;

/// <summary>
/// A horizontal bar chart: one row per bar with its label and its value as text, and the bar drawn as a stretched SVG
/// (Pages/Reports/_BarChart). The text is HTML so that it keeps its size on a phone (issue 17, deliver 3): an SVG
/// drawing scaled to the screen shrank it to about 5 px at 390 px.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<(string Label, double Value, string Text)> Bars)
{
    /// <summary>The bar's drawing width in SVG units: the longest bar spans it, the row's track stretches it to its width.</summary>
    public const int BarArea = 360;

    /// <summary>The largest value, which spans <see cref="BarArea"/> (at least 1, so that an all-zero chart draws no bar).</summary>
    public double Max => Bars.Count == 0 ? 1 : Math.Max(1, Bars.Max(b => b.Value));

    /// <summary>A bar's length in SVG units: proportional to <see cref="Max"/>, at least 2 so that a small value shows, 0 for none.</summary>
    public double Width(double value) => value <= 0 ? 0 : Math.Max(2, value / Max * BarArea);
}
