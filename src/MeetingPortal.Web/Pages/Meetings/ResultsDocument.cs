using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MeetingPortal.Application.Results;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.Extensions.Localization;
using static MeetingPortal.Web.Infrastructure.WordDocuments;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>
/// The "Thông báo kết quả giải quyết kiến nghị" of a dialogue in DOCX (ADR 0025 section 5), in the house form of Party
/// documents the minutes and the official report use (Hướng dẫn 36-HD/VPTW, ADR 0019; "thông báo", symbol TB, among the
/// kinds of Quy định 66-QĐ/TW): the heading (superior Party organisation, the issuing committee, star, "Số …-TB/…" with
/// blanks for the office; "ĐẢNG CỘNG SẢN VIỆT NAM", place and date of issue), "THÔNG BÁO" and its subject, "Kính gửi:"
/// the raising bodies, an opening line naming the dialogue, then for each raising body its recommendations, each with
/// the body it was addressed to, its state, its latest answer (kind, date, body, text) and its roadmap (planned date,
/// progress, each milestone done, not done or overdue); the signature block ("T/M" the issuing committee, blank for the
/// signer) beside "Nơi nhận:". Page numbers in the footer. Times New Roman 13 pt on A4; always Vietnamese.
/// </summary>
public static class ResultsDocument
{
    /// <summary>A first-line indent of 1.27 cm, in twentieths of a point.</summary>
    private const int Indent = 720;

    /// <summary>What stands for a number or a name the office writes by hand.</summary>
    private const string Blank = "      ";

    /// <summary>The notice as DOCX bytes, issued on <see cref="ResultsNotice.Today"/>; <paramref name="localizer"/> must be Vietnamese.</summary>
    /// <param name="notice">The notice as <see cref="ResultsNoticeQuery"/> read it (a published meeting).</param>
    /// <param name="superiorBody">"Đảng bộ Thị xã Kỳ Anh", or null for a unit directly under the top unit.</param>
    /// <param name="localizer">The Vietnamese resources.</param>
    public static byte[] Create(ResultsNotice notice, string? superiorBody, IStringLocalizer localizer)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var footer = PageNumberFooter(main);
            var body = new Body();
            body.Append(PartyHeading(superiorBody, notice.IssuingBody, localizer["Results.NumberLine", Blank, Blank], localizer["OfficialReport.PartyName"],
                Reports.OfficialReportDocument.DateLine(localizer, PlaceName(notice.UnitName), notice.Today)));
            body.Append(TextParagraph(localizer["Results.DocumentTitle"], bold: true, size: 30, center: true, spaceBefore: 360, spaceAfter: 0));
            body.Append(TextParagraph(localizer["Results.Subject"], bold: true, size: 28, center: true, spaceAfter: 0));
            body.Append(TextParagraph("-----", center: true, spaceAfter: 240));
            if (notice.Addressees.Count > 0)
            {
                body.Append(TextParagraph($"{localizer["Results.To"]} {string.Join("; ", notice.Addressees)}.", center: true, spaceAfter: 240));
            }

            body.Append(TextParagraph(localizer["Results.Opening", notice.Title, notice.HeldOn.ToDisplay(), notice.Items.Count()], justify: true, firstLine: Indent));
            if (!notice.Items.Any())
            {
                body.Append(TextParagraph(localizer["Results.NoItems"], justify: true, firstLine: Indent));
            }

            var section = 0;
            foreach (var group in notice.Groups)
            {
                section++;
                var heading = group.RaisedBy is { } by ? localizer["Results.GroupOf", by] : localizer["Results.GroupUnnamed"];
                body.Append(TextParagraph($"{Roman(section)}. {heading.Value.ToUpper(Vietnamese)}", bold: true, spaceBefore: 240, justify: true));
                foreach (var item in group.Items)
                {
                    Item(body, item, localizer);
                }
            }

            body.Append(TextParagraph(localizer["Results.Closing"], justify: true, firstLine: Indent, spaceBefore: 240, spaceAfter: 240));
            body.Append(Signatures(notice, localizer));
            // A table never ends the document: LibreOffice adds a paragraph after a last table, which can take a page of its own.
            body.Append(new Paragraph(new ParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact })));
            body.Append(A4(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void Item(Body body, ResultItem item, IStringLocalizer localizer)
    {
        body.Append(TextParagraph(localizer["Results.ItemLine", item.Number, item.Content], bold: true, justify: true, firstLine: Indent, spaceBefore: 120));
        body.Append(Line($"{localizer["Recommendation.AddressedTo"]}: {item.AddressedTo ?? localizer["Results.NotAssigned"]}."));
        body.Append(Line($"{localizer["Results.State"]}: {localizer.Label(item.Status)}."));
        if (item.Answer is { } answer)
        {
            var label = answer.Body is null
                ? localizer["Results.AnswerLabel", localizer.Label(answer.Kind), answer.RespondedOn.ToDisplay()]
                : localizer["Results.AnswerLabelBy", localizer.Label(answer.Kind), answer.RespondedOn.ToDisplay(), answer.Body];
            body.Append(Line($"{label}: {answer.Content}"));
        }
        else
        {
            body.Append(Line(localizer["Results.NoAnswer"]));
        }

        if (item.Roadmap is { } roadmap)
        {
            body.Append(Line(localizer["Results.RoadmapLine", roadmap.PlannedResolutionOn.ToDisplay(), roadmap.ProgressPercent]
                + (roadmap.IsOverdue ? " " + localizer["Results.RoadmapOverdue"] : string.Empty)));
            foreach (var m in roadmap.Milestones)
            {
                var state = m.DoneOn is { } done ? localizer["Roadmap.DoneOnText", done.ToDisplay()] : m.IsLate ? localizer["Roadmap.LateMilestone"] : localizer["Roadmap.NotDone"];
                body.Append(TextParagraph($"+ {m.Content} ({localizer["Roadmap.MilestoneDue"]}: {m.DueOn.ToDisplay()}; {m.SharePercent.ToString(CultureInfo.InvariantCulture)}%): {state}.",
                    justify: true, left: Indent * 2));
            }
        }
    }

    /// <summary>"Nơi nhận" (the raising bodies, "như trên", the archive) on the left; "T/M" the issuing committee on the right, the signer's title and name left blank.</summary>
    private static Table Signatures(ResultsNotice notice, IStringLocalizer localizer)
    {
        var left = new List<Paragraph>
        {
            TextParagraph(localizer["OfficialReport.RecipientsLabel"], bold: true, italic: true, size: 24, spaceAfter: 0),
            TextParagraph(localizer["Results.RecipientsAbove"], size: 22, spaceAfter: 0),
            TextParagraph(localizer["Results.RecipientsArchive"], size: 22, spaceAfter: 0),
        };
        return TwoColumns(
            [.. left],
            [TextParagraph(localizer["OfficialReport.OnBehalfOfLine", notice.IssuingBody.ToUpper(Vietnamese)], bold: true, center: true, spaceAfter: 0),
             TextParagraph(localizer["Minutes.SignHint"], italic: true, center: true, size: 24),
             TextParagraph(string.Empty), TextParagraph(string.Empty), TextParagraph(string.Empty),
             TextParagraph(string.Empty, bold: true, center: true)]);
    }

    private static string Roman(int n) => n switch
    {
        <= 0 => n.ToString(CultureInfo.InvariantCulture),
        < 4 => new string('I', n),
        4 => "IV",
        < 9 => "V" + new string('I', n - 5),
        9 => "IX",
        < 40 => new string('X', n / 10) + Roman(n % 10).TrimStart('0'),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    private static Paragraph Line(string text) => TextParagraph("- " + text, justify: true, firstLine: Indent);
}

/// <summary>Writes <see cref="ResultsDocument"/> for a notice: the superior body of the day of issue and the Vietnamese resources.</summary>
public sealed class ResultsDocumentWriter(MeetingPortalDbContext db, IStringLocalizerFactory localizers)
{
    /// <summary>The DOCX of <paramref name="notice"/>, always in Vietnamese (the language of the record).</summary>
    public async Task<byte[]> CreateAsync(ResultsNotice notice, CancellationToken cancellationToken)
    {
        var (_, superiorUnit) = await NamesOnDate.UnitOnAsync(db, notice.UnitId, notice.Today, cancellationToken);
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
            var localizer = localizers.Create(typeof(SharedResource));
            var superior = superiorUnit is { } parent ? localizer["OfficialReport.SuperiorBody", parent].Value : null;
            return ResultsDocument.Create(notice, superior, localizer);
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
