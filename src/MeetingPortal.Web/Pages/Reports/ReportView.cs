using MeetingPortal.Application.Reports;

namespace MeetingPortal.Web.Pages.Reports;

/// <summary>
/// A summary document to draw: with its links (the live summary) or without (a frozen official report).
/// <paramref name="Expanded"/> is the id of the one long table the reader asked to see whole (query <c>all</c>); every
/// other table longer than <see cref="RowsShown"/> rows shows its first rows and says how many there are: a national
/// summary ranks some 2,500 bodies, which no one reads on a screen and which made the page several megabytes. The
/// exports and the DOCX keep every row.
/// </summary>
public sealed record ReportView(ReportDocument Document, bool Links, string? Expanded = null)
{
    /// <summary>Rows a table shows before it is cut on screen (the 34 provinces of the country fit whole).</summary>
    public const int RowsShown = 50;

    /// <summary>The query key naming the table to show whole.</summary>
    public const string ExpandKey = "all";

    /// <summary>Whether <paramref name="table"/> is drawn with only its first <see cref="RowsShown"/> rows.</summary>
    public bool Cuts(ReportTable table) =>
        table.Rows.Count > RowsShown && table.Id != SummaryReport.Tables.KeyFigures && table.Id != Expanded;
}
