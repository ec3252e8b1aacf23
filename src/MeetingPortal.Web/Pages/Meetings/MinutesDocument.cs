using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MeetingPortal.Domain.Meetings;
using Microsoft.Extensions.Localization;
using static MeetingPortal.Web.Infrastructure.WordDocuments;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>
/// The biên bản of a meeting in DOCX, in the form of Party documents (Hướng dẫn 36-HD/VPTW; "biên bản", symbol BB, among
/// the kinds of Quy định 66-QĐ/TW): the heading (superior body, issuing body, star, "Số …-BB/…" with blanks for the office;
/// "ĐẢNG CỘNG SẢN VIỆT NAM", place and date), "BIÊN BẢN" and the meeting's name; I. time (start, blank when not recorded),
/// place, format when stated, the chairs and co-chairs, those attending and the secretary; II. the course of the meeting,
/// each speech once, each recommendation followed by the answer given at the meeting (responses dated the meeting's day,
/// never the tracker's later status, so the text does not change when a recommendation is answered later); III. the
/// conclusion once and the tasks with their assignees and due dates; the closing line; signature blocks for the
/// secretary and every chair or co-chair. Page numbers in the footer. A record rebuilt from a secondary source says so
/// in the page header and in a note after the signatures, outside the signed text. Times New Roman 13 pt on A4 with the
/// margins of <see cref="WordDocuments"/>; always Vietnamese.
/// </summary>
public static class MinutesDocument
{
    /// <summary>A first-line indent of 1.27 cm, in twentieths of a point.</summary>
    private const int Indent = 720;

    /// <summary>What stands for a fact the secretary writes by hand: the number, a clock time, a place.</summary>
    private const string Blank = "……";

    /// <summary>The biên bản as DOCX bytes; <paramref name="localizer"/> must be Vietnamese (the page sets it).</summary>
    public static byte[] Create(MinutesSheet sheet, IStringLocalizer localizer)
    {
        var m = sheet.Record;
        var facts = sheet.Facts;
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var footer = PageNumberFooter(main);
            HeaderPart? header = null;
            if (facts.RebuiltFrom is not null)
            {
                header = main.AddNewPart<HeaderPart>();
                header.Header = new Header(TextParagraph(localizer["Minutes.RebuiltHeader"], italic: true, size: 20, center: true, spaceAfter: 0));
                header.Header.Save();
            }

            var body = new Body();
            var place = PlaceName(m.UnitName);
            body.Append(PartyHeading(sheet.SuperiorBody, sheet.IssuingBody, localizer["Minutes.NumberLine", "      ", "      "], localizer["OfficialReport.PartyName"],
                Reports.OfficialReportDocument.DateLine(localizer, place, m.HeldOn)));

            body.Append(TextParagraph(localizer["Minutes.Title"], bold: true, size: 30, center: true, spaceBefore: 360, spaceAfter: 0));
            var typeName = localizer.Label(m.Type);
            if (!MinutesText.StartsWithType(m.Title, typeName))
            {
                body.Append(TextParagraph(typeName, bold: true, size: 28, center: true, spaceAfter: 0));
            }

            body.Append(TextParagraph(m.Title, bold: true, size: 28, center: true, spaceAfter: 0));
            body.Append(TextParagraph("-----", center: true, spaceAfter: 240));

            TimePlaceAndAttendance(body, sheet, localizer);
            Proceedings(body, sheet, localizer);
            ConclusionAndTasks(body, sheet, localizer);

            var (endHour, endMinute) = facts.EndTime is { } end ? Clock(end) : (Blank, Blank);
            var closing = TextParagraph(localizer["Minutes.Closing", endHour, endMinute], justify: true, firstLine: Indent, spaceBefore: 240, spaceAfter: 240);
            // The closing line stays on the page of the signatures.
            closing.ParagraphProperties!.InsertAt(new KeepNext(), 0);
            body.Append(closing);
            body.Append(Signatures(sheet, localizer));

            // A table never ends the document: LibreOffice adds a paragraph after a last table, which took a page of its
            // own when the signatures ended at the foot of a page. The note of a rebuilt record, else a tiny paragraph.
            if (facts.RebuiltFrom is { } source)
            {
                body.Append(TextParagraph("-----", center: true, spaceBefore: 240, spaceAfter: 0));
                body.Append(TextParagraph(RebuiltNote(sheet, source, localizer), italic: true, size: 22, justify: true, spaceAfter: 0));
            }
            else
            {
                body.Append(new Paragraph(new ParagraphProperties(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact })));
            }

            var section = header is null
                ? A4(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) })
                : A4(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                     new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) });
            body.Append(section);
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The chairs who sign: those recorded as chair, then those recorded as co-chair, in the record's order.</summary>
    public static IReadOnlyList<DetailsModel.ParticipantView> Chairs(DetailsModel.View m) =>
        [.. m.Participants.Where(p => p.Role == ParticipantRole.Chair), .. m.Participants.Where(p => p.Role == ParticipantRole.CoChair)];

    private static void TimePlaceAndAttendance(Body body, MinutesSheet sheet, IStringLocalizer localizer)
    {
        var m = sheet.Record;
        body.Append(Section(localizer["Minutes.TimePlace"]));
        var (hour, minute) = m.StartTime is { } start ? Clock(start) : (Blank, Blank);
        var (day, month, year) = DateParts(m.HeldOn);
        var dayPart = m.DayPart is { } part ? localizer.Label(part).ToLower(Vietnamese) + " " : string.Empty;
        body.Append(Line(localizer["Minutes.TimeLine", hour, minute, dayPart, day, month, year]));
        body.Append(Line(localizer["Minutes.PlaceLine", m.Location ?? Blank]));
        if (sheet.Facts.Format is { } format)
        {
            body.Append(Line(localizer["Minutes.FormatLine", localizer.Label(format)]
                + (m.ConnectedPoints is { } points ? " " + localizer["Minutes.ConnectedPoints", points] : string.Empty)));
        }

        if (m.Period is { } period)
        {
            body.Append(Line($"{localizer["Meeting.Period"]}: {localizer.Label(period)}."));
        }

        body.Append(Line(localizer["Minutes.Composition"]));
        var chairs = Chairs(m);
        foreach (var role in new[] { ParticipantRole.Chair, ParticipantRole.CoChair, ParticipantRole.DirectingGuest, ParticipantRole.Attendee })
        {
            var people = m.Participants.Where(p => p.Role == role).Select(Named).ToList();
            if (people.Count > 0)
            {
                body.Append(Line($"+ {localizer.Label(role)}: {string.Join("; ", people)}.", Indent));
            }
        }

        if (m.ParticipantGroups.Count > 0)
        {
            // Groups in the record's own wording (ADR 0020): "Các Đ/c BTV Huyện ủy", never narrowed to a body.
            body.Append(Line($"+ {localizer["Meeting.ParticipantGroups"]}: {string.Join("; ", m.ParticipantGroups)}.", Indent));
        }

        if (m.Organisations.Count > 0)
        {
            body.Append(Line($"+ {localizer["Meeting.Organisations"]}: {string.Join("; ", m.Organisations)}.", Indent));
        }

        if (sheet.Facts.Attendance is { } attendance)
        {
            body.Append(Line("+ " + localizer["Minutes.AttendanceLine",
                attendance.Invited?.ToString(CultureInfo.InvariantCulture) ?? Blank,
                attendance.Present?.ToString(CultureInfo.InvariantCulture) ?? Blank,
                (attendance.AbsentCount ?? (attendance.Absent.Count > 0 ? attendance.Absent.Count : null))?.ToString(CultureInfo.InvariantCulture) ?? Blank], Indent));
            foreach (var (name, reason) in attendance.Absent)
            {
                body.Append(Line("  " + (reason is null ? name : localizer["Minutes.AbsentReason", name, reason]), Indent));
            }

            if (attendance.Note is { } note)
            {
                body.Append(Line("  " + note, Indent));
            }
        }

        body.Append(Line(localizer["Minutes.SecretaryLine", sheet.Facts.Secretary is { } secretary ? Named(secretary.FullName, secretary.Title) : Blank]));
    }

    private static void Proceedings(Body body, MinutesSheet sheet, IStringLocalizer localizer)
    {
        var m = sheet.Record;
        body.Append(Section(localizer["Minutes.Proceedings"]));
        if (m.Summary is not null)
        {
            AppendText(body, MinutesText.WithoutByline(m.Summary), Indent);
        }

        // Answers given at the meeting: each printed once, under the first recommendation it answers; the others point to it.
        var answered = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 1;
        // The report on the earlier dialogues' unresolved recommendations is the meeting's first item (issue 18, deliver 6),
        // each line with the state it had when reported: the minutes say what the meeting heard, not what is true later.
        if (m.CarriedOver.Count > 0)
        {
            body.Append(TextParagraph($"{n++}. {localizer["Minutes.CarriedOver"]}", bold: true, spaceBefore: 120, justify: true));
            foreach (var c in m.CarriedOver)
            {
                // The parenthesis closes the sentence: the text's own closing stop would come before it.
                body.Append(Line(localizer["Minutes.CarriedOverLine", c.Content.TrimEnd('.', ';', ',', ' ', ':'), c.AddressedTo ?? localizer["Common.NotStated"], c.TimesRaised,
                    c.FirstRaisedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), localizer.Label(c.ReportedStatus)]));
            }
        }

        foreach (var s in m.Speeches.Where(s => !IsTheConclusion(s, m)))
        {
            var who = Speaker(s);
            body.Append(TextParagraph(who is null ? $"{n++}. {localizer.Label(s.Kind)}" : $"{n++}. {localizer.Label(s.Kind)}: {who}", bold: true, spaceBefore: 120, justify: true));
            AppendText(body, MinutesText.WithoutByline(s.Content), Indent);
            foreach (var r in m.Recommendations.Where(r => r.SpeechId == s.Id))
            {
                Recommendation(body, m, r, answered, localizer, s.Content);
            }
        }

        // Recommendations the record does not tie to a speech come after the speeches.
        foreach (var r in m.Recommendations.Where(r => r.SpeechId is null || m.Speeches.All(s => s.Id != r.SpeechId || IsTheConclusion(s, m))))
        {
            Recommendation(body, m, r, answered, localizer);
        }

        if (m.StatedOpinionCount is not null || m.StatedRecommendationCount is not null)
        {
            body.Append(TextParagraph(localizer["Meeting.StatedCounts",
                m.StatedOpinionCount?.ToString(CultureInfo.InvariantCulture) ?? localizer["Common.NotStated"],
                m.StatedRecommendationCount?.ToString(CultureInfo.InvariantCulture) ?? localizer["Common.NotStated"]], italic: true, firstLine: Indent));
        }
    }

    private static void Recommendation(Body body, DetailsModel.View m, DetailsModel.RecommendationView r, Dictionary<string, int> answered, IStringLocalizer localizer, string? speech = null)
    {
        var parties = new List<string>();
        if (r.RaisedBy is not null)
        {
            parties.Add($"{localizer["Recommendation.RaisedBy"]}: {r.RaisedBy}");
        }

        if (r.AddressedTo is not null)
        {
            parties.Add($"{localizer["Recommendation.AddressedTo"]}: {r.AddressedTo}");
        }

        var number = m.Recommendations.IndexOf(r) + 1;
        // A speech that is its one recommendation word for word (the seeds of 2022) is printed once, above.
        var said = MinutesText.Same(MinutesText.WithoutByline(r.Content), speech is null ? null : MinutesText.WithoutByline(speech))
            ? localizer["Minutes.RecommendationAsSaid", number].Value
            : localizer["Minutes.Recommendation", number, r.Content].Value;
        body.Append(TextParagraph(said + (parties.Count > 0 ? $" ({string.Join("; ", parties)})" : string.Empty),
            italic: true, justify: true, firstLine: Indent));

        // Only what was answered at the meeting: a response dated the meeting's day. Later answers belong to the tracker.
        foreach (var response in r.Responses.Where(x => x.RespondedOn == m.HeldOn))
        {
            var by = response.OrganisationName ?? response.PersonName;
            var kind = localizer.Label(response.Kind);
            var label = by is null ? kind : $"{kind}, {by}";
            // An answer that is the whole conclusion is pointed to (printed once, under III); part of it is quoted here.
            if (MinutesText.Same(response.Content, m.Conclusion))
            {
                body.Append(TextParagraph(localizer["Minutes.AnswerInConclusion", label], justify: true, firstLine: Indent));
            }
            else if (answered.TryGetValue(response.Content.Trim(), out var first))
            {
                body.Append(TextParagraph(localizer["Minutes.AnswerSameAs", label, first], justify: true, firstLine: Indent));
            }
            else
            {
                answered[response.Content.Trim()] = number;
                body.Append(TextParagraph(localizer["Minutes.AnswerAtMeeting", label, MinutesText.WithoutByline(response.Content)], justify: true, firstLine: Indent));
            }
        }
    }

    private static void ConclusionAndTasks(Body body, MinutesSheet sheet, IStringLocalizer localizer)
    {
        var m = sheet.Record;
        var concluding = m.Speeches.FirstOrDefault(s => IsTheConclusion(s, m));
        var conclusion = m.Conclusion ?? concluding?.Content;
        if (conclusion is null && m.Directives.Count == 0)
        {
            return;
        }

        body.Append(Section(localizer["Minutes.Conclusion"]));
        if (conclusion is not null)
        {
            if (concluding is not null && Speaker(concluding) is { } who)
            {
                body.Append(TextParagraph(localizer["Minutes.ConcludedBy", who], bold: true, justify: true, firstLine: Indent));
            }

            AppendText(body, MinutesText.WithoutByline(conclusion), Indent);
        }

        if (m.Directives.Count > 0)
        {
            body.Append(TextParagraph(localizer["Minutes.Tasks"], bold: true, spaceBefore: 120, firstLine: Indent));
            var n = 1;
            foreach (var d in m.Directives)
            {
                var details = new List<string>();
                if (d.AllAssignees.Any())
                {
                    details.Add($"{localizer["Directive.Assignees"]}: {string.Join(", ", d.AllAssignees)}");
                }

                if (d.Target is { } target)
                {
                    details.Add($"{localizer["Directive.Target"]}: {MeetingPortal.Web.Pages.Directives.TargetWording.Of(localizer, target.Measure, target.Low, target.High, target.Unit)}");
                }

                if (d.DueOn is { } due)
                {
                    details.Add($"{localizer["Form.DueOn"]}: {due.ToDisplay()}");
                }

                body.Append(TextParagraph($"{n++}. {d.Content}" + (details.Count > 0 ? $" ({string.Join("; ", details)})." : string.Empty), justify: true, firstLine: Indent));
            }
        }
    }

    /// <summary>
    /// The note under a rebuilt record: where it comes from, and which blanks are the source's silence: only those left
    /// blank in this record (the number always; times, place, secretary where the record does not state them).
    /// </summary>
    private static string RebuiltNote(MinutesSheet sheet, string source, IStringLocalizer localizer)
    {
        var blanks = new List<string> { localizer["Minutes.BlankNumber"] };
        if (sheet.Record.StartTime is null || sheet.Facts.EndTime is null)
        {
            blanks.Add(localizer["Minutes.BlankTime"]);
        }

        if (sheet.Record.Location is null)
        {
            blanks.Add(localizer["Minutes.BlankPlace"]);
        }

        if (sheet.Facts.Secretary is null)
        {
            blanks.Add(localizer["Minutes.BlankSecretary"]);
        }

        return $"{localizer["Minutes.RebuiltNote", source]} {localizer["Minutes.RebuiltBlanks", string.Join(", ", blanks)]}";
    }

    /// <summary>The secretary on the left, then each chair or co-chair; a meeting whose record names no chair keeps an unnamed "CHỦ TRÌ" block.</summary>
    private static Table Signatures(MinutesSheet sheet, IStringLocalizer localizer)
    {
        var hint = localizer["Minutes.SignHint"];
        Paragraph[] Block(string role, string? name) =>
        [
            TextParagraph(role, bold: true, center: true, spaceAfter: 0),
            TextParagraph(hint, italic: true, center: true, size: 24),
            TextParagraph(string.Empty), TextParagraph(string.Empty), TextParagraph(string.Empty),
            TextParagraph(name ?? string.Empty, bold: true, center: true),
        ];

        var blocks = new List<Paragraph[]> { Block(localizer["Minutes.Secretary"], sheet.Facts.Secretary?.FullName) };
        var chairs = Chairs(sheet.Record);
        if (chairs.Count == 0)
        {
            blocks.Add(Block(localizer["Minutes.Chair"], null));
        }

        foreach (var chair in chairs)
        {
            blocks.Add(Block(chair.Role == ParticipantRole.CoChair ? localizer["Minutes.CoChair"] : localizer["Minutes.Chair"], chair.FullName));
        }

        return SignatureGrid(blocks);
    }

    /// <summary>The speech that is the meeting's conclusion (kept by the record both as a speech and as the conclusion): printed once, under III.</summary>
    private static bool IsTheConclusion(DetailsModel.SpeechView s, DetailsModel.View m) =>
        s.Kind == SpeechKind.Conclusion && (m.Conclusion is null || MinutesText.Same(s.Content, m.Conclusion));

    /// <summary>"Nguyễn Thị Hà Tân, TUV, Bí thư Huyện ủy", the organisation when no person is named, null when neither is.</summary>
    private static string? Speaker(DetailsModel.SpeechView s) =>
        s.SpeakerName is not null ? Named(s.SpeakerName, s.SpeakerTitle) : s.OrganisationName;

    private static string Named(DetailsModel.ParticipantView p) => Named(p.FullName, p.Title);

    private static string Named(string name, string? title) => title is null ? name : $"{name}, {title}";

    private static (string Hour, string Minute) Clock(TimeOnly time) =>
        (time.Hour.ToString("00", CultureInfo.InvariantCulture), time.Minute.ToString("00", CultureInfo.InvariantCulture));

    private static Paragraph Section(string text) => TextParagraph(text, bold: true, spaceBefore: 240, justify: true);

    private static Paragraph Line(string text, int left = 0) => TextParagraph(left > 0 ? text : "- " + text, justify: true, left: left, firstLine: left > 0 ? 0 : Indent);
}
