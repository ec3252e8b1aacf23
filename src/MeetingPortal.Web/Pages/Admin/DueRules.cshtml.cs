using MeetingPortal.Application.Administration;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Admin;

/// <summary>How many working days a body has to answer, by theme and by the level of the body.</summary>
[Authorize(Policy = Policies.NationalSettings)]
public sealed class DueRulesModel(MeetingPortalDbContext db, ChangeDueDateRules changeRules, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public DueDateRuleInput Rule { get; set; } = new();

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
        if (ModelState.IsValid)
        {
            return await this.AnswerAsync(await changeRules.SaveAsync(User, Rule, cancellationToken), nameof(Rule),
                () =>
                {
                    Status = localizer["DueRules.Saved"];
                    return RedirectToPage();
                },
                () => ShowAsync(cancellationToken));
        }

        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int ruleId, CancellationToken cancellationToken)
    {
        var result = await changeRules.RemoveAsync(User, ruleId, cancellationToken);
        if (!result.Succeeded)
        {
            return this.RefusalFor(result) ?? NotFound();
        }

        Status = localizer["DueRules.Removed"];
        return RedirectToPage();
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
}
