using FluentValidation;
using MeetingPortal.Application.Administration;
using MeetingPortal.Domain.Calendar;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Admin;

/// <summary>
/// The working-day calendar, one year at a time: holidays and days off in compensation, and weekend
/// days worked in exchange, as the government announces them each year.
/// </summary>
[Authorize(Policy = Policies.NationalSettings)]
public sealed class CalendarModel(MeetingPortalDbContext db, ChangeCalendar changeCalendar, IStringLocalizer<SharedResource> localizer, CalendarService calendar) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public CalendarDayInput Day { get; set; } = new();

    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            return await this.AnswerAsync(await changeCalendar.AddAsync(User, Day, cancellationToken), nameof(Day),
                () =>
                {
                    Status = localizer["Calendar.Added"];
                    return RedirectToPage(new { year = Day.Date!.Value.Year });
                },
                () => ShowAsync(cancellationToken));
        }

        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Year ??= Day.Date?.Year;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int dayId, CancellationToken cancellationToken)
    {
        var result = await changeCalendar.RemoveAsync(User, dayId, cancellationToken);
        if (!result.Succeeded)
        {
            return this.RefusalFor(result) ?? NotFound();
        }

        Status = localizer["Calendar.Removed"];
        return RedirectToPage(new { year = result.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var dates = await db.CalendarDays.AsNoTracking().Select(d => d.Date).ToListAsync(cancellationToken);
        Years = dates.Select(d => d.Year).Append(calendar.Today.Year).Distinct().Order().ToList();
        // A year typed by hand outside the calendar's range shows the current year instead.
        var year = Year is { } asked && WorkingCalendar.KeepsYear(asked) ? asked : calendar.Today.Year;
        Year = year;
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        Days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= start && d.Date <= end).OrderBy(d => d.Date).ToListAsync(cancellationToken);
    }
}
