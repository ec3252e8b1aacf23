using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MeetingPortal.Application.Reports;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Pages.Reports;

/// <summary>
/// What happened in a unit and every unit below it in a month, quarter, first six or nine months, half year, year or a
/// free range, against the period before; what needs attention first; every figure links to the list it counts, and
/// each child unit drills down. The page, its files and a frozen report all draw one <see cref="ReportDocument"/>.
/// </summary>
public sealed class QuarterlyModel(
    MeetingPortalDbContext db, SummaryDocuments summaries, SummaryCache cache, CalendarService calendar, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer,
    Microsoft.AspNetCore.Authorization.IAuthorizationService authorization) : PageModel
{
    /// <summary>Whether the user may freeze this summary as an official report.</summary>
    public bool MayFreeze { get; private set; }

    /// <summary>
    /// The user may freeze this period, but from the "as then" view: the official report counts the units as they stood
    /// on the period's last day, and this view counts them as they stand today (ADR 0018).
    /// </summary>
    public bool FreezesAsThen { get; private set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Meetings.Unit")]
    public int? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Filter.Year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Filter.Quarter")]
    public int? Quarter { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Report.Half")]
    public int? Half { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Months { get; set; }

    /// <summary>The form's one choice of period ("q2", "m5", "f9", "year"), see <see cref="SummaryPeriodQuery"/>.</summary>
    [BindProperty(SupportsGet = true, Name = "period")]
    public string? PeriodChoice { get; set; }

    /// <summary>A free range's first day as typed (yyyy-MM-dd or dd/MM/yyyy), see <see cref="SummaryPeriodQuery.ParseDay"/>.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Filter.From")]
    public string? From { get; set; }

    /// <summary>A free range's last day as typed.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Filter.To")]
    public string? To { get; set; }

    /// <summary>The long table the reader asked to see whole (<see cref="ReportView.ExpandKey"/>); null shows every table cut.</summary>
    [BindProperty(SupportsGet = true, Name = ReportView.ExpandKey)]
    public string? Expanded { get; set; }

    /// <summary>
    /// "then" to count the units as they stood on the period's last day (ADR 0018); anything else counts them as they
    /// stand today. Offered only when the tree changed after the period (<see cref="OffersThen"/>).
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "units")]
    public string? Units { get; set; }

    /// <summary>
    /// Whether a unit was renamed, moved, merged or retired, or an organisation renamed or placed, after the period
    /// (<see cref="NamesOnDate.TreeChangedAfterAsync"/>), so that "as then" may differ from today.
    /// </summary>
    public bool OffersThen { get; private set; }

    /// <summary>Whether the summary shown counts the units as they stood on the period's last day.</summary>
    public bool AsThen => OffersThen && Units == "then";

    /// <summary>Set by the "freeze" link: the page asks to confirm the unit and the period before the freeze is sent.</summary>
    [BindProperty(SupportsGet = true)]
    public bool ConfirmFreeze { get; set; }

    /// <summary>Why a new version replaces the report already frozen for the period (kept when the freeze is refused).</summary>
    [BindProperty]
    [Display(Name = "Snapshot.Reason")]
    public string? Reason { get; set; }

    /// <summary>Whether the period shown is statutory and over, so that it may be frozen (<see cref="ReportPeriod.HasEndedBy"/>).</summary>
    public bool PeriodHasEnded => Period.HasEndedBy(calendar.Today);

    /// <summary>True when no period was asked for and the page shows the latest year with records in place of this year.</summary>
    public bool ShowsLatestRecordedYear { get; private set; }

    public string UnitName { get; private set; } = string.Empty;
    public int UnitId { get; private set; }
    public ReportPeriod Period { get; private set; }
    public string PeriodLabel { get; private set; } = string.Empty;
    public ReportDocument Document { get; private set; } = null!;

    /// <summary>The summary's key in the cache (ADR 0016): the drawn tables are kept under it, since the same key draws the same HTML.</summary>
    public string? DocumentKey { get; private set; }
    public SummaryFigures Current { get; private set; } = null!;
    public NeedsAttention Attention { get; private set; } = null!;

    /// <summary>The official report already frozen for this unit and period (its current version), if any.</summary>
    public (int Id, int Version, DateOnly FrozenOn)? Frozen { get; private set; }

    public IReadOnlyList<(int Id, string Label)> UnitChoices { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Trail { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>
    /// The summary as XLSX (a title block and every table, both parts of each "x / y" and its percentage as typed
    /// numbers) or CSV (every table, ";"-separated UTF-8 with BOM for Excel under Vietnamese settings).
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, [FromServices] TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (format is not ("xlsx" or "csv"))
        {
            return NotFound();
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        // A period that is not one is said on the page, never exported as some other period.
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var stamp = new ExportStamp(User.FindFirst(MeetingPortal.Infrastructure.Identity.PortalClaimTypes.FullName)?.Value ?? User.Identity?.Name ?? string.Empty, timeProvider.GetUtcNow());
        var name = ReportFiles.FileName(localizer["Report.FileSummary"], UnitName, PeriodLabel);
        return format == "xlsx"
            ? ReportFiles.Download(Response, ReportFiles.Xlsx(Document, localizer, stamp), ReportFiles.XlsxType, name + ".xlsx")
            : ReportFiles.Download(Response, ReportFiles.Csv(Document, localizer, stamp), ReportFiles.CsvType, name + ".csv");
    }

    /// <summary>A Leader or Administrator freezes this summary as an official report dated today, once confirmed.</summary>
    public async Task<IActionResult> OnPostFreezeAsync([FromServices] FreezeReport freeze, string? confirmation, CancellationToken cancellationToken)
    {
        var asked = Query().Resolve(calendar.Today.Year, out _);
        if (asked?.Statutory is not { } period)
        {
            // A free range is a view, not a reporting period: there is nothing to freeze.
            ModelState.AddModelError(string.Empty, localizer["Snapshot.RangeNotFrozen"]);
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        // The use case authorizes the freeze (404 for a unit outside the scope) before it computes anything.
        var result = await freeze.ExecuteAsync(User, new FreezeCommand(Unit ?? User.GetScopeOrNone().UnitId, period, confirmation, Reason), cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToPage("/Reports/Snapshot", new { id = result.Id });
        }

        if (this.RefusalFor(result) is { } refusal)
        {
            return refusal;
        }

        // Refused (a period not yet over, not confirmed, no reason for a new version): the summary again, with the reason.
        result.AddTo(ModelState, string.Empty);
        ConfirmFreeze = true;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private SummaryPeriodQuery Query() => new()
    {
        Year = Year,
        Month = Month,
        Quarter = Quarter,
        Half = Half,
        Months = Months,
        Period = PeriodChoice,
        From = From,
        To = To,
    };

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
        var query = Query();
        var defaultYear = calendar.Today.Year;
        var yearGiven = Year is { } y0 && ReviewPeriod.IsValidYear(y0);
        if (query.IsEmpty || !yearGiven)
        {
            // No year, or one that is not a year: the latest year with records, not a page of zeros (issue 15, item 7).
            var latest = await summaries.LatestYearWithRecordsAsync(unitScope, cancellationToken);
            ShowsLatestRecordedYear = query.IsEmpty && latest is { } y && y != defaultYear;
            defaultYear = latest ?? defaultYear;
        }

        if (query.Resolve(defaultYear, out var error) is { } period)
        {
            Period = period;
        }
        else
        {
            ModelState.AddModelError(string.Empty, localizer[error!]);
            Period = ReportPeriod.Of(new ReviewPeriod(PeriodKind.Year, yearGiven ? Year!.Value : defaultYear, 1));
        }

        UnitId = unit.Id;
        UnitName = unit.Name;
        PeriodLabel = localizer.Label(Period);
        var periodEnd = Period.End;
        OffersThen = periodEnd < calendar.Today && await NamesOnDate.TreeChangedAfterAsync(db, periodEnd, cancellationToken);
        TreeThen? then = null;
        if (AsThen)
        {
            then = await NamesOnDate.TreeOnAsync(db, unit.Id, periodEnd, cancellationToken);
            UnitName = (await NamesOnDate.UnitOnAsync(db, unit.Id, periodEnd, cancellationToken)).Name ?? unit.Name;
        }

        // An official report counts the units as they stood on the period's last day (ADR 0018, FreezeReport): it is
        // frozen from the view that shows what it will say, "as then" when the tree changed since, else today's.
        var mayFreeze = await authorization.MayAsync(User, new ReportResource(unit.Path), ReportOperations.Freeze);
        MayFreeze = AsThen == OffersThen && mayFreeze;
        FreezesAsThen = OffersThen && !AsThen && mayFreeze;
        var computed = await cache.GetAsync(unitScope, UnitName, Period, SummaryPeriodQuery.RouteOf(Period), cancellationToken, then);
        Document = computed.Document;
        DocumentKey = computed.Key;
        Current = computed.Current;
        // Which units below have not sent their official report up: said of a statutory period that has ended.
        var fromBelow = !AsThen && Period.Statutory is { } ended && Period.HasEndedBy(calendar.Today)
            ? await ReportsFromBelow.ForAsync(db, unit.Id, ended, cancellationToken)
            : [];
        Attention = NeedsAttention.From(Current, fromBelow);
        if (Period.Statutory is { } statutory)
        {
            var frozen = await db.Snapshots.AsNoTracking()
                .Where(s => s.UnitId == unit.Id && s.PeriodKind == statutory.Kind && s.PeriodYear == statutory.Year && s.PeriodNumber == statutory.Number && s.ReplacedAtUtc == null)
                .Select(s => new { s.Id, s.Version, s.FrozenOn }).FirstOrDefaultAsync(cancellationToken);
            Frozen = frozen is null ? null : (frozen.Id, frozen.Version, frozen.FrozenOn);
        }

        UnitChoices = await UnitOptions.InScopeAsync(db, scope, cancellationToken);
        var lineage = MeetingPortal.Domain.Units.Unit.IdsOf(unit.Path);
        Trail = (await db.Units.AsNoTracking().InScope(scope).Where(u => lineage.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(cancellationToken))
            .OrderBy(u => u.Path.Length).Select(u => (u.Id, u.Name)).ToList();
        return true;
    }

    /// <summary>The form's choices of period for the year shown, in the order the rules name them.</summary>
    public IReadOnlyList<(string Value, string Label)> PeriodChoices()
    {
        var year = Period.Start.Year;
        return SummaryPeriodQuery.ChoicesOf(year)
            .Select(p => (SummaryPeriodQuery.ChoiceOf(p), localizer.Label(p).Replace(year.ToString(CultureInfo.InvariantCulture), string.Empty, StringComparison.Ordinal).Trim(' ', '/')))
            .ToList();
    }

    /// <summary>The form's current choice ("q2"), or "year" for a free range.</summary>
    public string CurrentChoice => Period.Statutory is { } s ? SummaryPeriodQuery.ChoiceOf(s) : "year";

    /// <summary>This summary (same unit and period) with extra query values.</summary>
    public Dictionary<string, string> DrillRoute(int unitId)
    {
        var route = SummaryPeriodQuery.RouteOf(Period);
        route["unit"] = unitId.ToString(CultureInfo.InvariantCulture);
        if (AsThen)
        {
            route["units"] = "then";
        }

        return route;
    }

    /// <summary>This summary counted as the units stand today (<paramref name="asThen"/> false) or stood on the period's last day.</summary>
    public Dictionary<string, string> TreeRoute(bool asThen)
    {
        var route = SummaryPeriodQuery.RouteOf(Period);
        route["unit"] = UnitId.ToString(CultureInfo.InvariantCulture);
        if (asThen)
        {
            route["units"] = "then";
        }

        return route;
    }

    public Dictionary<string, string> ExportRoute(string format)
    {
        var route = DrillRoute(UnitId);
        route["format"] = format;
        return route;
    }

    /// <summary>The tracker's items of this unit's subtree from meetings before the period, overdue today (<see cref="SummaryFigures.OverdueFromEarlier"/>).</summary>
    public Dictionary<string, string> OverdueEarlierRoute() => new()
    {
        ["unit"] = UnitId.ToString(CultureInfo.InvariantCulture),
        ["published"] = "true",
        ["to"] = Period.Start.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["overdue"] = "true",
    };

    /// <summary>The tracker's overdue items of <paramref name="unitId"/>'s subtree for the period, as the overdue figure counts them.</summary>
    public Dictionary<string, string> OverdueRoute(int unitId) => new()
    {
        ["unit"] = unitId.ToString(CultureInfo.InvariantCulture),
        ["published"] = "true",
        ["from"] = Period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = Period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["overdue"] = "true",
    };

    /// <summary>This summary with the freeze confirmation shown.</summary>
    public Dictionary<string, string> FreezeConfirmRoute()
    {
        var route = DrillRoute(UnitId);
        route["confirmFreeze"] = "true";
        return route;
    }
}
