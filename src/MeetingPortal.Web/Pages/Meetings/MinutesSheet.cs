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
/// The facts of a biên bản beyond the proceedings, as the record holds them (issue 16: end time, secretary, attendance,
/// "not stated" values, the secondary-source flag). A fact the record does not state is null and prints as a blank for
/// the secretary to fill by hand, never a default.
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
    /// The facts as the record states them: its end time, its first secretary, the stated attendance counts and note
    /// with the participants recorded absent, the format unless not stated, and its source when the record says it was
    /// rebuilt from one.
    /// </summary>
    public static MinutesFacts Of(DetailsModel.View record)
    {
        var absent = record.Participants.Where(p => p.Attendance == MeetingPortal.Domain.Meetings.Attendance.Absent).Select(p => (p.FullName, p.AbsenceReason)).ToList();
        return new(
            EndTime: record.EndTime,
            Secretary: record.Secretaries.FirstOrDefault() is { } secretary ? new MinutesPerson(secretary.FullName, secretary.Title) : null,
            Attendance: record.StatesAttendance || absent.Count > 0
                ? new MinutesAttendance(record.StatedInvitedCount, record.StatedPresentCount, record.StatedAbsentCount, absent, record.AttendanceNote)
                : null,
            Format: record.Format == MeetingFormat.NotStated ? null : record.Format,
            RebuiltFrom: record.RebuiltFromSecondarySource && !string.IsNullOrWhiteSpace(record.Source) ? record.Source.Trim() : null);
    }
}

/// <summary>A person named in the minutes: full name and the title held that day.</summary>
public sealed record MinutesPerson(string FullName, string? Title);

/// <summary>
/// How many were invited, present and absent as the record states them (null where it does not), who was recorded
/// absent with the reason given, and the record's note on absences.
/// </summary>
public sealed record MinutesAttendance(int? Invited, int? Present, int? AbsentCount, IReadOnlyList<(string Name, string? Reason)> Absent, string? Note);

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
