using System.Globalization;
using MeetingPortal.Domain.Meetings;
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

    public static string ToDisplay(this DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string ToDisplay(this DateOnly? date) => date?.ToDisplay() ?? string.Empty;
}
