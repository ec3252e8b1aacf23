using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MeetingPortal.Application.Reports;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Pages.Reports;

/// <summary>
/// What happened in a unit and every unit below it in a quarter, half year or year, against the
/// period before; every figure links to the list it counts, and each child unit drills down.
/// </summary>
public sealed class QuarterlyModel(
    MeetingPortalDbContext db, SummaryCalculator calculator, CalendarService calendar, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer,
    Microsoft.AspNetCore.Authorization.IAuthorizationService authorization) : PageModel
{
    /// <summary>Whether the user may freeze this summary as an official report.</summary>
    public bool MayFreeze { get; private set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Meetings.Unit")]
    public int? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Filter.Year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Filter.Quarter")]
    public int? Quarter { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Report.Half")]
    public int? Half { get; set; }

    /// <summary>Whether the period shown is over, so that it may be frozen (<see cref="ReviewPeriod.HasEndedBy"/>).</summary>
    public bool PeriodHasEnded => Period.HasEndedBy(calendar.Today);

    /// <summary>True when no period was asked for and the page shows the latest year with records in place of this year.</summary>
    public bool ShowsLatestRecordedYear { get; private set; }

    public string UnitName { get; private set; } = string.Empty;
    public int UnitId { get; private set; }
    public ReviewPeriod Period { get; private set; }
    public SummaryFigures Current { get; private set; } = null!;
    public SummaryFigures Previous { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Label)> UnitChoices { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Trail { get; private set; } = [];
    public IReadOnlyList<(ReviewPeriod Quarter, int Recommendations, int Answered)> Trend { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>The summary as XLSX (one sheet per table, numbers as numbers) or CSV (key figures, UTF-8 with BOM).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var period = (string)localizer.Label(Period);
        var previous = (string)localizer.Label(Period.Previous());
        var c = Current;
        var p = Previous;
        var key = new ExportTable(localizer["Report.KeyFigures"], [localizer["Report.Figure"], period, previous], KeyRows(localizer, c, p));
        var stamp = $"{UnitId.ToString(CultureInfo.InvariantCulture)}-{Period.Year.ToString(CultureInfo.InvariantCulture)}-{Period.Kind}{Period.Number.ToString(CultureInfo.InvariantCulture)}".ToLowerInvariant();
        if (format != "xlsx")
        {
            return File(TableExport.Csv(key), "text/csv; charset=utf-8", $"tong-hop-{stamp}.csv");
        }

        ExportTable Breakdown(string title, IReadOnlyList<Breakdown> rows) =>
            new(title, [localizer["Report.Item"], localizer["Report.Recommendations"]], rows.Select(r => (IReadOnlyList<object?>)[r.Name ?? (string)localizer["Common.NotStated"], r.Count]).ToList());
        var children = new ExportTable(localizer["Report.Children"],
            [localizer["Meetings.Unit"], localizer["Report.Meetings"], localizer["Report.Recommendations"], localizer["Report.Answered"], localizer["Report.Resolved"], localizer["Report.Overdue"]],
            c.Children.Select(x => (IReadOnlyList<object?>)[x.Name, x.Meetings, x.Recommendations, x.Answered, x.Resolved, x.Overdue]).ToList());
        var scorecards = new ExportTable(localizer["Report.Scorecards"],
            [localizer["Report.Rank"], localizer["Recommendation.AddressedTo"], localizer["Report.Items"], localizer["Report.OnTimeShare"], localizer["Report.MedianAnswer"], localizer["Report.MedianResolve"]],
            c.Ranked.Select((s, i) => (IReadOnlyList<object?>)[i + 1, s.Body, s.Items, s.OnTimeShare, s.MedianDaysToAnswer, s.MedianDaysToResolve])
                .Concat(c.TooFewToRank.Select(s => (IReadOnlyList<object?>)[null, s.Body, s.Items, s.OnTimeShare, s.MedianDaysToAnswer, s.MedianDaysToResolve])).ToList());
        var xlsx = TableExport.Xlsx(key, children, Breakdown(localizer["Report.ByTheme"], c.ByTheme),
            Breakdown(localizer["Report.ByRaisingOrganisation"], c.ByRaisingOrganisation), Breakdown(localizer["Report.ByAddressedBody"], c.ByAddressedBody), scorecards);
        return File(xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"tong-hop-{stamp}.xlsx");
    }

    /// <summary>The key figures as rows (label, this period, the one before): the export and frozen reports use the same rows.</summary>
    public static IReadOnlyList<IReadOnlyList<object?>> KeyRows(Microsoft.Extensions.Localization.IStringLocalizer localizer, SummaryFigures c, SummaryFigures p)
    {
        static object? Share(int part, int whole) => SummaryFigures.Share(part, whole);
        return
        [
            [localizer["Report.Meetings"].Value, c.Meetings, p.Meetings],
            .. Enum.GetValues<MeetingType>().Select(t => (IReadOnlyList<object?>)[(string)localizer.Label(t), c.MeetingsByType.GetValueOrDefault(t), p.MeetingsByType.GetValueOrDefault(t)]),
            [localizer["Report.Speeches"].Value, c.Speeches, null],
            [localizer["Report.Organisations"].Value, c.Organisations, null],
            [localizer["Report.Recommendations"].Value, c.Recommendations, p.Recommendations],
            [localizer["Report.Matters"].Value, c.Matters, p.Matters],
            [localizer["Report.Answered"].Value, c.Answered, p.Answered],
            [localizer["Report.Resolved"].Value, c.Resolved, p.Resolved],
            [localizer["Report.OnTime"].Value, Share(c.OnTime, c.WithDueDate), Share(p.OnTime, p.WithDueDate)],
            [localizer["Report.MedianAnswer"].Value, c.MedianDaysToAnswer, p.MedianDaysToAnswer],
            [localizer["Report.MedianResolve"].Value, c.MedianDaysToResolve, p.MedianDaysToResolve],
            [localizer["Report.Open"].Value, c.Open, p.Open],
            [localizer["Report.Overdue"].Value, c.Overdue, p.Overdue],
            [localizer["Report.Directives"].Value, c.Directives, p.Directives],
        ];
    }

    /// <summary>Set by the "freeze" link: the page asks to confirm the unit and the period before the freeze is sent.</summary>
    [BindProperty(SupportsGet = true)]
    public bool ConfirmFreeze { get; set; }

    /// <summary>A Leader or Administrator freezes this summary as an official report dated today, once confirmed.</summary>
    public async Task<IActionResult> OnPostFreezeAsync([FromServices] FreezeReport freeze, string? confirmation, CancellationToken cancellationToken)
    {
        // The use case authorizes the freeze (404 for a unit outside the scope) before it computes anything.
        var period = ChosenPeriod();
        var result = await freeze.ExecuteAsync(User, new FreezeCommand(Unit ?? User.GetScopeOrNone().UnitId, period, localizer.Label(period), localizer.Label(period.Previous()), confirmation), cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToPage("/Reports/Snapshot", new { id = result.Id });
        }

        if (this.RefusalFor(result) is { } refusal)
        {
            return refusal;
        }

        // Refused (a period not yet over, not confirmed): the summary again, with the reason and the confirmation.
        result.AddTo(ModelState, string.Empty);
        ConfirmFreeze = true;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>
    /// The period the query asks for: a quarter, a half year or a year; <paramref name="defaultYear"/> (this year
    /// unless given) when none is asked for, this year when an impossible one is.
    /// </summary>
    private ReviewPeriod ChosenPeriod(int? defaultYear = null)
    {
        var year = Year ?? defaultYear ?? calendar.Today.Year;
        return Quarter is { } q && ReviewPeriod.IsValid(PeriodKind.Quarter, year, q) ? new ReviewPeriod(PeriodKind.Quarter, year, q)
            : Half is { } h && ReviewPeriod.IsValid(PeriodKind.HalfYear, year, h) ? new ReviewPeriod(PeriodKind.HalfYear, year, h)
            : ReviewPeriod.IsValid(PeriodKind.Year, year, 1) ? new ReviewPeriod(PeriodKind.Year, year, 1)
            : new ReviewPeriod(PeriodKind.Year, calendar.Today.Year, 1);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var scope = User.GetScopeOrNone();
        var unitId = Unit ?? scope.UnitId;
        var unit = await db.Units.AsNoTracking().InScope(scope).Where(u => u.Id == unitId)
            .Select(u => new { u.Id, u.Name, u.Path }).SingleOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            // Another unit's summary is not revealed, whether it exists or not.
            return false;
        }

        var unitScope = new UnitScope(unit.Id, unit.Path);
        int? latest = null;
        if (Year is null && Quarter is null && Half is null)
        {
            latest = await calculator.LatestYearWithRecordsAsync(unitScope, cancellationToken);
            ShowsLatestRecordedYear = latest is { } y && y != calendar.Today.Year;
        }

        Period = ChosenPeriod(latest);
        if ((Quarter is not null && Period.Kind != PeriodKind.Quarter) || (Half is not null && Quarter is null && Period.Kind != PeriodKind.HalfYear) || (Year is not null && Period.Year != Year))
        {
            ModelState.AddModelError(string.Empty, localizer["Report.BadPeriod"]);
        }

        UnitId = unit.Id;
        UnitName = unit.Name;
        MayFreeze = await authorization.MayAsync(User, new ReportResource(unit.Path), ReportOperations.Freeze);
        Current = await calculator.CalculateAsync(unitScope, Period, details: true, cancellationToken);
        Previous = await calculator.CalculateAsync(unitScope, Period.Previous(), details: false, cancellationToken);
        Trend = await calculator.TrendAsync(unitScope, Period.End, 8, cancellationToken);

        UnitChoices = await UnitOptions.InScopeAsync(db, scope, cancellationToken);
        var lineage = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        Trail = (await db.Units.AsNoTracking().InScope(scope).Where(u => lineage.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(cancellationToken))
            .OrderBy(u => u.Path.Length).Select(u => (u.Id, u.Name)).ToList();
        return true;
    }

    public IReadOnlyList<BarChart> Charts()
    {
        var c = Current;
        string Pct(int part, int whole) => SummaryFigures.Share(part, whole) is { } s ? s.ToString("P0", CultureInfo.CurrentCulture) : "—";
        var charts = new List<BarChart>();
        if (c.Children.Count > 0)
        {
            charts.Add(new BarChart("chart-children", localizer["Report.ChartChildren"], localizer["Report.ChartChildrenDesc"],
                c.Children.Select(x => (x.Name, (double)x.Recommendations, $"{x.Recommendations} ({localizer["Report.Answered"]} {x.Answered}, {localizer["Report.Resolved"]} {x.Resolved})")).ToList()));
        }

        charts.Add(new BarChart("chart-status", localizer["Report.ChartStatus"], localizer["Report.ChartStatusDesc"],
        [
            (localizer["Report.Answered"], c.Answered, $"{c.Answered} ({Pct(c.Answered, c.Recommendations)})"),
            (localizer["Report.Resolved"], c.Resolved, $"{c.Resolved} ({Pct(c.Resolved, c.Recommendations)})"),
            (localizer["Report.Open"], c.Open, $"{c.Open} ({Pct(c.Open, c.Recommendations)})"),
            (localizer["Report.Overdue"], c.Overdue, $"{c.Overdue} ({Pct(c.Overdue, c.Recommendations)})"),
        ]));
        charts.Add(new BarChart("chart-trend", localizer["Report.ChartTrend"], localizer["Report.ChartTrendDesc"],
            Trend.Select(t => ((string)localizer.Label(t.Quarter), (double)t.Recommendations, $"{t.Recommendations} ({localizer["Report.Answered"]} {t.Answered})")).ToList()));
        return charts;
    }

    /// <summary>The meetings list filtered to what a figure counts.</summary>
    public Dictionary<string, string> MeetingsRoute(int unitId, MeetingType? type = null)
    {
        var route = PeriodRoute(unitId);
        if (type is { } t)
        {
            route["type"] = t.ToString();
        }

        return route;
    }

    /// <summary>The tracker filtered to what a figure counts.</summary>
    public Dictionary<string, string> TrackerRoute(int unitId, string? key = null, string? value = null)
    {
        var route = PeriodRoute(unitId);
        if (key is not null && value is not null)
        {
            route[key] = value;
        }

        return route;
    }

    public Dictionary<string, string> ExportRoute(string format)
    {
        var route = DrillRoute(UnitId);
        route["format"] = format;
        return route;
    }

    /// <summary>This summary with the freeze confirmation shown.</summary>
    public Dictionary<string, string> FreezeConfirmRoute()
    {
        var route = DrillRoute(UnitId);
        route["confirmFreeze"] = "true";
        return route;
    }

    public Dictionary<string, string> DrillRoute(int unitId)
    {
        var route = new Dictionary<string, string> { ["unit"] = unitId.ToString(CultureInfo.InvariantCulture), ["year"] = Period.Year.ToString(CultureInfo.InvariantCulture) };
        if (Period.Kind == PeriodKind.Quarter)
        {
            route["quarter"] = Period.Number.ToString(CultureInfo.InvariantCulture);
        }
        else if (Period.Kind == PeriodKind.HalfYear)
        {
            route["half"] = Period.Number.ToString(CultureInfo.InvariantCulture);
        }

        return route;
    }

    private Dictionary<string, string> PeriodRoute(int unitId) => new()
    {
        ["unit"] = unitId.ToString(CultureInfo.InvariantCulture),
        ["from"] = Period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = Period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
