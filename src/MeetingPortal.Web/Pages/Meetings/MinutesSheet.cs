using System.Text.RegularExpressions;
using MeetingPortal.Domain.Meetings;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>
/// What a biên bản is written from: the record as the detail page reads it (<see cref="DetailsModel.View"/>, names as the
/// view gives them) and the facts of the meeting that the record does not hold yet (<see cref="MinutesFacts"/>). The one
/// place where the minutes learn a fact: a fact that is null here prints as a blank for the secretary, never a default.
/// </summary>
/// <param name="Record">The meeting's record.</param>
/// <param name="Facts">End time, secretary, attendance, whether the format was stated, the secondary source.</param>
/// <param name="SuperiorBody">"Đảng bộ Thị xã Kỳ Anh": the superior Party organisation of the issuing body, null when the unit sits directly under the top unit.</param>
public sealed record MinutesSheet(DetailsModel.View Record, MinutesFacts Facts, string? SuperiorBody)
{
    /// <summary>The body that holds the meeting and issues its minutes: the host as recorded, else the unit.</summary>
    public string IssuingBody => Record.HostName ?? Record.UnitName;
}

/// <summary>
/// The facts a biên bản states that today's record does not hold, or holds only as a default. Issue 16 adds them to the
/// record (end time, secretary, attendance, "not stated" values, the secondary-source flag); until then
/// <see cref="Of"/> derives what can be known and leaves the rest null, which the minutes print as blanks to fill by hand.
/// </summary>
/// <param name="EndTime">When the meeting ended (Vietnam time), or null.</param>
/// <param name="Secretary">The secretary (thư ký) who keeps the minutes, or null.</param>
/// <param name="Attendance">Invited, present and absent, or null when the record does not say.</param>
/// <param name="Format">The format as the source states it; null when not stated.</param>
/// <param name="RebuiltFrom">
/// The secondary source (a news report) the record was rebuilt from, or null for a record the secretary made at the
/// meeting. The minutes then say so outside the signed text.
/// </param>
public sealed record MinutesFacts(TimeOnly? EndTime, MinutesPerson? Secretary, MinutesAttendance? Attendance, MeetingFormat? Format, string? RebuiltFrom)
{
    /// <summary>
    /// The facts today's record gives: no end time, secretary or attendance; the format only when it is not the record's
    /// default (in person is what every record without a stated format holds, so it cannot be told from "not stated");
    /// the record's source as the secondary source it was rebuilt from (a record the secretary makes has none).
    /// </summary>
    public static MinutesFacts Of(DetailsModel.View record) => new(
        EndTime: null,
        Secretary: null,
        Attendance: null,
        Format: record.Format == MeetingFormat.InPerson ? null : record.Format,
        RebuiltFrom: string.IsNullOrWhiteSpace(record.Source) ? null : record.Source.Trim());
}

/// <summary>A person named in the minutes: full name and the title held that day.</summary>
public sealed record MinutesPerson(string FullName, string? Title);

/// <summary>How many were invited and present (null where not recorded) and who was absent, with the reason given.</summary>
public sealed record MinutesAttendance(int? Invited, int? Present, IReadOnlyList<(string Name, string? Reason)> Absent);

/// <summary>Text rules of the minutes that do not depend on the document format.</summary>
public static partial class MinutesText
{
    [GeneratedRegex(@"^\s*\([^)\n]{1,60}\)\s*[-–—]\s*")]
    private static partial Regex PressByline();

    /// <summary>
    /// A news report's byline at the start of a text ("(Baohatinh.vn) - Năm 2022, …" → "Năm 2022, …"): the newspaper's
    /// mark, not part of what was said at the meeting.
    /// </summary>
    public static string WithoutByline(string text) => PressByline().Replace(text, string.Empty, 1);

    /// <summary>True when <paramref name="title"/> already begins with the meeting type's name ("Hội nghị giao ban …").</summary>
    public static bool StartsWithType(string title, string typeName) => title.TrimStart().StartsWith(typeName, StringComparison.CurrentCultureIgnoreCase);

    /// <summary>Two texts that are the same statement (the record keeps the conclusion as a speech and as the conclusion).</summary>
    public static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Fold(a), Fold(b), StringComparison.Ordinal);

    private static string Fold(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
