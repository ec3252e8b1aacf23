using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using FluentValidation;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.History;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Administration;

/// <summary>A day the government announces: a holiday or day off in compensation, or a weekend day worked in exchange.</summary>
public sealed class CalendarDayInput
{
    [Display(Name = "Calendar.Date")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Calendar.Kind")]
    public CalendarDayKind Kind { get; set; } = CalendarDayKind.Holiday;

    [Display(Name = "Calendar.Name")]
    public string? Name { get; set; }
}

/// <summary>
/// The top unit's administrators keep the working-day calendar (a national setting): a day is added or
/// removed, the change is written to the audit log, and every due date counted from the rules is counted
/// again on the new calendar (decision record 0010), all in one transaction.
/// </summary>
public sealed class ChangeCalendar(
    MeetingPortalDbContext db, IAuthorizationService authorization, CalendarService calendar, AuditTrail audit,
    IValidator<CalendarDayInput> validator, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>Adds a day; Invalid with messages beside Date, Kind or Name when it cannot be.</summary>
    public async Task<UseCaseResult> AddAsync(ClaimsPrincipal user, CalendarDayInput input, CancellationToken cancellationToken)
    {
        if (!await authorization.MayAsync(user, NationalSettings.Instance, AdministrationOperations.ManageNationalSettings))
        {
            return UseCaseResult.Forbidden;
        }

        var errors = (await validator.ValidateAsync(input, cancellationToken)).ToErrors();
        if (input.Date is { } date && await db.CalendarDays.AnyAsync(d => d.Date == date, cancellationToken))
        {
            errors.Add(new UseCaseError(nameof(input.Date), localizer["Calendar.Duplicate"]));
        }

        if (input.Date is { } day && !CalendarDay.Fits(day, input.Kind))
        {
            errors.Add(new UseCaseError(nameof(input.Kind), localizer["Calendar.WorkingDayOnWeekday"]));
        }

        if (errors.Count > 0)
        {
            return UseCaseResult.Invalid(errors);
        }

        var added = db.CalendarDays.Add(new CalendarDay(input.Date!.Value, input.Kind, input.Name!.Trim())).Entity;
        // The history row needs the new id: one transaction keeps a change from landing unrecorded.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Record(added, HistoryAction.Created);
        await db.SaveChangesAsync(cancellationToken);
        await calendar.RecountOpenDueDatesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UseCaseResult.Done(added.Id);
    }

    /// <summary>Removes day <paramref name="dayId"/>; NotFound when there is none.</summary>
    public async Task<UseCaseResult> RemoveAsync(ClaimsPrincipal user, int dayId, CancellationToken cancellationToken)
    {
        if (!await authorization.MayAsync(user, NationalSettings.Instance, AdministrationOperations.ManageNationalSettings))
        {
            return UseCaseResult.Forbidden;
        }

        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Id == dayId, cancellationToken);
        if (day is null)
        {
            return UseCaseResult.NotFound;
        }

        db.CalendarDays.Remove(day);
        Record(day, HistoryAction.Removed);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await calendar.RecountOpenDueDatesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UseCaseResult.Done(day.Date.Year);
    }

    private void Record(CalendarDay day, HistoryAction action) =>
        audit.Record(nameof(CalendarDay), day.Id, action, $"{day.Date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)} {localizer["CalendarDayKind." + day.Kind].Value}: {day.Name}");

    /// <summary>A date within the years the calendar keeps, a name, a known kind.</summary>
    public sealed class Validator : AbstractValidator<CalendarDayInput>
    {
        public Validator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.Date).NotNull().WithName(_ => localizer["Calendar.Date"])
                .Must(d => d is null || WorkingCalendar.KeepsYear(d.Value.Year)).WithMessage(_ => localizer["Calendar.YearRange"]);
            RuleFor(x => x.Name).NotEmpty().MaximumLength(CalendarDay.NameMaxLength).WithName(_ => localizer["Calendar.Name"]);
            RuleFor(x => x.Kind).IsInEnum().WithName(_ => localizer["Calendar.Kind"]);
        }
    }
}
