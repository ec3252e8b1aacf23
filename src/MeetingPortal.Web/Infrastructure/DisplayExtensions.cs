using System.Globalization;
using MeetingPortal.Domain.Meetings;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>Vietnamese labels for enums and periods, and the dd/MM/yyyy date format.</summary>
public static class DisplayExtensions
{
    private static readonly string[] RomanQuarters = ["I", "II", "III", "IV"];

    public static string Label<TEnum>(this IStringLocalizer localizer, TEnum value)
        where TEnum : struct, Enum => localizer[$"{typeof(TEnum).Name}.{value}"];

    public static string Label(this IStringLocalizer localizer, ReviewPeriod period) => period.Kind switch
    {
        PeriodKind.Quarter => localizer["Period.Quarter", RomanQuarters[period.Number - 1], period.Year],
        PeriodKind.HalfYear => localizer[period.Number == 1 ? "Period.HalfYear1" : "Period.HalfYear2", period.Year],
        PeriodKind.FirstMonths => localizer["Period.FirstMonths", period.Number, period.Year],
        _ => localizer["Period.Year", period.Year],
    };

    /// <summary>Options for a select of an enum, labelled in the UI language.</summary>
    /// <summary>Options for the given values only (what a status allows), in their order.</summary>
    public static IEnumerable<SelectListItem> EnumOptions<TEnum>(this IStringLocalizer localizer, IEnumerable<TEnum> values, TEnum? selected)
        where TEnum : struct, Enum =>
        values.Select(value => new SelectListItem(localizer.Label(value), value.ToString(), selected is { } s && s.Equals(value)));

    public static IEnumerable<SelectListItem> EnumOptions<TEnum>(this IStringLocalizer localizer, TEnum? selected = null, bool includeEmpty = false)
        where TEnum : struct, Enum
    {
        if (includeEmpty)
        {
            yield return new SelectListItem(localizer["Common.NotStated"], string.Empty, selected is null);
        }

        foreach (var value in Enum.GetValues<TEnum>())
        {
            yield return new SelectListItem(localizer.Label(value), value.ToString(), selected is { } s && s.Equals(value));
        }
    }

    public static string ToDisplay(this DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string ToDisplay(this DateOnly? date) => date?.ToDisplay() ?? string.Empty;
}
