using System.ComponentModel.DataAnnotations;
using System.Globalization;
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

/// <summary>A due-date rule as typed: for a theme, an addressed level, both or neither (the default), and its period.</summary>
public sealed class DueDateRuleInput
{
    [Display(Name = "Recommendation.Theme")]
    public int? ThemeId { get; set; }

    [Display(Name = "DueRules.Level")]
    public int? LevelRank { get; set; }

    [Display(Name = "DueRules.WorkingDays")]
    public int? WorkingDays { get; set; }
}

/// <summary>
/// The top unit's administrators keep how many working days a body has to answer (a national setting): a rule
/// is added, or the rule with the same theme and level changed, or removed. A recommendation keeps the period it
/// was given (decision record 0010). Each change is written to the audit log.
/// </summary>
public sealed class ChangeDueDateRules(
    MeetingPortalDbContext db, IAuthorizationService authorization, AuditTrail audit, IValidator<DueDateRuleInput> validator, IStringLocalizer<SharedResource> localizer)
{
    public async Task<UseCaseResult> SaveAsync(ClaimsPrincipal user, DueDateRuleInput input, CancellationToken cancellationToken)
    {
        if (!await authorization.MayAsync(user, NationalSettings.Instance, AdministrationOperations.ManageNationalSettings))
        {
            return UseCaseResult.Forbidden;
        }

        var errors = (await validator.ValidateAsync(input, cancellationToken)).ToErrors();
        if (input.ThemeId is { } theme && !await db.Themes.AnyAsync(t => t.Id == theme, cancellationToken))
        {
            errors.Add(new UseCaseError(nameof(input.ThemeId), localizer["DueRules.UnknownTheme"]));
        }

        if (input.LevelRank is { } rank && !await db.UnitLevels.AnyAsync(l => l.Rank == rank, cancellationToken))
        {
            errors.Add(new UseCaseError(nameof(input.LevelRank), localizer["DueRules.UnknownLevel"]));
        }

        if (errors.Count > 0)
        {
            return UseCaseResult.Invalid(errors);
        }

        var rule = await db.DueDateRules.SingleOrDefaultAsync(r => r.ThemeId == input.ThemeId && r.LevelRank == input.LevelRank, cancellationToken);
        var action = rule is null ? HistoryAction.Created : HistoryAction.Updated;
        var before = rule?.WorkingDays;
        if (rule is null)
        {
            rule = db.DueDateRules.Add(new DueDateRule(input.ThemeId, input.LevelRank, input.WorkingDays!.Value)).Entity;
        }
        else
        {
            rule.WorkingDays = input.WorkingDays!.Value;
        }

        // The history row needs the new id: one transaction keeps a change from landing unrecorded.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Record(rule, action, before);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UseCaseResult.Done(rule.Id);
    }

    public async Task<UseCaseResult> RemoveAsync(ClaimsPrincipal user, int ruleId, CancellationToken cancellationToken)
    {
        if (!await authorization.MayAsync(user, NationalSettings.Instance, AdministrationOperations.ManageNationalSettings))
        {
            return UseCaseResult.Forbidden;
        }

        var rule = await db.DueDateRules.SingleOrDefaultAsync(r => r.Id == ruleId, cancellationToken);
        if (rule is null)
        {
            return UseCaseResult.NotFound;
        }

        db.DueDateRules.Remove(rule);
        Record(rule, HistoryAction.Removed, rule.WorkingDays);
        await db.SaveChangesAsync(cancellationToken);
        return UseCaseResult.Done(ruleId);
    }

    private void Record(DueDateRule rule, HistoryAction action, int? before)
    {
        static string Number(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "-";
        var after = action == HistoryAction.Removed ? null : (int?)rule.WorkingDays;
        audit.Record(nameof(DueDateRule), rule.Id, action,
            $"theme {(rule.ThemeId is null ? "*" : Number(rule.ThemeId))}, level {(rule.LevelRank is null ? "*" : Number(rule.LevelRank))}: {Number(before)} → {Number(after)}");
    }

    /// <summary>A period the domain allows (<see cref="DueDateRule.IsValidPeriod"/>).</summary>
    public sealed class Validator : AbstractValidator<DueDateRuleInput>
    {
        public Validator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.WorkingDays).NotNull().InclusiveBetween(DueDateRule.MinWorkingDays, DueDateRule.MaxWorkingDays).WithName(_ => localizer["DueRules.WorkingDays"]);
        }
    }
}
