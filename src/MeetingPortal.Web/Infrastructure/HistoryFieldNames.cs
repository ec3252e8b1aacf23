using System.Globalization;
using System.Text.RegularExpressions;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>A stored date (MeetingForm.Flatten writes dates as ISO yyyy-MM-dd).</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    /// <summary>The field that stores the record's unit as its id (MeetingForm.Flatten's "UnitId").</summary>
    private const string UnitField = "UnitId";

    /// <summary>The enums whose member names the meeting form's history stores inside a value (MeetingForm.Flatten).</summary>
    private static readonly string[] StoredEnums =
    [
        nameof(Domain.Meetings.MeetingType), nameof(Domain.Meetings.DayPart), nameof(Domain.Meetings.PeriodKind), nameof(Domain.Meetings.MeetingFormat),
        nameof(Domain.Meetings.HostBoard), nameof(Domain.Meetings.ParticipantRole), nameof(Domain.Meetings.Attendance), nameof(Domain.Meetings.SpeechKind),
        nameof(Domain.Organisations.OrganisationKind),
    ];

    /// <summary>
    /// A stored value in words: a date ("2026-07-01") as the portal writes dates (01/07/2026), each enum member name
    /// inside it ("Chair", "Opinion", "Quarter 4/2026") by its label, the rest as typed. Null stays null.
    /// </summary>
    public static string? ValueOf(IStringLocalizer localizer, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (IsoDate().IsMatch(value) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.ToDisplay();
        }

        return CodeName().Replace(value, m =>
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
    }

    /// <summary>
    /// A stored value of <paramref name="field"/> in words: the unit's name for the record's unit (stored as its id,
    /// looked up in <paramref name="unitNames"/>), otherwise as <see cref="ValueOf(IStringLocalizer, string?)"/>. An id
    /// whose unit is gone is shown as stored.
    /// </summary>
    /// <param name="unitNames">The names of the units the history names, by id (<see cref="UnitNamesAsync"/>).</param>
    public static string? ValueOf(IStringLocalizer localizer, string field, string? value, IReadOnlyDictionary<int, string> unitNames) =>
        field == UnitField && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && unitNames.TryGetValue(id, out var name)
            ? name
            : ValueOf(localizer, value);

    /// <summary>
    /// The current names of the units that a history's changes of the record's unit refer to, by id, in one query (none when no
    /// change names a unit), for <see cref="ValueOf(IStringLocalizer, string, string?, IReadOnlyDictionary{int, string})"/>.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, string>> UnitNamesAsync(MeetingPortalDbContext db, IEnumerable<FieldChange> changes, CancellationToken cancellationToken)
    {
        var ids = changes.Where(c => c.Field == UnitField).SelectMany(c => new[] { c.From, c.To })
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
            .OfType<int>().Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<int, string>()
            : await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
    }

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
