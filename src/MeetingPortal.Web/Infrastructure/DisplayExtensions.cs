using System.Globalization;
using MeetingPortal.Domain.Meetings;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>Vietnamese labels for enums and periods, and the dd/MM/yyyy date format.</summary>
public static class DisplayExtensions
{
    public static string Label<TEnum>(this IStringLocalizer localizer, TEnum value)
        where TEnum : struct, Enum => localizer[$"{typeof(TEnum).Name}.{value}"];

    /// <summary>A period's Vietnamese name (<see cref="Application.Reports.PeriodNames"/>).</summary>
    public static string Label(this IStringLocalizer localizer, ReviewPeriod period) => Application.Reports.PeriodNames.Name(localizer, period);

    /// <summary>A report period's Vietnamese name, a free range as its two dates.</summary>
    public static string Label(this IStringLocalizer localizer, Domain.Reports.ReportPeriod period) => Application.Reports.PeriodNames.Name(localizer, period);

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
