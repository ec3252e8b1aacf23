using System.Globalization;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Reports;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Reports;

/// <summary>
/// The Vietnamese names of periods as documents write them: "Tháng 5/2024", "Quý II/2022" (roman quarters),
/// "6 tháng đầu năm 2022", "9 tháng đầu năm 2024", "Năm 2023", and a free range "01/03/2024 – 15/04/2024".
/// </summary>
public static class PeriodNames
{
    private static readonly string[] RomanQuarters = ["I", "II", "III", "IV"];

    /// <summary>The name of a statutory period.</summary>
    public static string Name(IStringLocalizer localizer, ReviewPeriod period) => period.Kind switch
    {
        PeriodKind.Month => localizer["Period.Month", period.Number, period.Year],
        PeriodKind.Quarter => localizer["Period.Quarter", RomanQuarters[period.Number - 1], period.Year],
        PeriodKind.HalfYear => localizer[period.Number == 1 ? "Period.HalfYear1" : "Period.HalfYear2", period.Year],
        PeriodKind.FirstMonths => localizer["Period.FirstMonths", period.Number, period.Year],
        _ => localizer["Period.Year", period.Year],
    };

    /// <summary>The name of a statutory period or a free range (days dd/MM/yyyy).</summary>
    public static string Name(IStringLocalizer localizer, ReportPeriod period) => period.Statutory is { } statutory
        ? Name(localizer, statutory)
        : localizer["Period.Range", period.Start.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), period.End.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)];
}
