using MeetingPortal.Domain.Common;
using MeetingPortal.Application.Administration;
using MeetingPortal.Application.Common;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Admin;

/// <summary>The national list of recommendation themes: added and renamed, never removed (recommendations keep theirs).</summary>
[Authorize(Policy = Policies.NationalSettings)]
public sealed class ThemesModel(MeetingPortalDbContext db, ChangeThemes changeThemes, IStringLocalizer<SharedResource> localizer) : PageModel
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
        var result = await changeThemes.AddAsync(User, Input, cancellationToken);
        return await ShowAsync(result, "Themes.Added", null, cancellationToken);
    }

    public async Task<IActionResult> OnPostRenameAsync(int themeId, CancellationToken cancellationToken)
    {
        var result = await changeThemes.RenameAsync(User, themeId, Input, cancellationToken);
        return await ShowAsync(result, "Themes.Renamed", themeId, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(UseCaseResult result, string done, int? editing, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case UseCaseStatus.Done:
                Status = localizer[done, Input.Name];
                return RedirectToPage();
            case UseCaseStatus.Forbidden:
                return Forbid();
            case UseCaseStatus.NotFound:
                return NotFound();
        }

        // Renaming checks the name only: a message about the key belongs to the add form.
        foreach (var error in result.Errors.Where(e => editing is null || e.Field != nameof(ThemeInput.Code)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", error.Message);
        }

        EditingId = editing;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Themes = (await db.Themes.AsNoTracking()
            .Select(t => new Row(t.Id, t.Code, t.Name, db.Recommendations.Count(r => r.ThemeId == t.Id)))
            .ToListAsync(cancellationToken)).ByName(t => t.Name);

    public sealed record Row(int Id, string Code, string Name, int Recommendations);
}
