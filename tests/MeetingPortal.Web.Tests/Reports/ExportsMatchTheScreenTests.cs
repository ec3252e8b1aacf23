using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HtmlAgilityPack;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Reports;

/// <summary>
/// Issue 15, "Not done if: any figure on ... an XLSX or a CSV differs from the screen for the same unit and period".
/// Every table the summary page shows is read from its HTML (a cell reads "x / y (z%)", "x" or "—") and found in the
/// XLSX (a sheet per table, in the page's order) and in the CSV (a block per table, in the same order) with the same
/// rows in the same order: x, y and z% for a column of "x / y" figures, x for the others, an empty cell for "—".
/// </summary>
public sealed partial class ExportsMatchTheScreenTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [Theory]
    [InlineData("ha-tinh", "year=2022")]
    [InlineData("tx-ky-anh", "year=2022&quarter=2")]
    [InlineData("p-ky-phuong", "year=2022&half=1")]
    [InlineData("ha-tinh", "month=6&year=2022")]
    [InlineData("ha-tinh", "from=2022-03-01&to=2022-07-31")]
    public async Task Every_table_of_the_xlsx_and_the_csv_holds_the_figures_of_the_screen(string unitCode, string period)
    {
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == unitCode).Id);
        var leader = await factory.SignInAsync("lanhdao.hatinh");
        var query = $"unit={unit}&{period}";
        var screen = ScreenTables(await leader.GetHtmlAsync($"/Reports/Quarterly?{query}"));
        Assert.True(screen.Count >= 8, $"{screen.Count} tables on the page");
        Assert.Contains(screen, t => t.Rows.Count > 0 && t.Split.Any(s => s));

        var xlsx = await leader.GetAsync($"/Reports/Quarterly?handler=Export&format=xlsx&{query}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var sheets = XlsxTables(await xlsx.Content.ReadAsByteArrayAsync());
        var csv = CsvTables(await leader.GetByteArrayAsync($"/Reports/Quarterly?handler=Export&format=csv&{query}"));

        Assert.Equal(screen.Count, sheets.Count);
        Assert.Equal(screen.Count, csv.Count);
        for (var t = 0; t < screen.Count; t++)
        {
            AssertSame(screen[t], sheets[t], "XLSX");
            AssertSame(screen[t], csv[t], "CSV");
        }
    }

    /// <summary>
    /// The CSV is read as Excel under Vietnamese regional settings reads it: ";" between fields (Windows' list
    /// separator for vi-VN), "," before decimals. .NET's own vi-VN culture does not say ";" on this machine, so the
    /// separator is the file's decision, not the culture's.
    /// </summary>
    [Fact]
    public async Task A_vietnamese_reader_splits_the_key_figures_into_the_screens_columns()
    {
        if (!OperatingSystem.IsWindows())
        {
            // ICU's vi-VN: the list separator .NET reports is the decimal separator, so it cannot separate fields.
            Assert.Equal(",", Vietnamese.TextInfo.ListSeparator);
        }

        Assert.Equal(",", Vietnamese.NumberFormat.NumberDecimalSeparator);
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "ha-tinh").Id);
        var leader = await factory.SignInAsync("lanhdao.hatinh");
        var bytes = await leader.GetByteArrayAsync($"/Reports/Quarterly?handler=Export&format=csv&unit={unit}&year=2022");
        Assert.Equal(System.Text.Encoding.UTF8.GetPreamble(), bytes[..3]);

        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { Separator = ';', HasHeader = false, SkipEmptyLines = false, FormatProvider = Vietnamese });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(reader.Current.ToArray());
        }

        var header = records.First(r => r.Length > 1);
        Assert.Equal(["Chỉ tiêu", "Năm 2022", "Năm 2022 — trên tổng", "Năm 2022 — tỷ lệ", "Năm 2021", "Năm 2021 — trên tổng", "Năm 2021 — tỷ lệ", "Thay đổi"], header);
        var recommendations = records.First(r => r[0].Trim() == "Kiến nghị");
        Assert.Equal(header.Length, recommendations.Length);
        Assert.Equal(["Kiến nghị", "9", "", ""], recommendations[..4]);
        var answered = records.First(r => r[0].Trim() == "Đã trả lời");
        Assert.Equal(header.Length, answered.Length);
        Assert.Matches("^[0-9]+$", answered[2]);
        Assert.Matches("^[0-9]+%$", answered[3]);
        // A median with a half is written with a decimal comma, which the vi-VN reader parses.
        var median = records.First(r => r[0].Trim().StartsWith("Trung vị số ngày làm việc đến khi trả lời", StringComparison.Ordinal));
        Assert.Equal(header.Length, median.Length);
        Assert.True(median[1] == string.Empty || double.TryParse(median[1], NumberStyles.Float, Vietnamese, out _), median[1]);
    }

    private abstract record Expected;

    private sealed record Number(double Value) : Expected;

    private sealed record Percent(int Value) : Expected;

    private sealed record Empty : Expected;

    /// <summary>A table of the page: its id, title, note, column names and rows (label and the cells' text).</summary>
    private sealed record ScreenTable(string Id, string Title, string? Note, string LabelColumn, IReadOnlyList<string> Columns, IReadOnlyList<(string Label, IReadOnlyList<string> Cells)> Rows)
    {
        /// <summary>Whether each column holds "x / y" figures (then the files have three columns for it).</summary>
        public IReadOnlyList<bool> Split => Columns.Select((_, i) => Rows.Any(r => i < r.Cells.Count && Fraction().IsMatch(r.Cells[i]))).ToList();
    }

    /// <summary>A table as a file holds it: its lines above the header, the header, and the rows as text or typed cells.</summary>
    private sealed record FileTable(IReadOnlyList<string> Lines, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows);

    [GeneratedRegex(@"^(?<x>\S+) / (?<y>\S+) \((?<z>[^)]+)\)$")]
    private static partial Regex Fraction();

    private static string Clean(string text) => Regex.Replace(HtmlEntity.DeEntitize(text), @"\s+", " ").Trim();

    private static List<ScreenTable> ScreenTables(HtmlDocument page) =>
        page.Nodes("//section[contains(concat(' ', normalize-space(@class), ' '), ' report-section ')][h2[@id != 'charts']]").Select(section =>
        {
            var heading = section.SelectSingleNode("h2")!;
            var table = section.SelectSingleNode(".//table");
            var columns = table?.SelectNodes("thead/tr/th")?.Select(th => Clean(th.InnerText)).ToList() ?? [];
            var rows = table?.SelectNodes("tbody/tr")?.Select(tr => (
                Clean(tr.SelectSingleNode("th")!.InnerText),
                (IReadOnlyList<string>)(tr.SelectNodes("td")?.Select(td => Clean(td.InnerText)).ToList() ?? []))).ToList() ?? [];
            var note = section.SelectSingleNode("p[contains(@class,'hint')]");
            return new ScreenTable(heading.GetAttributeValue("id", string.Empty), Clean(heading.InnerText), note is null ? null : Clean(note.InnerText),
                columns.FirstOrDefault() ?? string.Empty, columns.Skip(1).ToList(), rows);
        }).ToList();

    /// <summary>What the files hold for one cell of the screen: x, y and z% for "x / y (z%)" in a split column, else x.</summary>
    private static IEnumerable<Expected> ExpectedCells(string text, bool split)
    {
        var fraction = Fraction().Match(text);
        if (fraction.Success)
        {
            yield return Figure(fraction.Groups["x"].Value);
            yield return Figure(fraction.Groups["y"].Value);
            yield return Figure(fraction.Groups["z"].Value);
            yield break;
        }

        yield return Figure(text);
        if (split)
        {
            // A value with no whole in a column of "x / y" figures: its whole and share are empty.
            yield return new Empty();
            yield return new Empty();
        }
    }

    private static Expected Figure(string text) => text switch
    {
        "—" => new Empty(),
        _ when text.EndsWith('%') => new Percent(int.Parse(text[..^1], NumberStyles.AllowLeadingSign, Vietnamese)),
        _ => new Number(double.Parse(text, NumberStyles.Float, Vietnamese)),
    };

    private static void AssertSame(ScreenTable screen, FileTable file, string kind)
    {
        var where = $"{kind}, table {screen.Id}";
        Assert.True(file.Lines.Contains(screen.Title), $"{where}: no title line \"{screen.Title}\" in [{string.Join(" | ", file.Lines)}]");
        if (screen.Note is { } note)
        {
            Assert.True(file.Lines.Contains(note), $"{where}: no note line \"{note}\"");
        }

        Assert.True(screen.Rows.Count == file.Rows.Count, $"{where}: {screen.Rows.Count} rows on the screen, {file.Rows.Count} in the file");
        if (screen.Rows.Count == 0)
        {
            return;
        }

        var split = screen.Split;
        var position = 1;
        Assert.Equal(screen.LabelColumn, file.Header[0]);
        for (var c = 0; c < screen.Columns.Count; c++)
        {
            Assert.True(position < file.Header.Count && file.Header[position] == screen.Columns[c], $"{where}: column \"{screen.Columns[c]}\" is not at {position} of [{string.Join(" | ", file.Header)}]");
            position += split[c] ? 3 : 1;
        }

        Assert.Equal(position, file.Header.Count);
        for (var r = 0; r < screen.Rows.Count; r++)
        {
            var (label, cells) = screen.Rows[r];
            var row = file.Rows[r];
            Assert.Equal(label, (row[0] as string)?.Trim());
            var expected = cells.SelectMany((text, c) => ExpectedCells(text, split[c])).ToList();
            Assert.True(expected.Count == row.Count - 1, $"{where}, row \"{label}\": {expected.Count} values expected, {row.Count - 1} in the file");
            for (var i = 0; i < expected.Count; i++)
            {
                var actual = row[i + 1];
                var ok = expected[i] switch
                {
                    Empty => actual is null || actual is "",
                    Number n => actual is double d ? Math.Abs(d - n.Value) <= 0.05 + 1e-9 : actual is string s && !s.EndsWith('%') && double.TryParse(s, NumberStyles.Float, Vietnamese, out var v) && v == n.Value,
                    Percent p => actual is ExactShare share ? (int)Math.Round(share.Value * 100, MidpointRounding.AwayFromZero) == p.Value : actual is string s && s == $"{p.Value}%",
                    _ => false,
                };
                Assert.True(ok, $"{where}, row \"{label}\", value {i + 1}: the screen says {expected[i]}, the file {actual ?? "(empty)"}");
            }
        }
    }

    /// <summary>An XLSX cell formatted as a percentage: its share (0-1).</summary>
    private sealed record ExactShare(double Value);

    /// <summary>Each sheet: the lines above the header, the header (the autofilter's first row) and the rows as typed cells.</summary>
    private static List<FileTable> XlsxTables(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var tables = new List<FileTable>();
        foreach (var sheet in workbook.Workbook.Descendants<Sheet>())
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
            var filter = worksheet.Elements<AutoFilter>().Single().Reference!.Value!;
            var headerRow = uint.Parse(Regex.Match(filter, "[0-9]+").Value, CultureInfo.InvariantCulture);
            var rows = worksheet.Descendants<Row>().ToList();
            object? Value(Cell cell)
            {
                if (cell.DataType?.Value == CellValues.InlineString)
                {
                    return cell.InlineString!.InnerText;
                }

                if (cell.CellValue is null)
                {
                    return null;
                }

                var number = double.Parse(cell.CellValue.Text, CultureInfo.InvariantCulture);
                var format = cell.StyleIndex is { } style ? formats[(int)style.Value].NumberFormatId?.Value : null;
                return format == 9 ? new ExactShare(number) : number;
            }

            IReadOnlyList<object?> Cells(Row row)
            {
                var cells = row.Elements<Cell>().ToList();
                var values = new object?[cells.Count == 0 ? 0 : cells.Max(c => ColumnIndex(c.CellReference!.Value!)) + 1];
                foreach (var cell in cells)
                {
                    values[ColumnIndex(cell.CellReference!.Value!)] = Value(cell);
                }

                return values;
            }

            tables.Add(new FileTable(
                rows.Where(r => r.RowIndex!.Value < headerRow).Select(r => Cells(r).FirstOrDefault() as string ?? string.Empty).ToList(),
                rows.Single(r => r.RowIndex!.Value == headerRow).Elements<Cell>().Select(c => c.InlineString!.InnerText).ToList(),
                rows.Where(r => r.RowIndex!.Value > headerRow).Select(Cells).ToList()));
        }

        return tables;
    }

    private static int ColumnIndex(string reference) =>
        reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1)) - 1;

    /// <summary>
    /// The CSV's tables, read with a vi-VN reader: blocks separated by an empty line, each its title lines (one field
    /// each), its header (the first record of several fields) and its rows.
    /// </summary>
    private static List<FileTable> CsvTables(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { Separator = ';', HasHeader = false, SkipEmptyLines = false, FormatProvider = Vietnamese });
        var blocks = new List<List<string[]>> { new() };
        while (reader.Read())
        {
            var record = reader.Current.ToArray();
            if (record is [""])
            {
                blocks.Add([]);
            }
            else
            {
                blocks[^1].Add(record);
            }
        }

        return blocks.Select(block =>
        {
            var header = block.FindIndex(r => r.Length > 1);
            return new FileTable(
                block.Take(header).Select(r => r[0]).ToList(),
                block[header],
                block.Skip(header + 1).Select(r => (IReadOnlyList<object?>)r.Cast<object?>().ToList()).ToList());
        }).ToList();
    }
}
