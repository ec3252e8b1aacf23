using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>
/// The meeting record as a biên bản in DOCX: heading, time and place, participants, the proceedings
/// in order, conclusion and tasks, signatures. Times New Roman 13 pt on A4 with the margins of
/// Decree 30/2020/NĐ-CP (left 30 mm, right 15 mm, top and bottom 20 mm).
/// </summary>
public static class MinutesDocument
{
    private const string Font = "Times New Roman";
    private const int BodySize = 26; // half-points: 13 pt

    public static byte[] Create(DetailsModel.View m, IStringLocalizer localizer)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Heading(m));
            body.Append(Paragraph(localizer["Minutes.Title"], bold: true, size: 30, center: true, spaceBefore: 240));
            body.Append(Paragraph($"{localizer.Label(m.Type)}: {m.Title}", bold: true, center: true, spaceAfter: 240));

            body.Append(Section(localizer["Minutes.TimePlace"]));
            var when = (m.DayPart is { } part ? localizer.Label(part) + " " : string.Empty) + m.HeldOn.ToDisplay()
                + (m.StartTime is { } time ? ", " + time.ToString("HH:mm", CultureInfo.InvariantCulture) : string.Empty);
            body.Append(Bullet($"{localizer["Meeting.HeldOn"]}: {when}"));
            if (m.Location is not null)
            {
                body.Append(Bullet($"{localizer["Meeting.Location"]}: {m.Location}"));
            }

            body.Append(Bullet($"{localizer["Meetings.Format"]}: {localizer.Label(m.Format)}"
                + (m.ConnectedPoints is { } points ? $" ({localizer["Meeting.ConnectedPoints"]}: {points})" : string.Empty)));
            if (m.Period is { } period)
            {
                body.Append(Bullet($"{localizer["Meeting.Period"]}: {localizer.Label(period)}"));
            }

            if (m.HostName is not null)
            {
                body.Append(Bullet($"{localizer["Meeting.Host"]}: {m.HostName}"));
            }

            body.Append(Section(localizer["Minutes.Participants"]));
            foreach (var role in Enum.GetValues<ParticipantRole>())
            {
                var people = m.Participants.Where(p => p.Role == role).Select(p => p.Title is null ? p.FullName : $"{p.FullName}, {p.Title}").ToList();
                if (people.Count > 0)
                {
                    body.Append(Bullet($"{localizer.Label(role)}: {string.Join("; ", people)}"));
                }
            }

            if (m.Organisations.Count > 0)
            {
                body.Append(Bullet($"{localizer["Meeting.Organisations"]}: {string.Join("; ", m.Organisations)}"));
            }

            body.Append(Section(localizer["Minutes.Proceedings"]));
            if (m.Summary is not null)
            {
                AppendText(body, m.Summary);
            }

            foreach (var s in m.Speeches)
            {
                var who = s.SpeakerName is not null
                    ? s.SpeakerName + (s.SpeakerTitle is null ? string.Empty : ", " + s.SpeakerTitle)
                    : s.OrganisationName ?? localizer["Meeting.NoSpeaker"];
                body.Append(Paragraph($"{s.Order}. {localizer.Label(s.Kind)}: {who}", bold: true, spaceBefore: 120));
                AppendText(body, s.Content);
                foreach (var r in m.Recommendations.Where(r => r.SpeechId == s.Id))
                {
                    body.Append(Bullet($"{localizer["Minutes.Recommendation"]}: {r.Content} ({localizer["Recommendation.RaisedBy"]}: {r.RaisedBy ?? localizer["Common.NotStated"]}; "
                        + $"{localizer["Recommendation.AddressedTo"]}: {r.AddressedTo ?? localizer["Common.NotStated"]}; {localizer["Recommendation.Status"]}: {localizer.Label(r.Status)})", italic: true));
                }
            }

            if (m.StatedOpinionCount is not null || m.StatedRecommendationCount is not null)
            {
                body.Append(Paragraph(localizer["Meeting.StatedCounts",
                    m.StatedOpinionCount?.ToString(CultureInfo.InvariantCulture) ?? localizer["Common.NotStated"],
                    m.StatedRecommendationCount?.ToString(CultureInfo.InvariantCulture) ?? localizer["Common.NotStated"]], italic: true));
            }

            body.Append(Section(localizer["Minutes.Conclusion"]));
            if (m.Conclusion is not null)
            {
                AppendText(body, m.Conclusion);
            }

            if (m.Directives.Count > 0)
            {
                body.Append(Paragraph(localizer["Meeting.Directives"] + ":", bold: true));
                var n = 1;
                foreach (var d in m.Directives)
                {
                    var details = new List<string>();
                    if (d.Assignees.Count > 0)
                    {
                        details.Add($"{localizer["Directive.Assignees"]}: {string.Join(", ", d.Assignees)}");
                    }

                    if (d.DueOn is { } due)
                    {
                        details.Add($"{localizer["Form.DueOn"]}: {due.ToDisplay()}");
                    }

                    body.Append(Paragraph($"{n++}. {d.Content}" + (details.Count > 0 ? $" ({string.Join("; ", details)})" : string.Empty)));
                }
            }

            body.Append(Paragraph(localizer["Minutes.Closing"], italic: true, spaceBefore: 240));
            var chair = m.Participants.FirstOrDefault(p => p.Role == ParticipantRole.Chair)?.FullName ?? string.Empty;
            body.Append(SignatureTable(localizer["Minutes.Secretary"], localizer["Minutes.Chair"], localizer["Minutes.SignHint"], chair));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 851, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Table Heading(DetailsModel.View m)
    {
        var left = m.HostName?.ToUpper(CultureInfo.GetCultureInfo("vi-VN")) ?? m.UnitName.ToUpper(CultureInfo.GetCultureInfo("vi-VN"));
        var right = "ĐẢNG CỘNG SẢN VIỆT NAM";
        var date = $"{m.UnitName}, ngày {m.HeldOn.Day:00} tháng {m.HeldOn.Month:00} năm {m.HeldOn.Year}";
        return TwoColumns(
            [Paragraph(left, bold: true, center: true), Paragraph("*", center: true)],
            [Paragraph(right, bold: true, center: true, underline: true), Paragraph(date, italic: true, center: true)]);
    }

    private static Table SignatureTable(string secretary, string chair, string hint, string chairName) =>
        TwoColumns(
            [Paragraph(secretary, bold: true, center: true), Paragraph(hint, italic: true, center: true)],
            [Paragraph(chair, bold: true, center: true), Paragraph(hint, italic: true, center: true), Paragraph(string.Empty), Paragraph(string.Empty), Paragraph(chairName, bold: true, center: true)]);

    private static Table TwoColumns(Paragraph[] left, Paragraph[] right)
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

    private static TableCell AppendAll(this TableCell cell, IEnumerable<Paragraph> paragraphs)
    {
        foreach (var paragraph in paragraphs)
        {
            cell.Append(paragraph);
        }

        return cell;
    }

    private static Paragraph Section(string text) => Paragraph(text, bold: true, spaceBefore: 240);

    private static Paragraph Bullet(string text, bool italic = false) => Paragraph("- " + text, italic: italic);

    /// <summary>Texts keep their paragraphs: each line of the record becomes a paragraph of the minutes.</summary>
    private static void AppendText(Body body, string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            body.Append(Paragraph(line, justify: true));
        }
    }

    private static Paragraph Paragraph(string text, bool bold = false, bool italic = false, bool underline = false, bool center = false, bool justify = false,
        int size = BodySize, int spaceBefore = 0, int spaceAfter = 60)
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

        var paragraphProperties = new ParagraphProperties(
            new SpacingBetweenLines { Before = spaceBefore.ToString(CultureInfo.InvariantCulture), After = spaceAfter.ToString(CultureInfo.InvariantCulture) });
        if (center || justify)
        {
            paragraphProperties.Append(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Both });
        }

        // Text saved before control characters were dropped at storage still makes a valid document.
        return new Paragraph(paragraphProperties, new Run(runProperties, new Text(TextNormalizer.ForStorage(text)!) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static void AddStyles(MainDocumentPart main)
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
}
