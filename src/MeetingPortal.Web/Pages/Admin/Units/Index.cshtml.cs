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

/// <summary>The administrator's units as a tree, with a form to add a unit below one of them.</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class IndexModel(
    MeetingPortalDbContext db, IValidator<IndexModel.UnitInput> validator, IStringLocalizer<SharedResource> localizer, AuditTrail audit,
    IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public UnitInput Input { get; set; } = new();

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> ParentChoices { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Levels { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Normalise();
        (await validator.ValidateAsync(Input, cancellationToken)).AddTo(ModelState, nameof(Input));
        var parent = Input.ParentId is { } parentId
            ? await db.Units.InScope(User.GetScopeOrNone()).TakingRecords().Include(u => u.Level).SingleOrDefaultAsync(u => u.Id == parentId, cancellationToken)
            : null;
        if (Input.ParentId is not null && parent is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(UnitInput.ParentId)}", localizer["Admin.UnitOutOfScope"]);
        }

        var level = Input.LevelId is { } levelId ? await db.UnitLevels.AsNoTracking().SingleOrDefaultAsync(l => l.Id == levelId, cancellationToken) : null;
        if (Input.LevelId is not null && (level is null || (parent?.Level is { } parentLevel && level.Rank <= parentLevel.Rank)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(UnitInput.LevelId)}", localizer["Units.LevelBelowParent"]);
        }

        if (ModelState.IsValid && await db.Units.AnyAsync(u => u.Code == Input.Code, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(UnitInput.Code)}", localizer["Admin.CodeTaken"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var unit = new Unit(Input.Code, Input.Name, level!.Id);
        unit.PlaceUnder(parent);
        db.Units.Add(unit);
        // The path ends with the new id, so the row is saved twice; one transaction keeps a pathless unit from existing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        unit.AssignPath();
        audit.Record(nameof(Unit), unit.Id, HistoryAction.Created, $"{unit.Code}: {unit.Name}", unit.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Status = localizer["Units.Added", unit.Name];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var scope = User.GetScopeOrNone();
        ParentChoices = await UnitOptions.InScopeAsync(db, scope, cancellationToken);
        Levels = (await db.UnitLevels.AsNoTracking().OrderBy(l => l.Rank).Select(l => new { l.Id, l.Name }).ToListAsync(cancellationToken)).Select(l => (l.Id, l.Name)).ToList();
        var units = await db.Units.AsNoTracking().InScope(scope).OrderBy(u => u.Path)
            .Select(u => new
            {
                u.Id,
                u.Code,
                u.Name,
                u.Path,
                Level = u.Level!.Name,
                u.MergedIntoId,
                MergedInto = db.Units.Where(t => t.Id == u.MergedIntoId).Select(t => t.Name).FirstOrDefault(),
                Meetings = db.Meetings.Count(m => m.UnitId == u.Id),
                Accounts = db.Users.Count(a => a.UnitId == u.Id),
            })
            .ToListAsync(cancellationToken);
        var rootDepth = units.Count == 0 ? 0 : units.Min(u => Depth(u.Path));
        var rows = new List<Row>(units.Count);
        foreach (var u in units)
        {
            var manageable = await authorization.MayAsync(User, new UnitResource(u.Path), AdministrationOperations.ManageUnit);
            rows.Add(new Row(u.Id, u.Code, u.Name, u.Level, Depth(u.Path) - rootDepth, u.MergedInto, u.Meetings, u.Accounts, manageable));
        }

        Items = rows;
    }

    private static int Depth(string path) => path.Count(c => c == '/');

    public sealed record Row(int Id, string Code, string Name, string Level, int Depth, string? MergedInto, int Meetings, int Accounts, bool Manageable);

    public sealed class UnitInput
    {
        [Display(Name = "Units.Parent")]
        public int? ParentId { get; set; }

        [Display(Name = "Units.Level")]
        public int? LevelId { get; set; }

        [Display(Name = "Units.Code")]
        public string Code { get; set; } = string.Empty;

        [Display(Name = "Units.Name")]
        public string Name { get; set; } = string.Empty;

        public void Normalise()
        {
            Code = TextNormalizer.Clean(Code);
            Name = TextNormalizer.Clean(Name);
        }
    }

    public sealed class UnitValidator : AbstractValidator<UnitInput>
    {
        public UnitValidator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.ParentId).NotNull().WithName(_ => localizer["Units.Parent"]);
            RuleFor(x => x.LevelId).NotNull().WithName(_ => localizer["Units.Level"]);
            RuleFor(x => x.Name).NotEmpty().MaximumLength(Unit.NameMaxLength).WithName(_ => localizer["Units.Name"]);
            RuleFor(x => x.Code).NotEmpty().MaximumLength(Unit.CodeMaxLength).WithName(_ => localizer["Units.Code"]);
            RuleFor(x => x.Code).Matches("^[a-z0-9]+(-[a-z0-9]+)*$").When(x => !string.IsNullOrEmpty(x.Code)).WithMessage(_ => localizer["Admin.CodeFormat"]);
        }
    }
}
