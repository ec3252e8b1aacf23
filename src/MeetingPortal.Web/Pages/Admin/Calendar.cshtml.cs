using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.History;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Infrastructure;
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
public sealed class CalendarModel(
    MeetingPortalDbContext db, IValidator<CalendarModel.DayInput> validator, IStringLocalizer<SharedResource> localizer, CalendarService calendar,
    AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public DayInput Day { get; set; } = new();

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
        (await validator.ValidateAsync(Day, cancellationToken)).AddTo(ModelState, nameof(Day));
        if (Day.Date is { } date && await db.CalendarDays.AnyAsync(d => d.Date == date, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Day)}.{nameof(DayInput.Date)}", localizer["Calendar.Duplicate"]);
        }

        if (Day.Date is { } day && Day.Kind == CalendarDayKind.WorkingDay && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            ModelState.AddModelError($"{nameof(Day)}.{nameof(DayInput.Kind)}", localizer["Calendar.WorkingDayOnWeekday"]);
        }

        if (!ModelState.IsValid)
        {
            Year ??= Day.Date?.Year;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var added = db.CalendarDays.Add(new CalendarDay(Day.Date!.Value, Day.Kind, Day.Name!.Trim())).Entity;
        // The history row needs the new id, so two saves: one transaction keeps a change from landing unrecorded.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Audit(added, HistoryAction.Created);
        await db.SaveChangesAsync(cancellationToken);
        await calendar.RecountOpenDueDatesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Status = localizer["Calendar.Added"];
        return RedirectToPage(new { year = Day.Date.Value.Year });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int dayId, CancellationToken cancellationToken)
    {
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Id == dayId, cancellationToken);
        if (day is null)
        {
            return NotFound();
        }

        db.CalendarDays.Remove(day);
        Audit(day, HistoryAction.Removed);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await calendar.RecountOpenDueDatesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Status = localizer["Calendar.Removed"];
        return RedirectToPage(new { year = day.Date.Year });
    }

    private void Audit(CalendarDay day, HistoryAction action) =>
        audit.Record(nameof(CalendarDay), day.Id, action, $"{day.Date:yyyy-MM-dd} {day.Kind}: {day.Name}");

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var dates = await db.CalendarDays.AsNoTracking().Select(d => d.Date).ToListAsync(cancellationToken);
        Years = dates.Select(d => d.Year).Append(calendar.Today.Year).Distinct().Order().ToList();
        // A year typed by hand outside the calendar's range shows the current year instead.
        var year = Year is >= 2000 and <= 2100 ? Year.Value : calendar.Today.Year;
        Year = year;
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        Days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= start && d.Date <= end).OrderBy(d => d.Date).ToListAsync(cancellationToken);
    }

    public sealed class DayInput
    {
        [Display(Name = "Calendar.Date")]
        public DateOnly? Date { get; set; }

        [Display(Name = "Calendar.Kind")]
        public CalendarDayKind Kind { get; set; } = CalendarDayKind.Holiday;

        [Display(Name = "Calendar.Name")]
        public string? Name { get; set; }
    }

    public sealed class DayValidator : AbstractValidator<DayInput>
    {
        public DayValidator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.Date).NotNull().WithName(_ => localizer["Calendar.Date"])
                .Must(d => d is null || d.Value.Year is >= 2000 and <= 2100).WithMessage(_ => localizer["Calendar.YearRange"]);
            RuleFor(x => x.Name).NotEmpty().MaximumLength(CalendarDay.NameMaxLength).WithName(_ => localizer["Calendar.Name"]);
            RuleFor(x => x.Kind).IsInEnum().WithName(_ => localizer["Calendar.Kind"]);
        }
    }
}
