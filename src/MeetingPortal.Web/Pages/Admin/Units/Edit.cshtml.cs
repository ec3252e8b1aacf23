using MeetingPortal.Application.Administration;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Units;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Admin.Units;

/// <summary>Renames a unit or merges it into another unit of the same level (<see cref="ChangeUnits"/>).</summary>
public sealed class EditModel(MeetingPortalDbContext db, ChangeUnits changeUnits, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public UnitDetailsInput Details { get; set; } = new();

    [BindProperty]
    public UnitMergeInput Merge { get; set; } = new();

    public Unit? Current { get; private set; }
    public string LevelName { get; private set; } = string.Empty;
    public IReadOnlyList<(int Id, string Name)> MergeTargets { get; private set; } = [];
    public int Meetings { get; private set; }

    /// <summary>"Đã sáp nhập vào …" or "Đã kết thúc hoạt động từ …" for a unit that no longer takes records; null otherwise.</summary>
    public string? Ended { get; private set; }

    /// <summary>The unit's names over time, oldest first (ADR 0018).</summary>
    public IReadOnlyList<UnitNaming> Names { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Details = new UnitDetailsInput { Code = Current!.Code, Name = Current.Name };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        // A day that is not one ("abc") must not become "from today": the binder's message stands beside the field.
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, UseCaseResult.Done(), nameof(Details), cancellationToken);
        }

        var result = await changeUnits.RenameAsync(User, id, Details, cancellationToken);
        if (result.Succeeded)
        {
            Status = localizer["Units.Saved", Details.Name];
            return RedirectToPage("/Admin/Units/Index");
        }

        return await ShowAsync(id, result, nameof(Details), cancellationToken);
    }

    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            var refused = await ShowAsync(id, UseCaseResult.Done(), nameof(Merge), cancellationToken);
            Details = Current is null ? Details : new UnitDetailsInput { Code = Current.Code, Name = Current.Name };
            return refused;
        }

        var outcome = await changeUnits.MergeAsync(User, id, Merge, cancellationToken);
        if (outcome is { Result.Succeeded: true, Moved: { } moved })
        {
            Status = localizer["Units.Merged", outcome.SourceName!, outcome.TargetName!, moved.Meetings, moved.Organisations, moved.Accounts, moved.ChildUnits];
            return RedirectToPage("/Admin/Units/Index");
        }

        var shown = await ShowAsync(id, outcome.Result, nameof(Merge), cancellationToken);
        Details = Current is null ? Details : new UnitDetailsInput { Code = Current.Code, Name = Current.Name };
        return shown;
    }

    private async Task<IActionResult> ShowAsync(int id, UseCaseResult result, string prefix, CancellationToken cancellationToken)
    {
        if ((this.RefusalFor(result) ?? await LoadAsync(id, cancellationToken)) is { } refusal)
        {
            return refusal;
        }

        result.AddTo(ModelState, prefix);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (unit, refusal) = await changeUnits.LoadForReadingAsync(User, id, cancellationToken);
        if (unit is null)
        {
            return this.RefusalFor(refusal!);
        }

        Current = unit;
        if (!unit.TakesRecords)
        {
            Ended = unit.MergedIntoId is { } mergedInto
                ? localizer["Units.MergedInto", await db.Units.Where(u => u.Id == mergedInto).Select(u => u.Name).SingleAsync(cancellationToken)]
                : localizer["Units.Retired", unit.RetiredOn!.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)];
        }

        Names = [.. unit.Namings.OrderBy(n => n.ValidFrom ?? DateOnly.MinValue)];
        LevelName = unit.Level?.Name ?? string.Empty;
        Meetings = await db.Meetings.CountAsync(m => m.UnitId == id, cancellationToken);
        MergeTargets = await changeUnits.MergeTargetsAsync(User, unit, cancellationToken);
        return null;
    }
}
