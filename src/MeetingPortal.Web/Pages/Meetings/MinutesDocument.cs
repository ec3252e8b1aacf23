using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MeetingPortal.Domain.Meetings;
using Microsoft.Extensions.Localization;
using static MeetingPortal.Web.Infrastructure.WordDocuments;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>
/// The meeting record as a biên bản in DOCX: heading, time and place, participants, the proceedings
/// in order, conclusion and tasks, signatures. Times New Roman 13 pt on A4 with the margins of
/// Decree 30/2020/NĐ-CP (left 30 mm, right 15 mm, top and bottom 20 mm), from the pieces in <see cref="WordDocuments"/>.
/// </summary>
public static class MinutesDocument
{
    public static byte[] Create(DetailsModel.View m, IStringLocalizer localizer)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Heading(m));
            body.Append(TextParagraph(localizer["Minutes.Title"], bold: true, size: 30, center: true, spaceBefore: 240));
            body.Append(TextParagraph($"{localizer.Label(m.Type)}: {m.Title}", bold: true, center: true, spaceAfter: 240));

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
                body.Append(TextParagraph($"{s.Order}. {localizer.Label(s.Kind)}: {who}", bold: true, spaceBefore: 120));
                AppendText(body, s.Content);
                foreach (var r in m.Recommendations.Where(r => r.SpeechId == s.Id))
                {
                    body.Append(Bullet($"{localizer["Minutes.Recommendation"]}: {r.Content} ({localizer["Recommendation.RaisedBy"]}: {r.RaisedBy ?? localizer["Common.NotStated"]}; "
                        + $"{localizer["Recommendation.AddressedTo"]}: {r.AddressedTo ?? localizer["Common.NotStated"]}; {localizer["Recommendation.Status"]}: {localizer.Label(r.Status)})", italic: true));
                }
            }

            if (m.StatedOpinionCount is not null || m.StatedRecommendationCount is not null)
            {
                body.Append(TextParagraph(localizer["Meeting.StatedCounts",
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
                body.Append(TextParagraph(localizer["Meeting.Directives"] + ":", bold: true));
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

                    body.Append(TextParagraph($"{n++}. {d.Content}" + (details.Count > 0 ? $" ({string.Join("; ", details)})" : string.Empty)));
                }
            }

            body.Append(TextParagraph(localizer["Minutes.Closing"], italic: true, spaceBefore: 240));
            var chair = m.Participants.FirstOrDefault(p => p.Role == ParticipantRole.Chair)?.FullName ?? string.Empty;
            body.Append(SignatureTable(localizer["Minutes.Secretary"], localizer["Minutes.Chair"], localizer["Minutes.SignHint"], chair));
            body.Append(A4());
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
            [TextParagraph(left, bold: true, center: true), TextParagraph("*", center: true)],
            [TextParagraph(right, bold: true, center: true, underline: true), TextParagraph(date, italic: true, center: true)]);
    }

    private static Table SignatureTable(string secretary, string chair, string hint, string chairName) =>
        TwoColumns(
            [TextParagraph(secretary, bold: true, center: true), TextParagraph(hint, italic: true, center: true)],
            [TextParagraph(chair, bold: true, center: true), TextParagraph(hint, italic: true, center: true), TextParagraph(string.Empty), TextParagraph(string.Empty), TextParagraph(chairName, bold: true, center: true)]);

    private static Paragraph Section(string text) => TextParagraph(text, bold: true, spaceBefore: 240);

    private static Paragraph Bullet(string text, bool italic = false) => TextParagraph("- " + text, italic: italic);
}
