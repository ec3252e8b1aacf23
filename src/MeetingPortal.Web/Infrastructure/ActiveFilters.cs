using System.Globalization;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// How a list names the criteria of its filter (issue 15, item 6): one entry per query key of the filter's
/// <c>RouteValues()</c>, with the label in the UI language (a resource key) and how a value reads in words.
/// A criterion added to a filter needs only its entry here (and its strings) to be shown above the list, removable,
/// and carried by the list's form; the lists' tables are in <see cref="ListCriteria"/>.
/// </summary>
public sealed class CriterionLabels(IStringLocalizer localizer)
{
    private readonly Dictionary<string, Func<string, string>> _describe = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string[]> _dependents = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A criterion read "label: value". <paramref name="name"/> gives the value in words (a unit's name for its id)
    /// or null when it cannot; then the raw value shows. A date (yyyy-MM-dd) reads dd/MM/yyyy.
    /// <paramref name="dependents"/> are criteria that mean nothing without this one (a quarter without its year)
    /// and go with it when it is removed.
    /// </summary>
    public CriterionLabels Value(string key, string label, Func<string, string?>? name = null, params string[] dependents)
    {
        _describe[key] = value => $"{localizer[label]}: {name?.Invoke(value) ?? Plain(value)}";
        _dependents[key] = dependents;
        return this;
    }

    /// <summary>A criterion whose values are the names of <typeparamref name="TEnum"/>, read with their labels ("MeetingType.Dialogue").</summary>
    public CriterionLabels Choice<TEnum>(string key, string label)
        where TEnum : struct, Enum =>
        Value(key, label, value => Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? localizer.Label(parsed) : null);

    /// <summary>A criterion whose values are ids among <paramref name="options"/> (units, themes, bodies), read by their names.</summary>
    public CriterionLabels Choice(string key, string label, IEnumerable<(int Id, string Label)> options)
    {
        // A unit's option is indented with dashes by its depth; the chip wants the name alone.
        var names = options.GroupBy(o => o.Id).ToDictionary(g => g.Key, g => g.First().Label.TrimStart('—', ' '));
        return Value(key, label, value => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && names.TryGetValue(id, out var n) ? n : null);
    }

    /// <summary>
    /// A yes/no criterion read as one phrase: <paramref name="whenTrue"/> for "true" ("Đã trả lời"), <paramref name="whenFalse"/>
    /// for "false" ("Chưa trả lời"; leave it out for a criterion that is only ever on).
    /// </summary>
    public CriterionLabels Flag(string key, string whenTrue, string? whenFalse = null)
    {
        _describe[key] = value => value switch
        {
            "true" => localizer[whenTrue],
            "false" when whenFalse is not null => localizer[whenFalse],
            _ => $"{localizer[whenTrue]}: {value}",
        };
        _dependents[key] = [];
        return this;
    }

    /// <summary>Whether <paramref name="key"/> has an entry; one without still shows, labelled by its key.</summary>
    public bool Knows(string key) => _describe.ContainsKey(key);

    /// <summary>What the chip of <paramref name="key"/> = <paramref name="value"/> says.</summary>
    public string Describe(string key, string value) => _describe.TryGetValue(key, out var describe) ? describe(value) : $"{key}: {value}";

    /// <summary>The criteria removed with <paramref name="key"/>: itself and those that mean nothing without it.</summary>
    public IEnumerable<string> RemovedWith(string key) => [key, .. _dependents.GetValueOrDefault(key) ?? []];

    private static string Plain(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date.ToDisplay() : value;
}

/// <summary>One active criterion of a list as a chip: its query key, what it says, and the list's query without it.</summary>
public sealed record FilterChip(string Key, string Text, Dictionary<string, string> RemoveRoute);

/// <summary>
/// The active criteria of a list (issue 15, item 6), from its filter's <c>RouteValues()</c>: shown above the results as
/// removable chips (Pages/Shared/_ActiveFilters), and carried by the list's GET form as hidden inputs where the form
/// has no field for them (Pages/Shared/_CarriedCriteria), so that no refinement drops one.
/// </summary>
public sealed class ActiveFilters
{
    /// <summary>Query keys that order or page the list rather than choose what it holds: kept in links, never a chip.</summary>
    public static readonly IReadOnlySet<string> NotCriteria = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "sort", "p" };

    private readonly IReadOnlyDictionary<string, string> _routeValues;

    /// <param name="page">The list's page ("/Recommendations/Index"), which the chips' links open.</param>
    /// <param name="routeValues">The filter's query values (only those set).</param>
    /// <param name="labels">How the list names its criteria.</param>
    public ActiveFilters(string page, IReadOnlyDictionary<string, string> routeValues, CriterionLabels labels)
    {
        ArgumentNullException.ThrowIfNull(routeValues);
        ArgumentNullException.ThrowIfNull(labels);
        Page = page;
        _routeValues = routeValues;
        Chips = routeValues.Where(v => !NotCriteria.Contains(v.Key))
            .Select(v => new FilterChip(v.Key, labels.Describe(v.Key, v.Value), Without(labels.RemovedWith(v.Key))))
            .ToList();
    }

    public string Page { get; }

    public IReadOnlyList<FilterChip> Chips { get; }

    /// <summary>
    /// How many criteria are active, as the folded filter form says it on a phone ("Lọc (2)", issue 17, deliver 3):
    /// the number of chips, so that the fold and the chips never disagree (ordering and paging are not criteria).
    /// </summary>
    public int Count => Chips.Count;

    /// <summary>The filter's values that a form showing only <paramref name="formFields"/> must carry as hidden inputs.</summary>
    public IReadOnlyDictionary<string, string> NotShownBy(params string[] formFields) =>
        _routeValues.Where(v => !formFields.Contains(v.Key, StringComparer.OrdinalIgnoreCase)).ToDictionary(v => v.Key, v => v.Value);

    /// <summary>The list's query without <paramref name="keys"/>, on its first page.</summary>
    private Dictionary<string, string> Without(IEnumerable<string> keys)
    {
        var route = new Dictionary<string, string>(_routeValues, StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys.Append("p"))
        {
            route.Remove(key);
        }

        return route;
    }
}

/// <summary>Options of a filter's select that keep the value chosen.</summary>
public static class ChosenOption
{
    /// <summary>
    /// <paramref name="options"/>, with <paramref name="chosen"/> added under its raw value when they do not offer it
    /// (an id from a link that this list does not name), so that the form sends it back unchanged (issue 15, item 6).
    /// </summary>
    public static IReadOnlyList<(int Id, string Label)> WithChosen(this IReadOnlyList<(int Id, string Label)> options, params int?[] chosen)
    {
        ArgumentNullException.ThrowIfNull(options);
        var missing = chosen.OfType<int>().Distinct().Where(id => options.All(o => o.Id != id)).ToList();
        return missing.Count == 0 ? options : [.. options, .. missing.Select(id => (id, id.ToString(CultureInfo.InvariantCulture)))];
    }
}
