using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// A field of a record's history (<see cref="MeetingPortal.Application.Meetings.MeetingForm.Flatten"/>'s keys such as
/// "Speeches[2].Content") in the words of the form: "Phát biểu 2 · Nội dung". A key the portal has no words for is shown
/// as it is stored, so nothing recorded is hidden.
/// </summary>
public static partial class HistoryFieldNames
{
    [GeneratedRegex(@"^(?<name>[A-Za-z]+)(\[(?<n>\d+)\])?$")]
    private static partial Regex Part();

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+\b")]
    private static partial Regex CodeName();

    /// <summary>The enums whose member names the meeting form's history stores inside a value (MeetingForm.Flatten).</summary>
    private static readonly string[] StoredEnums =
    [
        nameof(Domain.Meetings.MeetingType), nameof(Domain.Meetings.DayPart), nameof(Domain.Meetings.PeriodKind), nameof(Domain.Meetings.MeetingFormat),
        nameof(Domain.Meetings.HostBoard), nameof(Domain.Meetings.ParticipantRole), nameof(Domain.Meetings.Attendance), nameof(Domain.Meetings.SpeechKind),
        nameof(Domain.Organisations.OrganisationKind),
    ];

    /// <summary>
    /// A stored value in words: each enum member name inside it ("Chair", "Opinion", "Quarter 4/2026") by its label, the
    /// rest as typed. Null stays null.
    /// </summary>
    public static string? ValueOf(IStringLocalizer localizer, string? value) => value is null ? null : CodeName().Replace(value, m =>
    {
        foreach (var type in StoredEnums)
        {
            if (localizer[type + "." + m.Value] is { ResourceNotFound: false } label)
            {
                return label.Value;
            }
        }

        return m.Value;
    });

    /// <summary>The field in words, each part by its resource "History.Field.&lt;name&gt;" and its 1-based number.</summary>
    public static string Of(IStringLocalizer localizer, string field)
    {
        var words = new List<string>();
        foreach (var part in field.Split('.'))
        {
            var match = Part().Match(part);
            var text = match.Success ? localizer["History.Field." + match.Groups["name"].Value] : null;
            if (text is null || text.ResourceNotFound)
            {
                return field;
            }

            words.Add(match.Groups["n"].Success ? $"{text.Value} {match.Groups["n"].Value}" : text.Value);
        }

        return string.Join(" · ", words);
    }
}
