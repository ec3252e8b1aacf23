using System.Globalization;
using MeetingPortal.Application.People;
using MeetingPortal.Application.Reports;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Reports;

/// <summary>
/// The level above's view of a statutory period (issue 15, deliver 4): which units directly below the unit have sent
/// their official report for the period and which have not (no report, a draft, signed but not sent, or a sent version
/// since replaced), each sent one opened from here. In scope only: another unit answers 404 (ADR 0003).
/// </summary>
public sealed class ReceivedModel(MeetingPortalDbContext db, CalendarService calendar, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer, PeopleNames peopleNames) : PageModel
{
    /// <summary>Who sent and who received each report, by full name.</summary>
    public PeopleDirectory People { get; private set; } = PeopleDirectory.Empty;

    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Quarter { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Half { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Months { get; set; }

    [BindProperty(SupportsGet = true, Name = "period")]
    public string? PeriodChoice { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public int UnitId { get; private set; }
    public string UnitName { get; private set; } = string.Empty;

    /// <summary>The statutory period shown (the year asked for when the query named none or a free range).</summary>
    public ReviewPeriod Period { get; private set; }

    public string PeriodLabel { get; private set; } = string.Empty;

    /// <summary>The units directly below that have sent their current report for the period, by name.</summary>
    public IReadOnlyList<ReportFromBelow> Sent { get; private set; } = [];

    /// <summary>The units directly below that have not, by name.</summary>
    public IReadOnlyList<ReportFromBelow> NotSent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = User.GetScopeOrNone();
        var unitId = Unit ?? scope.UnitId;
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Id, u.Name, u.Path }).SingleOrDefaultAsync(cancellationToken);
        if (unit is null || !await authorization.MayAsync(User, new ReportResource(unit.Path), ReportOperations.Read))
        {
            // Another unit's reports are not revealed, whether it exists or not.
            return NotFound();
        }

        UnitId = unit.Id;
        UnitName = unit.Name;
        var query = new SummaryPeriodQuery { Year = Year, Month = Month, Quarter = Quarter, Half = Half, Months = Months, Period = PeriodChoice, From = From, To = To };
        var latestSent = await LatestSentAsync(unit.Id, cancellationToken);
        if (query.IsEmpty && latestSent is { } latest)
        {
            // Opened without a period: the latest period a unit below sent a report for, not this year's empty list.
            query = new SummaryPeriodQuery { Year = latest.Year, Period = SummaryPeriodQuery.ChoiceOf(latest) };
        }

        var asked = query.Resolve(calendar.Today.Year, out var error);
        if (asked?.Statutory is { } statutory)
        {
            Period = statutory;
        }
        else
        {
            // Reports are sent for statutory periods only; a free range or a wrong period shows the year, and says why.
            ModelState.AddModelError(string.Empty, error is null ? localizer["Received.StatutoryOnly"] : localizer[error]);
            Period = new ReviewPeriod(PeriodKind.Year, ReviewPeriod.IsValidYear(Year ?? 0) ? Year!.Value : latestSent?.Year ?? calendar.Today.Year, 1);
        }

        PeriodLabel = localizer.Label(Period);
        var rows = await ReportsFromBelow.ForAsync(db, unit.Id, Period, cancellationToken);
        Sent = rows.Where(r => r.HasSent).ToList();
        NotSent = rows.Where(r => !r.HasSent).ToList();
        People = await peopleNames.ForAsync(
            rows.SelectMany(r => new[] { r.Current, r.ReplacedSent }).OfType<ReportVersion>().SelectMany(v => new[] { v.SentBy, v.ReceivedBy }), cancellationToken);
        return Page();
    }

    /// <summary>The period of the report a unit directly below <paramref name="unitId"/> sent last, or null when none was sent.</summary>
    private async Task<ReviewPeriod?> LatestSentAsync(int unitId, CancellationToken cancellationToken)
    {
        var below = db.Units.Where(u => u.ParentId == unitId).Select(u => u.Id);
        var latest = await db.Snapshots.AsNoTracking().Where(s => s.SentAtUtc != null && below.Contains(s.UnitId))
            .OrderByDescending(s => s.SentAtUtc).Select(s => new { s.PeriodKind, s.PeriodYear, s.PeriodNumber }).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : new ReviewPeriod(latest.PeriodKind, latest.PeriodYear, latest.PeriodNumber);
    }

    /// <summary>This page's query for another statutory period of the same unit.</summary>
    public Dictionary<string, string> RouteOf(ReviewPeriod period)
    {
        var route = SummaryPeriodQuery.RouteOf(ReportPeriod.Of(period));
        route["unit"] = UnitId.ToString(CultureInfo.InvariantCulture);
        return route;
    }

    /// <summary>The form's choices of period for the year shown, as the summary offers them.</summary>
    public IReadOnlyList<(string Value, string Label)> PeriodChoices()
    {
        return SummaryPeriodQuery.ChoicesOf(Period.Year).Select(p => (SummaryPeriodQuery.ChoiceOf(p), localizer.Label(p))).ToList();
    }
}
