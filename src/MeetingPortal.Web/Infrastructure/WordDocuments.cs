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

    /// <summary>Two borderless columns of equal width: a document's heading, or its signatures.</summary>
    public static Table TwoColumns(Paragraph[] left, Paragraph[] right)
    {
        var none = new TableBorders(
            new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
            new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, none));
        table.Append(new TableGrid(new GridColumn { Width = "4500" }, new GridColumn { Width = "4500" }));
        var row = new TableRow();
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
