using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using MeetingPortal.Application.Reports;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Domain.Reports;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Recommendations;

/// <summary>
/// What the tracker's export says about itself: its title block (the tracker's name, the unit, every criterion of the
/// filter in words, how many items, who exported it and when) and its file name, "Theo dõi kiến nghị - unit -
/// period" (issue 15, deliver 5: a file a person can use says what it holds).
/// </summary>
/// <param name="Filter">The filter the list was exported with.</param>
/// <param name="UnitName">The unit counted: the filter's unit, or the user's own when none is chosen.</param>
/// <param name="Names">Names for the filter's ids: themes and organisations, by id.</param>
/// <param name="Localizer">The UI strings.</param>
public sealed record TrackerFile(RecommendationFilter Filter, string UnitName, TrackerFile.NameLookup Names, IStringLocalizer Localizer)
{
    /// <summary>Names of the records a filter names by id.</summary>
    /// <param name="Themes">Theme names by id.</param>
    /// <param name="Organisations">Organisation names by id.</param>
    public sealed record NameLookup(IReadOnlyDictionary<int, string> Themes, IReadOnlyDictionary<int, string> Organisations);

    /// <summary>
    /// The period the filter asks for in words: "Quý II/2022", "Năm 2022", "01/03/2022 – 31/07/2022", "từ 01/03/2022",
    /// or "tất cả" when it asks for none.
    /// </summary>
    public string PeriodText
    {
        get
        {
            if (Filter.Year is { } year && ReviewPeriod.IsValidYear(year))
            {
                return PeriodNames.Name(Localizer, Filter.Quarter is { } quarter && ReviewPeriod.IsValid(PeriodKind.Quarter, year, quarter)
                    ? new ReviewPeriod(PeriodKind.Quarter, year, quarter)
                    : new ReviewPeriod(PeriodKind.Year, year, 1));
            }

            return (Filter.From, Filter.To) switch
            {
                ({ } from, { } to) => Localizer["Period.Range", Day(from), Day(to)],
                ({ } from, null) => Localizer["Tracker.FileFrom", Day(from)],
                (null, { } to) => Localizer["Tracker.FileTo", Day(to)],
                _ => Localizer["Tracker.FileAll"],
            };
        }
    }

    /// <summary>The file's name without extension: "Theo dõi kiến nghị - Thị xã Kỳ Anh - Quý II-2022".</summary>
    public string FileName => Infrastructure.ReportFiles.FileName(Localizer["Tracker.Title"], UnitName, PeriodText);

    /// <summary>
    /// The title block: "Theo dõi kiến nghị", the unit (with the units below it), one "label: value" line per
    /// criterion the filter carries (<see cref="RecommendationFilter.RouteValues"/>, the unit aside) or a line saying
    /// there is none, the number of items, and who exported it and when.
    /// </summary>
    /// <param name="count">The number of items in the file.</param>
    /// <param name="stamp">Who exported it and when.</param>
    public IReadOnlyList<string> TitleLines(int count, Infrastructure.ExportStamp stamp)
    {
        var lines = new List<string> { Localizer["Tracker.Title"], Localizer["Report.FileUnit", UnitName] };
        var criteria = Filter.RouteValues().Where(c => c.Key != "unit").Select(c => $"{Label(c.Key)}: {Value(c.Key, c.Value)}").ToList();
        lines.AddRange(criteria.Count > 0 ? criteria : [Localizer["Tracker.FileNoFilter"]]);
        lines.Add(Localizer["Tracker.Count", count]);
        lines.Add(Localizer["Report.FileExported", stamp.VietnamTime, stamp.By]);
        return lines;
    }

    /// <summary>A criterion's label: the filter property's display name.</summary>
    private string Label(string key)
    {
        var property = typeof(RecommendationFilter).GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property?.GetCustomAttribute<DisplayAttribute>()?.Name is { } name ? Localizer[name] : key;
    }

    /// <summary>A criterion's value in words: the name of what an id names, a status or sort in Vietnamese, a date dd/MM/yyyy.</summary>
    private string Value(string key, string value) => key switch
    {
        "status" when Filter.Status is { } status => Localizer[$"{nameof(RecommendationStatus)}.{status}"],
        "due" when Filter.Due is { } due => Localizer[$"{nameof(DueState)}.{due}"],
        "sort" => Localizer[$"Tracker.Sort.{Filter.Sort}"],
        "theme" when Filter.Theme is { } id => Names.Themes.GetValueOrDefault(id, value),
        "raisedBy" when Filter.RaisedBy is { } id => Names.Organisations.GetValueOrDefault(id, value),
        "addressedTo" when Filter.AddressedTo is { } id => Names.Organisations.GetValueOrDefault(id, value),
        "from" when Filter.From is { } from => Day(from),
        "to" when Filter.To is { } to => Day(to),
        _ when value == "true" => Localizer["Common.Yes"],
        _ when value == "false" => Localizer["Common.No"],
        _ => value,
    };

    private static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
