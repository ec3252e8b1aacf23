using MeetingPortal.Domain.Common;
using FluentValidation;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Recommendations;

/// <summary>The tracker: every recommendation in scope, filtered, counted per status, exported.</summary>
public sealed class IndexModel(
    MeetingPortalDbContext db, CalendarService calendar, IValidator<RecommendationFilter> validator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 25;
    public const int ExportLimit = 50_000;

    [BindProperty(SupportsGet = true)]
    public RecommendationFilter Filter { get; set; } = new();

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public IReadOnlyDictionary<RecommendationStatus, int> CountsByStatus { get; private set; } = new Dictionary<RecommendationStatus, int>();
    public int TotalCount { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    public DateOnly Today { get; private set; }
    public IReadOnlyList<(int Id, string Label)> UnitOptions { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> OrganisationOptions { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> ThemeOptions { get; private set; } = [];

    /// <summary>
    /// Whether the rows get a checkbox and the bulk form (assign, forward, close): Trackers and Administrators, the roles
    /// those operations name; each item is still authorized one by one when acted on.
    /// </summary>
    public bool MayActInBulk => User.IsInRole(MeetingPortal.Infrastructure.Identity.Roles.Tracker) || User.IsInRole(MeetingPortal.Infrastructure.Identity.Roles.Administrator);

    public async Task OnGetAsync(int? p, CancellationToken cancellationToken)
    {
        Today = calendar.Today;
        var scope = User.GetScopeOrNone();
        await LoadOptionsAsync(scope, cancellationToken);
        if (!await ValidAsync(cancellationToken))
        {
            return;
        }

        var unfiltered = await Filter.ApplyWithoutStatusAsync(db, scope, calendar, cancellationToken);
        CountsByStatus = await unfiltered.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var query = Filter.ApplyStatus(unfiltered);
        TotalCount = Filter.Status is { } status ? CountsByStatus.GetValueOrDefault(status) : CountsByStatus.Values.Sum();
        PageNumber = Math.Clamp(p ?? 1, 1, PageCount);
        Items = await Project(Filter.Order(query).Skip((PageNumber - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The filtered list (up to <see cref="ExportLimit"/> items) as XLSX or CSV (<see cref="TableExport"/>), under a title
    /// block that names the unit, the filter in words, the count, who exported it and when, in a file named after the
    /// unit and the period ("Theo dõi kiến nghị - Thị xã Kỳ Anh - Quý II-2022.xlsx"); issue 15, deliver 5.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, [FromServices] TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (!await ValidAsync(cancellationToken))
        {
            return BadRequest();
        }

        var scope = User.GetScopeOrNone();
        var query = Filter.ApplyStatus(await Filter.ApplyWithoutStatusAsync(db, scope, calendar, cancellationToken));
        var rows = await Project(Filter.Order(query).Take(ExportLimit)).ToListAsync(cancellationToken);
        var today = calendar.Today;
        var file = await FileAsync(scope, cancellationToken);
        var stamp = new ExportStamp(User.FindFirst(MeetingPortal.Infrastructure.Identity.PortalClaimTypes.FullName)?.Value ?? User.Identity?.Name ?? string.Empty, timeProvider.GetUtcNow());
        var table = new ExportTable(
            localizer["Tracker.Title"],
            [localizer["Tracker.Id"], localizer["Meetings.Date"], localizer["Meetings.Unit"], localizer["Tracker.Meeting"], localizer["Form.RecommendationContent"],
             localizer["Recommendation.RaisedBy"], localizer["Recommendation.AddressedTo"], localizer["Recommendation.Theme"], localizer["Form.DueOn"],
             localizer["Recommendation.Status"], localizer["Tracker.Overdue"]],
            rows.Select(r => (IReadOnlyList<object?>)
            [
                // "Not stated" as the screen says it: an empty cell reads as a lost value.
                r.Id, r.HeldOn, r.UnitName, r.MeetingTitle, r.Content, r.RaisedBy ?? (string)localizer["Common.NotStated"], r.AddressedTo ?? (string)localizer["Common.NotStated"], r.Theme, r.DueOn,
                (string)localizer.Label(r.Status), r.IsOverdue(today) ? (string)localizer["Common.Yes"] : string.Empty,
            ]).ToList())
        { Title = file.TitleLines(rows.Count, stamp) };
        return format == "xlsx"
            ? ReportFiles.Download(Response, TableExport.Xlsx(table), ReportFiles.XlsxType, file.FileName + ".xlsx")
            : ReportFiles.Download(Response, TableExport.Csv(table), ReportFiles.CsvType, file.FileName + ".csv");
    }

    /// <summary>The export's title block and name: the filter's unit (or the user's own) and the names its ids stand for.</summary>
    private async Task<TrackerFile> FileAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        var unitId = Filter.Unit ?? scope.UnitId;
        var unitName = await db.Units.AsNoTracking().InScope(scope).Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken)
            ?? await db.Units.AsNoTracking().Where(u => u.Id == scope.UnitId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken)
            ?? string.Empty;
        var organisationIds = new[] { Filter.RaisedBy, Filter.AddressedTo }.OfType<int>().ToList();
        var organisations = await db.Organisations.AsNoTracking().InScope(scope).Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var themes = Filter.Theme is { } themeId
            ? await db.Themes.AsNoTracking().Where(t => t.Id == themeId).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken)
            : [];
        return new TrackerFile(Filter, unitName, new TrackerFile.NameLookup(themes, organisations), localizer);
    }

    public Dictionary<string, string> PageRoute(int page) => RouteWith("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Dictionary<string, string> RouteWith(string key, string? value)
    {
        var values = Filter.RouteValues();
        if (value is null)
        {
            values.Remove(key);
        }
        else
        {
            values[key] = value;
        }

        return values;
    }

    private async Task<bool> ValidAsync(CancellationToken cancellationToken)
    {
        (await validator.ValidateAsync(Filter, cancellationToken)).AddTo(ModelState, string.Empty);
        return ModelState.IsValid;
    }

    private static IQueryable<Row> Project(IQueryable<Recommendation> query) => query.Select(r => new Row(
        r.Id, r.Content, r.MeetingId, r.Meeting!.Title, r.Meeting.HeldOn, r.Meeting.Unit!.Name,
        r.RaisedByOrganisation!.Name, r.AddressedToOrganisation!.Name, r.Theme!.Name, r.DueOn, r.Status, r.Meeting.Status));

    private async Task LoadOptionsAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        UnitOptions = (await MeetingPortal.Application.Units.UnitOptions.InScopeAsync(db, scope, cancellationToken)).WithChosen(Filter.Unit);
        var unitIds = UnitOptions.Select(u => u.Id).ToList();
        var bodies = (await db.Organisations.AsNoTracking().Where(o => unitIds.Contains(o.UnitId))
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name)).ByName(o => o.Name);
        OrganisationOptions = [.. bodies, .. await BodiesNamedInScopeAsync(scope, bodies, cancellationToken)];
        OrganisationOptions = OrganisationOptions.WithChosen(Filter.RaisedBy, Filter.AddressedTo);
        ThemeOptions = (await db.Themes.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
            .Select(t => (t.Id, t.Name)).ToList().WithChosen(Filter.Theme);
    }

    /// <summary>
    /// The bodies chosen as raising or addressed that belong to a unit outside the scope (a ward's recommendation
    /// addressed to the district above, followed from the ward's summary), named when a recommendation in scope names
    /// them, as its row does (issue 15, item 6: a criterion reads in words).
    /// </summary>
    private async Task<List<(int Id, string Name)>> BodiesNamedInScopeAsync(UnitScope scope, List<(int Id, string Name)> offered, CancellationToken cancellationToken)
    {
        var chosen = new[] { Filter.RaisedBy, Filter.AddressedTo }.OfType<int>().Where(id => offered.All(o => o.Id != id)).ToList();
        if (chosen.Count == 0)
        {
            return [];
        }

        var recommendations = db.Recommendations.InScope(scope);
        return (await db.Organisations.AsNoTracking()
            .Where(o => chosen.Contains(o.Id)
                && (recommendations.Any(r => r.RaisedByOrganisationId == o.Id) || recommendations.Any(r => r.AddressedToOrganisationId == o.Id)))
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name)).ByName(o => o.Name);
    }

    public sealed record Row(
        int Id, string Content, int MeetingId, string MeetingTitle, DateOnly HeldOn, string UnitName,
        string? RaisedBy, string? AddressedTo, string? Theme, DateOnly? DueOn, RecommendationStatus Status, MeetingStatus MeetingStatus)
    {
        public bool IsOverdue(DateOnly today) => RecommendationStatuses.IsOverdue(Status, DueOn, MeetingStatus, today);
    }
}
