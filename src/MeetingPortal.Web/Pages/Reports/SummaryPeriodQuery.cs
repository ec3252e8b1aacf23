using System.Globalization;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Reports;

namespace MeetingPortal.Web.Pages.Reports;

/// <summary>
/// The period a summary URL asks for. Links carry it as <c>year</c> with at most one of <c>month</c>, <c>quarter</c>,
/// <c>half</c> or <c>months</c> (first N months, cumulative), or as a free range <c>from</c>/<c>to</c>; the page's form
/// sends one choice, <c>period</c> ("q2", "m5", "h1", "f9", "year") beside the year. Anything else is a clear error on
/// the page, never a 500 (issue 15, deliver 2).
/// </summary>
public sealed class SummaryPeriodQuery
{
    public int? Year { get; set; }
    public int? Month { get; set; }
    public int? Quarter { get; set; }
    public int? Half { get; set; }
    public int? Months { get; set; }
    public string? Period { get; set; }
    /// <summary>The range's first day as typed: yyyy-MM-dd (what a date field sends) or dd/MM/yyyy (as Vietnamese write it).</summary>
    public string? From { get; set; }

    /// <summary>The range's last day, as <see cref="From"/>.</summary>
    public string? To { get; set; }

    private static readonly string[] DayFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>A day typed in one of the accepted forms, or null; "05/03/2022" is 5 March, never 3 May.</summary>
    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>Whether the URL names any period at all (none: the page shows the latest year with records).</summary>
    public bool IsEmpty => Year is null && Month is null && Quarter is null && Half is null && Months is null && Period is null
        && string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To);

    /// <summary>
    /// The period asked for, or null with <paramref name="error"/> set to a resource key when what was asked is not a
    /// period; <paramref name="defaultYear"/> is the year when none is given.
    /// </summary>
    public ReportPeriod? Resolve(int defaultYear, out string? error)
    {
        error = null;
        if (!string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To))
        {
            if (ParseDay(From) is { } from && ParseDay(To) is { } to && ReportPeriod.IsValidRange(from, to))
            {
                return ReportPeriod.Range(from, to);
            }

            error = string.IsNullOrWhiteSpace(From) || string.IsNullOrWhiteSpace(To) ? "Report.RangeIncomplete"
                : ParseDay(From) is null || ParseDay(To) is null ? "Report.RangeNotADate"
                : "Report.RangeInvalid";
            return null;
        }

        if (Year is { } askedYear && !ReviewPeriod.IsValidYear(askedYear))
        {
            error = "Report.BadYear";
            return null;
        }

        var year = Year ?? defaultYear;
        var (kind, number) = Choice();
        if (kind is null || !ReviewPeriod.IsValid(kind.Value, year, number))
        {
            error = "Report.BadPeriod";
            return null;
        }

        return ReportPeriod.Of(new ReviewPeriod(kind.Value, year, number));
    }

    private (PeriodKind? Kind, int Number) Choice()
    {
        if (Period is { } choice)
        {
            return choice switch
            {
                "year" => (PeriodKind.Year, 1),
                _ when choice.Length >= 2 && int.TryParse(choice.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => choice[0] switch
                {
                    'm' => (PeriodKind.Month, n),
                    'q' => (PeriodKind.Quarter, n),
                    'h' => (PeriodKind.HalfYear, n),
                    'f' => (PeriodKind.FirstMonths, n),
                    _ => (null, 0),
                },
                _ => (null, 0),
            };
        }

        var asked = new (int? Value, PeriodKind Kind)[] { (Month, PeriodKind.Month), (Quarter, PeriodKind.Quarter), (Half, PeriodKind.HalfYear), (Months, PeriodKind.FirstMonths) }
            .Where(a => a.Value is not null).ToList();
        return asked.Count switch
        {
            0 => (PeriodKind.Year, 1),
            1 => (asked[0].Kind, asked[0].Value!.Value),
            _ => (null, 0),
        };
    }

    /// <summary>
    /// The statutory periods of a year a form offers, in the order the rules name them (Quy định 11-QĐi/TW as amended
    /// by Kết luận 215-KL/TW: year, first six months, first nine months, second half, quarters, months).
    /// </summary>
    /// <param name="year">The calendar year (Vietnam time) whose periods are offered.</param>
    public static IReadOnlyList<ReviewPeriod> ChoicesOf(int year)
    {
        var periods = new List<ReviewPeriod> { new(PeriodKind.Year, year, 1), new(PeriodKind.HalfYear, year, 1), new(PeriodKind.FirstMonths, year, 9), new(PeriodKind.HalfYear, year, 2) };
        periods.AddRange(Enumerable.Range(1, 4).Select(q => new ReviewPeriod(PeriodKind.Quarter, year, q)));
        periods.AddRange(Enumerable.Range(1, 12).Select(m => new ReviewPeriod(PeriodKind.Month, year, m)));
        return periods;
    }

    /// <summary>The form's choice value of a period ("q2", "year"), the inverse of what <see cref="Resolve"/> reads.</summary>
    public static string ChoiceOf(ReviewPeriod period) => period.Kind switch
    {
        PeriodKind.Month => "m" + period.Number.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Quarter => "q" + period.Number.ToString(CultureInfo.InvariantCulture),
        PeriodKind.HalfYear => "h" + period.Number.ToString(CultureInfo.InvariantCulture),
        PeriodKind.FirstMonths => "f" + period.Number.ToString(CultureInfo.InvariantCulture),
        _ => "year",
    };

    /// <summary>The canonical query of a period, as links carry it.</summary>
    public static Dictionary<string, string> RouteOf(ReportPeriod period)
    {
        if (period.Statutory is not { } statutory)
        {
            return new()
            {
                ["from"] = period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["to"] = period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
        }

        var route = new Dictionary<string, string> { ["year"] = statutory.Year.ToString(CultureInfo.InvariantCulture) };
        var number = statutory.Number.ToString(CultureInfo.InvariantCulture);
        switch (statutory.Kind)
        {
            case PeriodKind.Month: route["month"] = number; break;
            case PeriodKind.Quarter: route["quarter"] = number; break;
            case PeriodKind.HalfYear: route["half"] = number; break;
            case PeriodKind.FirstMonths: route["months"] = number; break;
        }

        return route;
    }
}
