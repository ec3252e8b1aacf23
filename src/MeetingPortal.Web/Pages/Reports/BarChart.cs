namespace MeetingPortal.Web.Pages.Reports;

/// <summary>A horizontal bar chart drawn as SVG on the server; every bar carries its value as text.</summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<(string Label, double Value, string Text)> Bars)
{
    public const int LabelWidth = 260;
    public const int BarArea = 360;
    public const int RowHeight = 26;

    public int Height => (Bars.Count * RowHeight) + 10;

    public double Max => Bars.Count == 0 ? 1 : Math.Max(1, Bars.Max(b => b.Value));

    public double Width(double value) => value <= 0 ? 0 : Math.Max(2, value / Max * BarArea);
}
