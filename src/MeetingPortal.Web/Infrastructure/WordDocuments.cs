using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MeetingPortal.Domain.Common;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// The pieces the portal's Word documents (the biên bản of a meeting, the báo cáo of an official report) are made of,
/// in the form of Party and State documents: Times New Roman 13 pt on A4 with the margins of Decree 30/2020/NĐ-CP and
/// Hướng dẫn 36-HD/VPTW (left 30 mm, right 15 mm, top and bottom 20 mm), a borderless two-column block for the heading
/// and the signatures. Every piece is valid against the OpenXML schema (tests validate each document).
/// </summary>
internal static class WordDocuments
{
    public const string Font = "Times New Roman";

    /// <summary>The body text's size in half-points: 13 pt.</summary>
    public const int BodySize = 26;

    /// <summary>A4 width in twentieths of a point.</summary>
    public const int PageWidth = 11906;

    /// <summary>The left and right margins in twentieths of a point (30 mm and 15 mm).</summary>
    public const int LeftMargin = 1701;

    public const int RightMargin = 851;

    /// <summary>The width text may take, in twentieths of a point.</summary>
    public const int TextWidth = PageWidth - LeftMargin - RightMargin;

    /// <summary>
    /// One paragraph of one run. Sizes in half-points, spacing in twentieths of a point; <paramref name="firstLine"/>
    /// and <paramref name="left"/> indent in twentieths of a point. Text is cleaned of characters a document cannot hold.
    /// </summary>
    public static Paragraph TextParagraph(string text, bool bold = false, bool italic = false, bool underline = false, bool center = false, bool justify = false,
        int size = BodySize, int spaceBefore = 0, int spaceAfter = 60, int firstLine = 0, int left = 0, bool right = false)
    {
        // The schema fixes the order of run properties: fonts, bold, italic, size, underline.
        var runProperties = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        if (italic)
        {
            runProperties.Append(new Italic());
        }

        runProperties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (underline)
        {
            runProperties.Append(new Underline { Val = UnderlineValues.Single });
        }

        // And of paragraph properties: spacing, indentation, justification.
        var paragraphProperties = new ParagraphProperties(
            new SpacingBetweenLines { Before = spaceBefore.ToString(CultureInfo.InvariantCulture), After = spaceAfter.ToString(CultureInfo.InvariantCulture) });
        if (firstLine > 0 || left > 0)
        {
            // An attribute given null would be written empty, which the schema refuses: only what is set is set.
            var indentation = new Indentation();
            if (left > 0)
            {
                indentation.Left = left.ToString(CultureInfo.InvariantCulture);
            }

            if (firstLine > 0)
            {
                indentation.FirstLine = firstLine.ToString(CultureInfo.InvariantCulture);
            }

            paragraphProperties.Append(indentation);
        }

        if (center || justify || right)
        {
            paragraphProperties.Append(new Justification { Val = center ? JustificationValues.Center : right ? JustificationValues.Right : JustificationValues.Both });
        }

        // Text saved before control characters were dropped at storage still makes a valid document.
        return new Paragraph(paragraphProperties, new Run(runProperties, new Text(TextNormalizer.ForStorage(text)!) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>A paragraph that starts a new page (an appendix).</summary>
    public static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    /// <summary>Two borderless columns of equal width in one row that does not split across pages: a document's heading, or its signatures.</summary>
    public static Table TwoColumns(Paragraph[] left, Paragraph[] right)
    {
        var none = new TableBorders(
            new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
            new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, none));
        table.Append(new TableGrid(new GridColumn { Width = "4500" }, new GridColumn { Width = "4500" }));
        // One row that never splits: a signature block moves to the next page whole rather than leave its name (or, on a
        // draft, its blank lines) alone on a page of its own.
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Width = "2500", Type = TableWidthUnitValues.Pct })).AppendAll(left));
        row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Width = "2500", Type = TableWidthUnitValues.Pct })).AppendAll(right));
        table.Append(row);
        return table;
    }

    public static TableCell AppendAll(this TableCell cell, IEnumerable<Paragraph> paragraphs)
    {
        foreach (var paragraph in paragraphs)
        {
            cell.Append(paragraph);
        }

        return cell;
    }

    /// <summary>Texts keep their paragraphs: each non-blank line becomes a justified paragraph, first lines indented by <paramref name="firstLine"/>.</summary>
    public static void AppendText(Body body, string text, int firstLine = 0)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            body.Append(TextParagraph(line, justify: true, firstLine: firstLine));
        }
    }

    /// <summary>
    /// The heading of a Party document (Hướng dẫn 36-HD/VPTW): on the left, centred, the superior Party organisation in
    /// capitals (left out when null), the issuing body in bold capitals, a star and the number line ("Số 15-BC/Th.U",
    /// "Số      -BB/" with blanks to fill by hand); on the right "ĐẢNG CỘNG SẢN VIỆT NAM" in bold, underlined, and the
    /// place and date line in italics. Shared by the báo cáo of an official report and the biên bản of a meeting.
    /// </summary>
    public static Table PartyHeading(string? superiorBody, string issuingBody, string numberLine, string partyName, string dateLine)
    {
        var left = new List<Paragraph>();
        if (superiorBody is not null)
        {
            left.Add(TextParagraph(superiorBody.ToUpper(Vietnamese), center: true, spaceAfter: 0));
        }

        left.Add(TextParagraph(issuingBody.ToUpper(Vietnamese), bold: true, center: true, spaceAfter: 0));
        left.Add(TextParagraph("*", center: true, spaceAfter: 0));
        left.Add(TextParagraph(numberLine, center: true));
        return TwoColumns(
            [.. left],
            [TextParagraph(partyName, bold: true, underline: true, center: true, size: 30, spaceAfter: 240),
             TextParagraph(dateLine, italic: true, center: true)]);
    }

    /// <summary>Vietnamese, for capitals ("Đảng ủy phường" → "ĐẢNG ỦY PHƯỜNG").</summary>
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// The day, month and year of a Party document's date line as Hướng dẫn 36-HD/VPTW writes them: a day below 10 and
    /// the months January and February take a leading zero ("ngày 03 tháng 4 năm 2018", "ngày 15 tháng 02 năm 2022").
    /// </summary>
    public static (string Day, string Month, string Year) DateParts(DateOnly date) => (
        date.Day.ToString("00", CultureInfo.InvariantCulture),
        date.Month < 3 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture),
        date.Year.ToString(CultureInfo.InvariantCulture));

    /// <summary>The words that name a level of local government before a unit's own name ("Thị xã Kỳ Anh").</summary>
    private static readonly string[] LevelWords = ["Thành phố", "Thị xã", "Thị trấn", "Tỉnh", "Huyện", "Quận", "Phường", "Xã"];

    /// <summary>
    /// The place (địa danh) of a document's date line: the unit's own name without its level ("Thị xã Kỳ Anh" → "Kỳ Anh",
    /// "Phường Kỳ Phương" → "Kỳ Phương"), kept whole when the name is a number ("Phường 1"). Null when the unit has no
    /// name of its own (a name that is only a note in brackets, such as the seeds' "Huyện (báo cáo nguồn không nêu tên)"):
    /// the line then leaves the place blank to be written by hand, never a placeholder.
    /// </summary>
    public static string? PlaceName(string unitName)
    {
        var name = unitName.Trim();
        foreach (var level in LevelWords)
        {
            if (name.Length > level.Length && name.StartsWith(level + " ", StringComparison.OrdinalIgnoreCase))
            {
                var own = name[(level.Length + 1)..].Trim();
                if (own.Length == 0 || own.StartsWith('('))
                {
                    return null;
                }

                return char.IsDigit(own[0]) ? name : own;
            }
        }

        return name.Length == 0 || name.StartsWith('(') ? null : name;
    }

    /// <summary>
    /// Signature blocks in one borderless row that is never split across pages: the first block on the left (the
    /// secretary of a biên bản), the others one under another on the right (the chair, or each co-chair).
    /// </summary>
    public static Table SignatureGrid(IReadOnlyList<Paragraph[]> blocks)
    {
        var right = new List<Paragraph>();
        foreach (var block in blocks.Skip(1))
        {
            if (right.Count > 0)
            {
                right.Add(TextParagraph(string.Empty, spaceAfter: 240));
            }

            right.AddRange(block);
        }

        // TwoColumns keeps the row whole, so the signatures never split across pages.
        return TwoColumns(blocks[0], right.Count > 0 ? [.. right] : [TextParagraph(string.Empty)]);
    }

    /// <summary>A footer with the page number centred, on every page (<c>PAGE</c> field; "1" until a reader updates it).</summary>
    public static FooterPart PageNumberFooter(MainDocumentPart main)
    {
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new SimpleField(new Run(new RunProperties(new FontSize { Val = "24" }), new Text("1"))) { Instruction = " PAGE " }));
        footer.Footer.Save();
        return footer;
    }

    /// <summary>The document's default font, size and language (Vietnamese).</summary>
    public static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = BodySize.ToString(CultureInfo.InvariantCulture) },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault()));
        styles.Styles.Save();
    }

    /// <summary>A4 portrait with the margins above; <paramref name="first"/> elements (a header reference) come before the page size, as the schema orders them.</summary>
    public static SectionProperties A4(params OpenXmlElement[] first)
    {
        var section = new SectionProperties(first);
        section.Append(
            new PageSize { Width = PageWidth, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = LeftMargin, Right = RightMargin, Header = 709, Footer = 709, Gutter = 0 });
        return section;
    }
}
