using System.Globalization;
using MeetingPortal.Application.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>Who exported a file and when (UTC; written in Vietnam time in the file's title block).</summary>
public sealed record ExportStamp(string By, DateTimeOffset AtUtc)
{
    /// <summary>The moment in Vietnam time (UTC+7, no daylight saving), "dd/MM/yyyy HH:mm".</summary>
    public string VietnamTime => AtUtc.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>A share written as a percentage in a file (typed as a number with a percent format in XLSX).</summary>
public readonly record struct ExportPercent(double Share);

/// <summary>A change against the period before, written with its sign ("+3") as the screen's "Thay đổi" column (typed as a number with a signed format in XLSX).</summary>
public readonly record struct ExportChange(double Value);

/// <summary>
/// A summary document (<see cref="ReportDocument"/>) as files: every table, each "x / y" figure as three typed columns
/// (the part, the whole, the percentage), under a title block naming the unit, the period, the day counted, who
/// exported it and when. The screen and the files are drawn from the same document, so their figures are the same.
/// </summary>
public static class ReportFiles
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    /// <summary>"Tổng hợp - Phường Kỳ Phương - Quý II-2022": the file's kind, unit and period in words, without characters a file system refuses.</summary>
    public static string FileName(string kind, string unitName, string periodLabel)
    {
        var name = $"{kind} - {unitName} - {periodLabel}";
        var refused = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        return new string(name.Select(c => refused.Contains(c) || char.IsControl(c) ? '-' : c).ToArray());
    }

    /// <summary>
    /// The file as a download named <paramref name="name"/> (UTF-8, in <c>filename*</c>) with an ASCII fallback that
    /// keeps the words without their diacritics ("tong-hop-thi-xa-ky-anh-quy-ii-2022.xlsx") rather than "T_ng h_p…",
    /// for the few clients that read only <c>filename</c>.
    /// </summary>
    public static FileContentResult Download(HttpResponse response, byte[] content, string contentType, string name)
    {
        NameDownload(response, name);
        return new FileContentResult(content, contentType);
    }

    /// <summary>
    /// Names the response's download <paramref name="name"/> as <see cref="Download"/> does, for a file served from a
    /// stream (an attachment, a scan): MVC's own fallback name replaced each Vietnamese letter by "_" ("B_o c_o…").
    /// </summary>
    public static void NameDownload(HttpResponse response, string name)
    {
        var extension = Path.GetExtension(name);
        var ascii = string.Join('-', MeetingPortal.Domain.Common.TextNormalizer.FoldForSearch(Path.GetFileNameWithoutExtension(name))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new string(w.Where(char.IsAscii).ToArray())).Where(w => w.Length > 0));
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(name);
        disposition.FileName = "\"" + (ascii.Length == 0 ? "tep" : ascii) + extension + "\"";
        response.Headers.ContentDisposition = disposition.ToString();
    }

    /// <summary>The title block's lines: the report's title, the unit, the period with its dates, the day counted, the export.</summary>
    public static IReadOnlyList<string> TitleLines(ReportDocument document, IStringLocalizer localizer, ExportStamp stamp) =>
    [
        localizer["Report.Title", document.UnitName, document.Period],
        localizer["Report.FileUnit", document.UnitName],
        localizer["Report.FilePeriod", document.Period, document.From.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), document.To.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)],
        localizer["Report.FileCounted", document.CountedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)],
        localizer["Report.FileExported", stamp.VietnamTime, stamp.By],
    ];

    /// <summary>The document's tables as export tables, "x / y" columns split into part, whole and percentage.</summary>
    public static IReadOnlyList<ExportTable> Tables(ReportDocument document, IStringLocalizer localizer, ExportStamp stamp)
    {
        var title = TitleLines(document, localizer, stamp);
        return document.Tables.Select(table =>
        {
            var split = table.Columns.Select((_, i) => table.Rows.Any(r => i < r.Values.Count && r.Values[i]?.Whole is not null)).ToList();
            var header = new List<string> { table.LabelColumn };
            for (var i = 0; i < table.Columns.Count; i++)
            {
                header.Add(table.Columns[i]);
                if (split[i])
                {
                    header.Add(localizer["Report.FileWhole", table.Columns[i]]);
                    header.Add(localizer["Report.FileShare", table.Columns[i]]);
                }
            }

            var rows = table.Rows.Select(row =>
            {
                var cells = new List<object?> { row.Level > 0 ? "  " + row.Label : row.Label };
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var value = i < row.Values.Count ? row.Values[i] : null;
                    cells.Add(value?.Kind switch
                    {
                        ValueKind.Share => value.Number is { } share ? new ExportPercent(share) : null,
                        ValueKind.Change => value.Number is { } change ? new ExportChange(change) : null,
                        _ => value?.Number,
                    });
                    if (split[i])
                    {
                        cells.Add(value?.Whole);
                        cells.Add(value?.Share is { } s ? new ExportPercent(s) : null);
                    }
                }

                return (IReadOnlyList<object?>)cells;
            }).ToList();
            return new ExportTable(table.Title, header, rows) { Title = [.. title, table.Title], Note = table.Note };
        }).ToList();
    }

    /// <summary>The document as XLSX: one sheet per table.</summary>
    public static byte[] Xlsx(ReportDocument document, IStringLocalizer localizer, ExportStamp stamp) =>
        TableExport.Xlsx([.. Tables(document, localizer, stamp)]);

    /// <summary>The document as one CSV: every table in turn under its title.</summary>
    public static byte[] Csv(ReportDocument document, IStringLocalizer localizer, ExportStamp stamp) =>
        TableExport.Csv([.. Tables(document, localizer, stamp)]);
}
