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

/// <summary>How many working days a body has to answer, by theme and by the level of the body.</summary>
[Authorize(Policy = Policies.NationalSettings)]
public sealed class DueRulesModel(
    MeetingPortalDbContext db, IValidator<DueRulesModel.RuleInput> validator, IStringLocalizer<SharedResource> localizer,
    AuditTrail audit) : PageModel
{
    [BindProperty]
    public RuleInput Rule { get; set; } = new();

    public IReadOnlyList<Row> Rules { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Themes { get; private set; } = [];
    public IReadOnlyList<(int Rank, string Name)> Levels { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Adds a rule, or changes the days of the rule with the same theme and level.</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        (await validator.ValidateAsync(Rule, cancellationToken)).AddTo(ModelState, nameof(Rule));
        await LoadAsync(cancellationToken);
        if (Rule.ThemeId is { } theme && Themes.All(t => t.Id != theme))
        {
            ModelState.AddModelError($"{nameof(Rule)}.{nameof(RuleInput.ThemeId)}", localizer["DueRules.UnknownTheme"]);
        }

        if (Rule.LevelRank is { } rank && Levels.All(l => l.Rank != rank))
        {
            ModelState.AddModelError($"{nameof(Rule)}.{nameof(RuleInput.LevelRank)}", localizer["DueRules.UnknownLevel"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var existing = await db.DueDateRules.SingleOrDefaultAsync(r => r.ThemeId == Rule.ThemeId && r.LevelRank == Rule.LevelRank, cancellationToken);
        var action = existing is null ? HistoryAction.Created : HistoryAction.Updated;
        var before = existing?.WorkingDays;
        if (existing is null)
        {
            existing = db.DueDateRules.Add(new DueDateRule(Rule.ThemeId, Rule.LevelRank, Rule.WorkingDays!.Value)).Entity;
        }
        else
        {
            existing.WorkingDays = Rule.WorkingDays!.Value;
        }

        // The history row needs the new id, so two saves: one transaction keeps a change from landing unrecorded.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Audit(existing, action, before);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Status = localizer["DueRules.Saved"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int ruleId, CancellationToken cancellationToken)
    {
        var rule = await db.DueDateRules.SingleOrDefaultAsync(r => r.Id == ruleId, cancellationToken);
        if (rule is null)
        {
            return NotFound();
        }

        db.DueDateRules.Remove(rule);
        Audit(rule, HistoryAction.Removed, rule.WorkingDays);
        await db.SaveChangesAsync(cancellationToken);
        Status = localizer["DueRules.Removed"];
        return RedirectToPage();
    }

    private void Audit(DueDateRule rule, HistoryAction action, int? before)
    {
        static string Number(int? n) => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
        var after = action == HistoryAction.Removed ? null : (int?)rule.WorkingDays;
        audit.Record(nameof(DueDateRule), rule.Id, action,
            $"theme {(rule.ThemeId is null ? "*" : Number(rule.ThemeId))}, level {(rule.LevelRank is null ? "*" : Number(rule.LevelRank))}: {Number(before)} → {Number(after)}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Themes = (await db.Themes.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken)).Select(t => (t.Id, t.Name)).ToList();
        Levels = (await db.UnitLevels.AsNoTracking().OrderBy(l => l.Rank).Select(l => new { l.Rank, l.Name }).ToListAsync(cancellationToken)).Select(l => (l.Rank, l.Name)).ToList();
        var rules = await db.DueDateRules.AsNoTracking().ToListAsync(cancellationToken);
        Rules = rules
            .Select(r => new Row(r.Id, Themes.FirstOrDefault(t => t.Id == r.ThemeId).Name, Levels.FirstOrDefault(l => l.Rank == r.LevelRank).Name, r.WorkingDays))
            .OrderBy(r => r.Theme is not null).ThenBy(r => r.Theme).ThenBy(r => r.Level)
            .ToList();
    }

    public sealed record Row(int Id, string? Theme, string? Level, int WorkingDays);

    public sealed class RuleInput
    {
        [Display(Name = "Recommendation.Theme")]
        public int? ThemeId { get; set; }

        [Display(Name = "DueRules.Level")]
        public int? LevelRank { get; set; }

        [Display(Name = "DueRules.WorkingDays")]
        public int? WorkingDays { get; set; }
    }

    public sealed class RuleValidator : AbstractValidator<RuleInput>
    {
        public RuleValidator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.WorkingDays).NotNull().InclusiveBetween(DueDateRule.MinWorkingDays, DueDateRule.MaxWorkingDays).WithName(_ => localizer["DueRules.WorkingDays"]);
        }
    }
}
