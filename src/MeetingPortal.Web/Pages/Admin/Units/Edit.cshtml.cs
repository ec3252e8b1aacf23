using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Units;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using MeetingPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Admin.Units;

/// <summary>Renames a unit or merges it into another unit of the same level.</summary>
public sealed class EditModel(
    MeetingPortalDbContext db,
    IAuthorizationService authorization,
    IValidator<EditModel.DetailsInput> detailsValidator,
    IValidator<EditModel.MergeInput> mergeValidator,
    IStringLocalizer<SharedResource> localizer,
    AuditTrail audit,
    UnitMerger merger,
    ILogger<EditModel> logger) : PageModel
{
    [BindProperty]
    public DetailsInput Details { get; set; } = new();

    [BindProperty]
    public MergeInput Merge { get; set; } = new();

    public Unit? Current { get; private set; }
    public string LevelName { get; private set; } = string.Empty;
    public IReadOnlyList<(int Id, string Name)> MergeTargets { get; private set; } = [];
    public int Meetings { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Details = new DetailsInput { Code = Current!.Code, Name = Current.Name };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var unit = Current!;
        Details.Code = TextNormalizer.Clean(Details.Code);
        Details.Name = TextNormalizer.Clean(Details.Name);
        (await detailsValidator.ValidateAsync(Details, cancellationToken)).AddTo(ModelState, nameof(Details));
        if (ModelState.IsValid && await db.Units.AnyAsync(u => u.Id != id && u.Code == Details.Code, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Details)}.{nameof(DetailsInput.Code)}", localizer["Admin.CodeTaken"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var changes = AuditTrail.Diff(("Code", unit.Code, Details.Code), ("Name", unit.Name, Details.Name));
        if (changes.Count > 0)
        {
            unit.Code = Details.Code;
            unit.Name = Details.Name;
            audit.Record(nameof(Unit), unit.Id, HistoryAction.Updated, unit.Name, unit.Id, changes);
            await db.SaveChangesAsync(cancellationToken);
        }

        Status = localizer["Units.Saved", unit.Name];
        return RedirectToPage("/Admin/Units/Index");
    }

    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var source = Current!;
        Details = new DetailsInput { Code = source.Code, Name = source.Name };
        Merge.Reason = TextNormalizer.Clean(Merge.Reason);
        (await mergeValidator.ValidateAsync(Merge, cancellationToken)).AddTo(ModelState, nameof(Merge));
        var target = Merge.TargetId is { } targetId && MergeTargets.Any(t => t.Id == targetId)
            ? await db.Units.SingleAsync(u => u.Id == targetId, cancellationToken)
            : null;
        if (Merge.TargetId is not null && target is null)
        {
            ModelState.AddModelError($"{nameof(Merge)}.{nameof(MergeInput.TargetId)}", localizer["Units.MergeTargetInvalid"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await merger.MergeAsync(source, target!, Merge.Reason, cancellationToken);
        logger.LogInformation("Unit {SourceId} merged into {TargetId}: {Meetings} meetings, {Accounts} accounts moved", source.Id, target!.Id, result.Meetings, result.Accounts);
        Status = localizer["Units.Merged", source.Name, target.Name, result.Meetings, result.Organisations, result.Accounts, result.ChildUnits];
        return RedirectToPage("/Admin/Units/Index");
    }

    /// <summary>404 outside the user's scope, 403 for a unit they may not manage (their own, or without the role).</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var scope = User.GetScopeOrNone();
        Current = await db.Units.InScope(scope).Include(u => u.Level).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (Current is null)
        {
            return NotFound();
        }

        if (!await authorization.MayAsync(User, new UnitResource(Current.Path), AdministrationOperations.ManageUnit) || Current.IsMerged)
        {
            return Forbid();
        }

        LevelName = Current.Level?.Name ?? string.Empty;
        Meetings = await db.Meetings.CountAsync(m => m.UnitId == id, cancellationToken);
        var (levelId, path) = (Current.LevelId, Current.Path);
        var candidates = await db.Units.AsNoTracking().InScope(scope).TakingRecords()
            .Where(u => u.Id != id && u.LevelId == levelId)
            .OrderBy(u => u.Name).Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(cancellationToken);
        var targets = new List<(int, string)>();
        foreach (var u in candidates.Where(u => !u.Path.StartsWith(path, StringComparison.Ordinal)))
        {
            if (await authorization.MayAsync(User, new UnitResource(u.Path), AdministrationOperations.ManageUnit))
            {
                targets.Add((u.Id, u.Name));
            }
        }

        MergeTargets = targets;
        return null;
    }

    public sealed class DetailsInput
    {
        [Display(Name = "Units.Code")]
        public string Code { get; set; } = string.Empty;

        [Display(Name = "Units.Name")]
        public string Name { get; set; } = string.Empty;
    }

    public sealed class MergeInput
    {
        [Display(Name = "Units.MergeTarget")]
        public int? TargetId { get; set; }

        [Display(Name = "Units.MergeReason")]
        public string Reason { get; set; } = string.Empty;

        public bool Confirm { get; set; }
    }

    public sealed class DetailsValidator : AbstractValidator<DetailsInput>
    {
        public DetailsValidator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(Unit.NameMaxLength).WithName(_ => localizer["Units.Name"]);
            RuleFor(x => x.Code).NotEmpty().MaximumLength(Unit.CodeMaxLength).WithName(_ => localizer["Units.Code"]);
            RuleFor(x => x.Code).Matches("^[a-z0-9]+(-[a-z0-9]+)*$").When(x => !string.IsNullOrEmpty(x.Code)).WithMessage(_ => localizer["Admin.CodeFormat"]);
        }
    }

    public sealed class MergeValidator : AbstractValidator<MergeInput>
    {
        public MergeValidator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.TargetId).NotNull().WithName(_ => localizer["Units.MergeTarget"]);
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(500).WithName(_ => localizer["Units.MergeReason"]);
            RuleFor(x => x.Confirm).Equal(true).WithMessage(_ => localizer["Units.MergeConfirmRequired"]);
        }
    }
}
