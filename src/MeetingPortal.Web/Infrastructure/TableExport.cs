using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MeetingPortal.Domain.Common;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// A table for export: a header and rows whose cells are text, numbers, dates or <see cref="ExportPercent"/>;
/// <see cref="Title"/> lines stand above it (unit, period, filters, who exported it and when), <see cref="Note"/> below the title.
/// </summary>
public sealed record ExportTable(string SheetName, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public IReadOnlyList<string> Title { get; init; } = [];
    public string? Note { get; init; }
}

/// <summary>CSV and XLSX writers for lists and summaries.</summary>
public static class TableExport
{
    /// <summary>
    /// UTF-8 with a byte-order mark so that Excel shows Vietnamese; a cell that starts like a formula
    /// is prefixed with an apostrophe so a spreadsheet never runs what a user typed.
    /// </summary>
    public static byte[] Csv(params ExportTable[] tables)
    {
        var builder = new StringBuilder();
        foreach (var table in tables)
        {
            if (builder.Length > 0)
            {
                builder.Append("\r\n");
            }

            foreach (var line in table.Title)
            {
                builder.Append(Quote(line)).Append("\r\n");
            }

            builder.AppendJoin(',', table.Header.Select(Quote)).Append("\r\n");
            foreach (var row in table.Rows)
            {
                builder.AppendJoin(',', row.Select(cell => Quote(Format(cell)))).Append("\r\n");
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(builder.ToString())];
    }

    /// <summary>One sheet per table, header frozen, numbers stored as numbers and dates as dates.</summary>
    public static byte[] Xlsx(params ExportTable[] tables)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            AddStyles(workbook);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var table in tables)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(Row(1, table.Header.Cast<object?>().ToList(), header: true));
                uint index = 2;
                foreach (var row in table.Rows)
                {
                    data.Append(Row(index++, row, header: false));
                }

                var frozen = new SheetViews(new SheetView(new Pane
                {
                    VerticalSplit = 1,
                    TopLeftCell = "A2",
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                })
                { WorkbookViewId = 0 });
                part.Worksheet = new Worksheet(frozen, data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = SheetName(table.SheetName) });
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(uint index, IReadOnlyList<object?> cells, bool header)
    {
        var row = new Row { RowIndex = index };
        foreach (var value in cells)
        {
            row.Append(value switch
            {
                int or long or decimal or double or float => new Cell { CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!), DataType = CellValues.Number },
                DateOnly date => new Cell
                {
                    CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
                    StyleIndex = DateStyle,
                },
                _ => new Cell
                {
                    DataType = CellValues.InlineString,
                    // Text saved before control characters were dropped at storage still opens.
                    InlineString = new InlineString(new Text(TextNormalizer.ForStorage(Format(value))!) { Space = SpaceProcessingModeValues.Preserve }),
                    StyleIndex = header ? HeaderStyle : 0U,
                },
            });
        }

        return row;
    }

    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;

    private static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true })
            { Count = 3 });
        styles.Stylesheet.Save();
    }

    private static string SheetName(string name)
    {
        var cleaned = new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray());
        return cleaned.Length > 31 ? cleaned[..31] : cleaned;
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        ExportPercent percent => Math.Round(percent.Share * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%",
        DateOnly date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
