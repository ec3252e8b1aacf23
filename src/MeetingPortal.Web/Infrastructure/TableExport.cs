using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MeetingPortal.Domain.Common;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// A table for export: a header and rows whose cells are text, numbers, dates or <see cref="ExportPercent"/>;
/// <see cref="Title"/> lines stand above it (unit, period, filters, who exported it and when), <see cref="Note"/> below the title.
/// </summary>
/// <param name="SheetName">The name of its XLSX sheet (cut to Excel's 31 characters, made unique in the workbook).</param>
/// <param name="Header">The column names, one per cell of a row.</param>
/// <param name="Rows">The rows: each cell text, an integer or decimal number, a <see cref="DateOnly"/>, an <see cref="ExportPercent"/> or null (empty).</param>
public sealed record ExportTable(string SheetName, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>The title block, one line each; the first is the file's title (bold and larger in XLSX).</summary>
    public IReadOnlyList<string> Title { get; init; } = [];

    /// <summary>What the table counts, written on its own line below the title block; null when there is nothing to say.</summary>
    public string? Note { get; init; }
}

/// <summary>
/// CSV and XLSX writers for lists and summaries: each table under its title block, a header row, then its rows, with
/// numbers, dates and percentages typed (issue 15, deliver 5 "Exports a person can use").
/// </summary>
public static class TableExport
{
    /// <summary>The culture the CSV is written for: Vietnamese regional settings, decimal comma and dd/MM/yyyy dates.</summary>
    public static readonly CultureInfo CsvCulture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// The CSV's field separator, ";". Excel splits a CSV it opens on the list separator of Windows' regional settings,
    /// which is ";" under Vietnamese settings because the decimal separator there is ",". It is not taken from
    /// <see cref="CsvCulture"/>: .NET on Linux (ICU) reports "," as vi-VN's list separator, the same as its decimal
    /// separator, which would split "12,5" in two.
    /// </summary>
    public const char CsvSeparator = ';';

    private static readonly CsvWriterOptions CsvOptions = new()
    {
        Separator = CsvSeparator,
        FormatProvider = CsvCulture,
        // Title lines have one field, the header and rows as many as the table has columns.
        ValidateFieldCount = false,
        // Text that starts like a formula (= + - @, tab, CR) gets an apostrophe in front, so a spreadsheet shows it
        // as text and never runs what a user typed; numbers are not text, so -3 stays a number.
        Injection = CsvInjection.Escape,
    };

    /// <summary>
    /// The tables as one CSV for Excel under Vietnamese regional settings: UTF-8 with a byte-order mark (so Vietnamese
    /// shows), <see cref="CsvSeparator"/>-separated, each table's title lines (one field each) and note, its header
    /// and rows, tables separated by an empty line. Numbers are written with a decimal comma ("12,5"), dates as
    /// dd/MM/yyyy, so Excel with Vietnamese settings reads them as numbers and dates. A percentage is written as the
    /// screen writes it, a whole percent such as "45%": Excel (whatever its settings) reads that as the number 0.45
    /// shown as a percentage, a person reads the same figure as on the page, and it needs no decimal separator; the
    /// exact share stays recoverable from the part and whole columns beside it. Text that starts like a formula is
    /// prefixed with an apostrophe.
    /// </summary>
    /// <param name="tables">The tables, in the order they are written.</param>
    /// <returns>The file's bytes.</returns>
    public static byte[] Csv(params ExportTable[] tables)
    {
        using var stream = new MemoryStream();
        for (var t = 0; t < tables.Length; t++)
        {
            var table = tables[t];
            if (t > 0)
            {
                // CsvHelper writes no record without a field: the empty line between tables goes to the stream.
                stream.Write("\r\n"u8);
            }

            using var writer = CsvWriter.Create(stream, CsvOptions with { WriteByteOrderMark = t == 0 }, leaveOpen: true);
            foreach (var line in Lines(table))
            {
                writer.WriteRecord(TextNormalizer.ForStorage(line)!);
            }

            writer.WriteRecord([.. table.Header.Select(h => TextNormalizer.ForStorage(h)!)]);
            foreach (var row in table.Rows)
            {
                foreach (var cell in row)
                {
                    WriteCsvCell(writer, cell);
                }

                writer.EndRecord();
            }
        }

        return stream.ToArray();
    }

    private static void WriteCsvCell(CsvWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteField((string?)null);
                break;
            case ExportPercent percent:
                writer.WriteField(PercentText(percent));
                break;
            case ExportChange change:
                // As a plain number: a field beginning with "+" is what a spreadsheet takes for a formula, and the guard
                // against formulas would write "'+3". The XLSX shows the sign through its number format.
                WriteCsvCell(writer, change.Value);
                break;
            case int number:
                writer.WriteField(number, default);
                break;
            case long number:
                writer.WriteField(number, default);
                break;
            case double number:
                writer.WriteField(number, default);
                break;
            case decimal number:
                writer.WriteField(number, default);
                break;
            case DateOnly date:
                writer.WriteField(date, "dd/MM/yyyy", CultureInfo.InvariantCulture);
                break;
            default:
                writer.WriteField(TextNormalizer.ForStorage(Format(value)));
                break;
        }
    }

    /// <summary>
    /// One sheet per table, laid out to be read and printed: the title block (first line bold and larger), the note,
    /// the header row (bold, wrapped) and the rows; numbers as numbers, dates as dates, percentages as numbers with a
    /// "0%" format; column widths from the longest text of each column (8 to 60 characters, longer text wraps); the
    /// panes frozen below the header row; an autofilter over the header and rows; A4 landscape, fitted to the page's
    /// width, with the header row repeated on every printed page and page numbers in the footer.
    /// </summary>
    /// <param name="tables">The tables, one sheet each, in order.</param>
    /// <returns>The workbook's bytes.</returns>
    public static byte[] Xlsx(params ExportTable[] tables)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            AddStyles(workbook);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var definedNames = new DefinedNames();
            var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var t = 0; t < tables.Length; t++)
            {
                var table = tables[t];
                var part = workbook.AddNewPart<WorksheetPart>();
                var name = SheetName(table.SheetName, usedNames);
                part.Worksheet = Worksheet(table, out var headerRow, out var lastRow, out var lastColumn);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)t + 1, Name = name });

                var quoted = "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";
                definedNames.Append(new DefinedName($"{quoted}!${ColumnName(0)}${headerRow}:${ColumnName(lastColumn)}${lastRow}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = (uint)t,
                    Hidden = true,
                });
                definedNames.Append(new DefinedName($"{quoted}!${headerRow}:${headerRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)t });
            }

            if (definedNames.HasChildren)
            {
                workbook.Workbook.Append(definedNames);
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The narrowest and widest column, in characters of the default font.</summary>
    private const int MinWidth = 8;

    private const int MaxWidth = 60;

    private static Worksheet Worksheet(ExportTable table, out uint headerRow, out uint lastRow, out int lastColumn)
    {
        var columns = Math.Max(table.Header.Count, table.Rows.Select(r => r.Count).DefaultIfEmpty(0).Max());
        lastColumn = Math.Max(columns, 1) - 1;
        var widths = ColumnWidths(table, columns);
        var wrapped = widths.Select(w => w.Longest > MaxWidth).ToList();

        var data = new SheetData();
        uint index = 1;
        var lines = Lines(table).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var isNote = table.Note is not null && i == lines.Count - 1;
            var style = i == 0 ? TitleStyle : isNote ? NoteStyle : 0U;
            data.Append(new Row(TextCell(0, index, lines[i], style)) { RowIndex = index });
            index++;
        }

        headerRow = index;
        data.Append(new Row(table.Header.Select((h, c) => TextCell(c, index, h, HeaderStyle))) { RowIndex = index });
        index++;
        foreach (var row in table.Rows)
        {
            data.Append(new Row(row.Select((value, c) => DataCell(c, index, value, c < wrapped.Count && wrapped[c]))) { RowIndex = index });
            index++;
        }

        lastRow = index - 1;
        var view = new SheetView(
            new Pane
            {
                // Every row down to the header stays in view while the rows scroll.
                VerticalSplit = headerRow,
                TopLeftCell = $"A{headerRow + 1}",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{headerRow + 1}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{headerRow + 1}" } })
        { WorkbookViewId = 0 };
        var cols = new Columns(widths.Select((w, c) => new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = w.Width, CustomWidth = true }));
        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(view));
        if (cols.HasChildren)
        {
            worksheet.Append(cols);
        }

        worksheet.Append(
            data,
            new AutoFilter { Reference = $"A{headerRow}:{ColumnName(lastColumn)}{lastRow}" },
            new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            // A4 (paper size 9), landscape, as wide as one page and as long as it needs.
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
            new HeaderFooter(new OddFooter("&C&P / &N")));
        return worksheet;
    }

    /// <summary>Each column's width (characters, <see cref="MinWidth"/>..<see cref="MaxWidth"/>) and its longest text line.</summary>
    private static List<(double Width, int Longest)> ColumnWidths(ExportTable table, int columns)
    {
        var result = new List<(double, int)>(columns);
        for (var c = 0; c < columns; c++)
        {
            var longest = table.Rows.Where(r => c < r.Count).Select(r => LongestLine(Format(r[c]))).DefaultIfEmpty(0).Max();
            // The header wraps: it needs its longest word, and up to 16 characters before it wraps.
            var header = c < table.Header.Count ? table.Header[c] : string.Empty;
            var headerWidth = Math.Max(Math.Min(header.Length, 16), header.Split(' ').Select(w => w.Length).DefaultIfEmpty(0).Max());
            result.Add((Math.Clamp(Math.Max(longest, headerWidth) + 2, MinWidth, MaxWidth), longest));
        }

        return result;
    }

    private static int LongestLine(string text) => text.Split('\n').Select(l => l.TrimEnd('\r').Length).DefaultIfEmpty(0).Max();

    /// <summary>The title lines, then the note when there is one.</summary>
    private static IEnumerable<string> Lines(ExportTable table) => table.Note is { } note ? [.. table.Title, note] : table.Title;

    private static Cell TextCell(int column, uint row, string text, uint style) => new()
    {
        CellReference = ColumnName(column) + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.InlineString,
        // Text saved before control characters were dropped at storage still opens.
        InlineString = new InlineString(new Text(TextNormalizer.ForStorage(text)!) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style,
    };

    private static Cell DataCell(int column, uint row, object? value, bool wrap)
    {
        var reference = ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);
        return value switch
        {
            int or long or decimal or double or float => new Cell
            {
                CellReference = reference,
                CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
                DataType = CellValues.Number,
                StyleIndex = PlainStyle,
            },
            ExportPercent percent => new Cell
            {
                CellReference = reference,
                CellValue = new CellValue(percent.Share.ToString("R", CultureInfo.InvariantCulture)),
                DataType = CellValues.Number,
                StyleIndex = PercentStyle,
            },
            ExportChange change => new Cell
            {
                CellReference = reference,
                CellValue = new CellValue(change.Value.ToString("R", CultureInfo.InvariantCulture)),
                DataType = CellValues.Number,
                StyleIndex = ChangeStyle,
            },
            DateOnly date => new Cell
            {
                CellReference = reference,
                CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
                StyleIndex = DateStyle,
            },
            null => new Cell { CellReference = reference, StyleIndex = PlainStyle },
            _ => TextCell(column, row, Format(value), wrap || Format(value).Contains('\n', StringComparison.Ordinal) ? WrapStyle : PlainStyle),
        };
    }

    /// <summary>"A", "B" … "Z", "AA" …: the letters of a 0-based column.</summary>
    private static string ColumnName(int column)
    {
        var name = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    // Cell formats (cellXfs), in AddStyles' order.
    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint PercentStyle = 3;
    private const uint TitleStyle = 4;
    private const uint NoteStyle = 5;
    private const uint WrapStyle = 6;
    private const uint PlainStyle = 7;
    private const uint ChangeStyle = 8;

    private static void AddStyles(WorkbookPart workbook)
    {
        static Font Font(double size, bool bold = false, bool italic = false)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            if (italic)
            {
                font.Append(new Italic());
            }

            font.Append(new FontSize { Val = size }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
            return font;
        }

        static Alignment Top(bool wrap = false) => new() { Vertical = VerticalAlignmentValues.Top, WrapText = wrap ? true : null };

        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            // 165: a change with its sign, as the screen's "Thay đổi" writes it ("+3", "-2", "0").
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }, new NumberingFormat { NumberFormatId = 165, FormatCode = "+0;-0;0" }) { Count = 2 },
            new Fonts(Font(11), Font(11, bold: true), Font(14, bold: true), Font(11, italic: true)) { Count = 4 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { FormatId = 0 },
                new CellFormat(Top(wrap: true)) { FontId = 1, ApplyFont = true, ApplyAlignment = true, FormatId = 0 },
                new CellFormat(Top()) { NumberFormatId = 164, ApplyNumberFormat = true, ApplyAlignment = true, FormatId = 0 },
                // Built-in number format 9 is "0%".
                new CellFormat(Top()) { NumberFormatId = 9, ApplyNumberFormat = true, ApplyAlignment = true, FormatId = 0 },
                new CellFormat { FontId = 2, ApplyFont = true, FormatId = 0 },
                new CellFormat { FontId = 3, ApplyFont = true, FormatId = 0 },
                new CellFormat(Top(wrap: true)) { ApplyAlignment = true, FormatId = 0 },
                new CellFormat(Top()) { ApplyAlignment = true, FormatId = 0 },
                new CellFormat(Top()) { NumberFormatId = 165, ApplyNumberFormat = true, ApplyAlignment = true, FormatId = 0 })
            { Count = 9 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        styles.Stylesheet.Save();
    }

    /// <summary>A sheet name Excel accepts: without []:*?/\, at most 31 characters, not used before in the workbook.</summary>
    private static string SheetName(string name, HashSet<string> used)
    {
        var cleaned = new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray()).Trim('\'');
        cleaned = string.IsNullOrWhiteSpace(cleaned) ? "Sheet" : cleaned;
        var candidate = cleaned.Length > 31 ? cleaned[..31] : cleaned;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = (cleaned.Length > 31 - suffix.Length ? cleaned[..(31 - suffix.Length)] : cleaned) + suffix;
        }

        return candidate;
    }

    /// <summary>A percentage as the screen writes it (<see cref="MeetingPortal.Application.Reports.ReportValue.Percent"/>): "45%".</summary>
    private static string PercentText(ExportPercent percent) =>
        MeetingPortal.Application.Reports.ReportValue.Percent(percent.Share, CultureInfo.InvariantCulture);

    /// <summary>A change as the screen writes it: "+3", "-2", "0".</summary>
    private static string ChangeText(ExportChange change) =>
        change.Value > 0 ? "+" + change.Value.ToString(CultureInfo.InvariantCulture) : change.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A cell as text, for widths and for the cells written as text.</summary>
    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        ExportPercent percent => PercentText(percent),
        ExportChange change => ChangeText(change),
        DateOnly date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
