using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MeetingPortal.Application.Reports;
using Microsoft.Extensions.Localization;
using static MeetingPortal.Web.Infrastructure.WordDocuments;

namespace MeetingPortal.Web.Pages.Reports;

/// <summary>
/// What an official report's báo cáo is written from: the frozen figures as the report page reads them, the heading's
/// bodies as the records hold them, and what the leader typed into the draft (ADR 0017).
/// </summary>
/// <param name="Document">The frozen summary, read back by its stored format (the same document the report page shows).</param>
/// <param name="SuperiorBody">The superior Party organisation's name ("Đảng bộ Tỉnh Hà Tĩnh": "Đảng bộ" and the parent unit's name), null for a unit directly under the top unit or the top unit itself.</param>
/// <param name="IssuingBody">The issuing body: the unit's Party committee as recorded among its organisations ("Thị ủy Hồng Lĩnh"), else the unit's name.</param>
/// <param name="Number">The document number typed, or null for a blank to fill by hand.</param>
/// <param name="IssuerCode">The issuer's code after "-BC/", or null.</param>
/// <param name="Place">The place of the date line: typed, or the unit's name.</param>
/// <param name="IssuedOn">The document's date (Vietnam date), or null for a blank.</param>
/// <param name="Narrative">The leader's text, paragraphs separated by line breaks.</param>
/// <param name="OnBehalfOf">The body after "T/M"; null for the issuing body.</param>
/// <param name="SignerRole">The signer's role.</param>
/// <param name="SignerName">The signer's name.</param>
/// <param name="Recipients">"Nơi nhận", one a line.</param>
/// <param name="Overdue">The overdue list kept at the freeze, or null when the report was frozen before lists were kept.</param>
public sealed record OfficialReportSheet(
    ReportDocument Document, string? SuperiorBody, string IssuingBody, string? Number, string? IssuerCode, string Place, DateOnly? IssuedOn,
    string? Narrative, string? OnBehalfOf, string? SignerRole, string? SignerName, string? Recipients, OverdueListV1? Overdue);

/// <summary>
/// An official report as a báo cáo in DOCX, in the form of Hướng dẫn 36-HD/VPTW (the format of Party documents): on the
/// left the superior organisation and the issuing body in capitals, a star and "Số …-BC/…"; on the right "ĐẢNG CỘNG SẢN
/// VIỆT NAM" underlined and the place and date; the title "BÁO CÁO" and the subject line; the leader's narrative; one
/// numbered section per table of the frozen summary (the child units' and the bodies' tables as appendices); what each
/// figure counts; the signature block ("T/M …", role, name) beside "Nơi nhận:"; then the appendices, the last the
/// overdue recommendations as of the freeze. Pages from the second are numbered at the top. Every figure is written as
/// the report page writes it (<see cref="ReportValue.Text"/>), always in Vietnamese.
/// </summary>
public static class OfficialReportDocument
{
    /// <summary>The table size in half-points: 12 pt.</summary>
    private const int TableSize = 24;

    /// <summary>A first-line indent of 1.27 cm, in twentieths of a point.</summary>
    private const int Indent = 720;

    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

    /// <summary>The tables that go to an appendix when they have rows: one row per child unit, one per addressed body.</summary>
    private static readonly string[] AppendixTables = [SummaryReport.Tables.Children, SummaryReport.Tables.Scorecards];

    /// <summary>"Số 15-BC/Th.U", or "Số    -BC/" with blanks to fill by hand.</summary>
    public static string NumberLine(IStringLocalizer localizer, string? number, string? issuerCode) =>
        localizer["OfficialReport.NumberLine", number ?? "    ", issuerCode ?? string.Empty];

    /// <summary>
    /// "Kỳ Anh, ngày 05 tháng 01 năm 2023", "Kỳ Anh, ngày 15 tháng 8 năm 2022" (<see cref="WordDocuments.DateParts"/>), or
    /// with blanks for the day, month and year when no date was given; a place not known is a blank as well.
    /// </summary>
    public static string DateLine(IStringLocalizer localizer, string? place, DateOnly? on)
    {
        var where = place ?? "               ";
        if (on is not { } d)
        {
            return localizer["OfficialReport.DateLine", where, "     ", "     ", "       "];
        }

        var (day, month, year) = DateParts(d);
        return localizer["OfficialReport.DateLine", where, day, month, year];
    }

    /// <summary>The subject line: "Kết quả tổ chức đối thoại và giải quyết kiến nghị năm 2022".</summary>
    public static string Subject(IStringLocalizer localizer, string period) =>
        localizer["OfficialReport.Subject", period.Length == 0 ? period : char.ToLower(period[0], Vietnamese) + period[1..]];

    /// <summary>The báo cáo as DOCX bytes; <paramref name="localizer"/> must be Vietnamese (the page sets it).</summary>
    public static byte[] Create(OfficialReportSheet sheet, IStringLocalizer localizer)
    {
        var d = sheet.Document;
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            AddStyles(main);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new SimpleField(new Run(new Text("2"))) { Instruction = " PAGE " }));
            header.Header.Save();

            var body = new Body();
            var numberLine = NumberLine(localizer, sheet.Number, sheet.IssuerCode);
            body.Append(Heading(sheet, numberLine, localizer));
            body.Append(TextParagraph(localizer["OfficialReport.DocumentTitle"], bold: true, size: 30, center: true, spaceBefore: 360, spaceAfter: 0));
            body.Append(TextParagraph(Subject(localizer, d.Period), bold: true, size: 28, center: true, spaceAfter: 0));
            body.Append(TextParagraph("-----", center: true, spaceAfter: 240));

            if (sheet.Narrative is { } narrative)
            {
                AppendText(body, narrative, Indent);
            }

            body.Append(TextParagraph(localizer["Snapshot.CountedOn", Date(d.From), Date(d.To), Date(d.CountedOn)], italic: true, justify: true, firstLine: Indent, spaceBefore: 120));

            // The sections: each table in the report page's order; those with a row per child unit or per body go to an appendix.
            var appendices = new List<(ReportTable Table, int Number)>();
            var section = 0;
            foreach (var table in d.Tables)
            {
                body.Append(TextParagraph($"{Roman[Math.Min(section++, Roman.Length - 1)]}. {table.Title.ToUpper(Vietnamese)}", bold: true, spaceBefore: 240, justify: true));
                if (AppendixTables.Contains(table.Id) && table.Rows.Count > 0)
                {
                    appendices.Add((table, appendices.Count + 1));
                    body.Append(TextParagraph(localizer["OfficialReport.SeeAppendix", appendices.Count], italic: true, firstLine: Indent));
                    continue;
                }

                AppendTable(body, table, localizer);
            }

            var overdueAppendix = appendices.Count + 1;
            body.Append(TextParagraph(localizer["OfficialReport.OverdueSeeAppendix", overdueAppendix], italic: true, firstLine: Indent, spaceBefore: 120));

            body.Append(TextParagraph(localizer["Report.DefinitionsTitle"].Value.ToUpper(Vietnamese), bold: true, spaceBefore: 240));
            foreach (var definition in d.Definitions)
            {
                body.Append(TextParagraph($"- {definition.Term}: {definition.Meaning}", justify: true, firstLine: Indent));
            }

            body.Append(TextParagraph(string.Empty, spaceBefore: 120));
            body.Append(Signatures(sheet, localizer));

            var reference = localizer["OfficialReport.AppendixOf", sheet.Number ?? "    ", sheet.IssuerCode ?? string.Empty, sheet.IssuedOn is { } on ? Date(on) : "     ", sheet.IssuingBody];
            foreach (var (table, number) in appendices)
            {
                AppendixHeading(body, localizer["OfficialReport.Appendix", number], table.Title, reference);
                AppendTable(body, table, localizer);
            }

            AppendixHeading(body, localizer["OfficialReport.Appendix", overdueAppendix],
                localizer["OfficialReport.OverdueTitle", Date(sheet.Overdue?.CountedOn ?? d.CountedOn)], reference);
            AppendOverdue(body, sheet.Overdue, localizer);

            // Page numbers at the top from the second page (the first page's header is empty).
            var page = A4(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) });
            page.Append(new TitlePage());
            body.Append(page);
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static Table Heading(OfficialReportSheet sheet, string numberLine, IStringLocalizer localizer) =>
        PartyHeading(sheet.SuperiorBody, sheet.IssuingBody, numberLine, localizer["OfficialReport.PartyName"], DateLine(localizer, sheet.Place, sheet.IssuedOn));

    private static Table Signatures(OfficialReportSheet sheet, IStringLocalizer localizer)
    {
        var left = new List<Paragraph> { TextParagraph(localizer["OfficialReport.RecipientsLabel"], bold: true, italic: true, size: 24, spaceAfter: 0) };
        foreach (var line in (sheet.Recipients ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            left.Add(TextParagraph(line.StartsWith('-') ? line : "- " + line, size: 22, spaceAfter: 0));
        }

        var onBehalfOf = localizer["OfficialReport.OnBehalfOfLine", (sheet.OnBehalfOf ?? sheet.IssuingBody).ToUpper(Vietnamese)];
        return TwoColumns(
            [.. left],
            [TextParagraph(onBehalfOf, bold: true, center: true, spaceAfter: 0),
             TextParagraph((sheet.SignerRole ?? string.Empty).ToUpper(Vietnamese), bold: true, center: true),
             TextParagraph(string.Empty), TextParagraph(string.Empty), TextParagraph(string.Empty),
             TextParagraph(sheet.SignerName ?? string.Empty, bold: true, center: true)]);
    }

    private static void AppendixHeading(Body body, string appendix, string title, string reference)
    {
        // Each appendix starts a page by its heading's own "page break before", not by an empty paragraph holding a
        // break: when the page before ended full, that paragraph took a page of its own and LibreOffice showed it empty.
        var heading = TextParagraph(appendix, bold: true, center: true, spaceAfter: 0);
        heading.ParagraphProperties!.PrependChild(new PageBreakBefore());
        body.Append(heading);
        body.Append(TextParagraph(title.ToUpper(Vietnamese), bold: true, center: true, spaceAfter: 0));
        body.Append(TextParagraph(reference, italic: true, center: true, spaceAfter: 240));
    }

    /// <summary>A table of the summary: its note, then its rows as the page writes them, or the page's "none".</summary>
    private static void AppendTable(Body body, ReportTable table, IStringLocalizer localizer)
    {
        if (table.Note is { } note)
        {
            body.Append(TextParagraph(note, italic: true, justify: true, firstLine: Indent));
        }

        if (table.Rows.Count == 0)
        {
            body.Append(TextParagraph(localizer["Report.None"], firstLine: Indent));
            return;
        }

        // The label takes about a third of the width (more beside few columns), the figures share the rest.
        var n = table.Columns.Count;
        var value = Math.Min(2000, TextWidth * (n <= 3 ? 62 : 72) / 100 / Math.Max(1, n));
        var widths = new[] { TextWidth - (value * n) }.Concat(Enumerable.Repeat(value, n)).ToArray();
        var rows = table.Rows.Select(r => (Level: r.Level, Cells: (IReadOnlyList<string>)[r.Label, .. Enumerable.Range(0, n).Select(i => i < r.Values.Count && r.Values[i] is { } v ? v.Text(Vietnamese) : "—")]));
        body.Append(DataTable([table.LabelColumn, .. table.Columns], rows, widths, column => column == 0));
    }

    private static void AppendOverdue(Body body, OverdueListV1? overdue, IStringLocalizer localizer)
    {
        if (overdue is null)
        {
            body.Append(TextParagraph(localizer["OfficialReport.OverdueNotKept"], italic: true, justify: true, firstLine: Indent));
            return;
        }

        if (overdue.Items.Count == 0)
        {
            body.Append(TextParagraph(localizer["OfficialReport.OverdueNone"], firstLine: Indent));
            return;
        }

        string[] columns =
        [
            localizer["OfficialReport.Ordinal"], localizer["OfficialReport.OverdueContent"], localizer["Meetings.Unit"], localizer["OfficialReport.OverdueHeldOn"],
            localizer["Recommendation.AddressedTo"], localizer["Tracker.Due"], localizer["OfficialReport.OverdueDays"],
        ];
        var rows = overdue.Items.Select((item, i) => (Level: 0, Cells: (IReadOnlyList<string>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture), item.Content, item.UnitName, Date(item.HeldOn), item.AddressedTo ?? localizer["Common.NotStated"],
            Date(item.DueOn), item.WorkingDaysOverdue.ToString(Vietnamese),
        ]));
        body.Append(DataTable(columns, rows, [520, 3000, 1300, 1150, 1500, 1150, TextWidth - 8620], column => column is 1 or 2 or 4));
    }

    /// <summary>
    /// A bordered table of text, its header row bold, centred and repeated on each page, rows kept whole. Widths in
    /// twentieths of a point; a row of level 1 has its first cell indented (a part of the row above); the columns
    /// <paramref name="isLeft"/> names are aligned left, the others centred.
    /// </summary>
    private static Table DataTable(string[] header, IEnumerable<(int Level, IReadOnlyList<string> Cells)> rows, int[] widths, Func<int, bool> isLeft)
    {
        var single = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            single,
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        TableCell Cell(string text, int column, bool bold, int level) => new(
            new TableCellProperties(
                new TableCellWidth { Width = widths[column].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
            TextParagraph(text, bold: bold, size: TableSize, spaceAfter: 0, center: bold || !isLeft(column), left: column == 0 && level > 0 ? 284 : 0));

        var headerRow = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < header.Length; i++)
        {
            headerRow.Append(Cell(header[i], i, bold: true, level: 0));
        }

        table.Append(headerRow);
        foreach (var (level, cells) in rows)
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < header.Length; i++)
            {
                row.Append(Cell(i < cells.Count ? cells[i] : string.Empty, i, bold: false, level));
            }

            table.Append(row);
        }

        return table;
    }
}
