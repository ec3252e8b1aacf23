using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Admin;

/// <summary>The national list of recommendation themes: added and renamed, never removed (recommendations keep theirs).</summary>
[Authorize(Policy = Policies.NationalSettings)]
public sealed class ThemesModel(
    MeetingPortalDbContext db, IValidator<ThemesModel.ThemeInput> validator, IStringLocalizer<SharedResource> localizer, AuditTrail audit) : PageModel
{
    [BindProperty]
    public ThemeInput Input { get; set; } = new();

    /// <summary>The theme whose rename form failed, so its message and typed name show in its own row.</summary>
    public int? EditingId { get; private set; }

    public IReadOnlyList<Row> Themes { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        Normalise();
        (await validator.ValidateAsync(Input, o => o.IncludeRuleSets("default", "add"), cancellationToken)).AddTo(ModelState, nameof(Input));
        if (ModelState.IsValid && await db.Themes.AnyAsync(t => t.Code == Input.Code, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ThemeInput.Code)}", localizer["Themes.CodeTaken"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var theme = db.Themes.Add(new Theme(Input.Code, Input.Name)).Entity;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(nameof(Theme), theme.Id, HistoryAction.Created, $"{theme.Code}: {theme.Name}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Status = localizer["Themes.Added", theme.Name];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenameAsync(int themeId, CancellationToken cancellationToken)
    {
        var theme = await db.Themes.SingleOrDefaultAsync(t => t.Id == themeId, cancellationToken);
        if (theme is null)
        {
            return NotFound();
        }

        Normalise();
        (await validator.ValidateAsync(Input, cancellationToken)).AddTo(ModelState, nameof(Input));
        ModelState.Remove($"{nameof(Input)}.{nameof(ThemeInput.Code)}");
        if (!ModelState.IsValid)
        {
            EditingId = themeId;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var before = theme.Name;
        theme.Name = Input.Name;
        audit.Record(nameof(Theme), theme.Id, HistoryAction.Updated, $"{theme.Code}: {before} → {theme.Name}", changes: AuditTrail.Diff(("Name", before, theme.Name)));
        await db.SaveChangesAsync(cancellationToken);
        Status = localizer["Themes.Renamed", theme.Name];
        return RedirectToPage();
    }

    private void Normalise()
    {
        Input.Code = TextNormalizer.Clean(Input.Code);
        Input.Name = TextNormalizer.Clean(Input.Name);
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Themes = await db.Themes.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new Row(t.Id, t.Code, t.Name, db.Recommendations.Count(r => r.ThemeId == t.Id)))
            .ToListAsync(cancellationToken);

    public sealed record Row(int Id, string Code, string Name, int Recommendations);

    public sealed class ThemeInput
    {
        [Display(Name = "Themes.Code")]
        public string Code { get; set; } = string.Empty;

        [Display(Name = "Themes.Name")]
        public string Name { get; set; } = string.Empty;
    }

    public sealed class ThemeValidator : AbstractValidator<ThemeInput>
    {
        public ThemeValidator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(Theme.NameMaxLength).WithName(_ => localizer["Themes.Name"]);
            RuleSet("add", () =>
                RuleFor(x => x.Code).Must(Theme.IsValidCode)
                    .WithMessage(_ => localizer["Admin.CodeFormat"]).WithName(_ => localizer["Themes.Code"]));
        }
    }
}
