using System.Globalization;

namespace MeetingPortal.Application.Reports;

/// <summary>
/// A summary as a document: every table, chart and definition the summary page shows, with every figure as a typed
/// value. The page, the frozen official report, the XLSX, the CSV and the DOCX report are all drawn from one
/// <see cref="ReportDocument"/>, so a figure cannot read differently in any of them (issue 15, "not done if").
/// Frozen, it is stored as JSON in <see cref="FrozenReport"/>'s format 2 without its links.
/// </summary>
/// <param name="UnitId">The unit whose subtree is counted.</param>
/// <param name="UnitName">The unit's name when the document was made.</param>
/// <param name="Period">The period's name as read ("Quý II/2022", "9 tháng đầu năm 2024", "01/03/2024 – 15/04/2024").</param>
/// <param name="PreviousPeriod">The compared period's name, or null when there is none.</param>
/// <param name="From">The period's first day (Vietnam date).</param>
/// <param name="To">The period's last day (Vietnam date).</param>
/// <param name="CountedOn">The Vietnam date the figures were counted on (due dates and "overdue" are judged against it).</param>
/// <param name="Tables">The tables, in the page's order.</param>
/// <param name="Charts">The charts, each drawn from figures of the tables.</param>
/// <param name="Definitions">What each figure counts, as the page says it.</param>
public sealed record ReportDocument(
    int UnitId, string UnitName, string Period, string? PreviousPeriod, DateOnly From, DateOnly To, DateOnly CountedOn,
    IReadOnlyList<ReportTable> Tables, IReadOnlyList<ReportChart> Charts, IReadOnlyList<ReportDefinition> Definitions)
{
    /// <summary>The table with <paramref name="id"/>, or null.</summary>
    public ReportTable? Table(string id) => Tables.FirstOrDefault(t => t.Id == id);

    /// <summary>The same document with no links (what is frozen: links would open today's lists, not the frozen figures).</summary>
    public ReportDocument WithoutLinks() => this with
    {
        Tables = Tables.Select(t => t with
        {
            Rows = t.Rows.Select(r => r with { Link = null, Values = r.Values.Select(v => v?.WithoutLinks()).ToList() }).ToList(),
        }).ToList(),
    };
}

/// <summary>One table: <paramref name="Columns"/> name the value columns (the row label's column is <paramref name="LabelColumn"/>).</summary>
public sealed record ReportTable(string Id, string Title, string? Note, string LabelColumn, IReadOnlyList<string> Columns, IReadOnlyList<ReportRow> Rows);

/// <summary>A row: its label, its depth (0 a main figure, 1 a part of the one above), an optional link from the label, and one value per column.</summary>
public sealed record ReportRow(string Label, int Level, ReportLink? Link, IReadOnlyList<ReportValue?> Values);

/// <summary>What a value is, which decides how it is written.</summary>
public enum ValueKind
{
    /// <summary>A number of records.</summary>
    Count = 1,

    /// <summary>A number of working days (a median: may have a half).</summary>
    WorkingDays = 2,

    /// <summary>A change against the period before, with its sign.</summary>
    Change = 3,

    /// <summary>A share (0-1) with no parts (a body's on-time share).</summary>
    Share = 4,

    /// <summary>A rank (1 the first).</summary>
    Rank = 5,
}

/// <summary>
/// One figure: a number, and for an "x / y" figure its whole (the share is x / y, shown as a percentage). A missing
/// number (no median, no share) is written "—". <paramref name="Link"/> and <paramref name="WholeLink"/> open the lists
/// the figure counts.
/// </summary>
public sealed record ReportValue(ValueKind Kind, double? Number, int? Whole = null, ReportLink? Link = null, ReportLink? WholeLink = null)
{
    /// <summary>The share x / y (0-1) of an "x / y" figure, or the share itself; null when the whole is 0 or there is none.</summary>
    public double? Share => Kind == ValueKind.Share ? Number : Whole is { } whole && Number is { } n ? MeetingPortal.Domain.Reports.FigureDefinitions.Share((int)n, whole) : null;

    /// <summary>The value without its links.</summary>
    public ReportValue WithoutLinks() => this with { Link = null, WholeLink = null };

    /// <summary>The number alone as written: "9", "12,5", "+3", "45%", "—".</summary>
    public string NumberText(CultureInfo culture) => Number is not { } n ? "—" : Kind switch
    {
        ValueKind.WorkingDays => n.ToString("0.#", culture),
        ValueKind.Change => n > 0 ? "+" + n.ToString("0", culture) : n.ToString("0", culture),
        ValueKind.Share => Percent(n, culture),
        _ => n.ToString("0", culture),
    };

    /// <summary>The percentage of an "x / y" figure as written ("45%"), "—" when the whole is 0, null when not such a figure.</summary>
    public string? ShareText(CultureInfo culture) => Whole is null ? null : Share is { } s ? Percent(s, culture) : "—";

    /// <summary>The whole figure as the page writes it: "0 / 9 (0%)", "9", "—".</summary>
    public string Text(CultureInfo culture) => Whole is { } whole
        ? $"{NumberText(culture)} / {whole.ToString("0", culture)} ({ShareText(culture)})"
        : NumberText(culture);

    /// <summary>A share as a whole percentage, rounded half away from zero ("45%").</summary>
    public static string Percent(double share, CultureInfo culture) =>
        Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", culture) + "%";
}

/// <summary>Where a figure leads: a list (<paramref name="Page"/>) with the criteria it counts.</summary>
public sealed record ReportLink(string Page, IReadOnlyDictionary<string, string> Criteria);

/// <summary>A horizontal bar chart: each bar a label, a value and the text written beside it.</summary>
public sealed record ReportChart(string Id, string Title, string Description, IReadOnlyList<ReportBar> Bars);

/// <summary>One bar of a chart.</summary>
public sealed record ReportBar(string Label, double Value, string Text);

/// <summary>A term and what it counts.</summary>
public sealed record ReportDefinition(string Term, string Meaning);
