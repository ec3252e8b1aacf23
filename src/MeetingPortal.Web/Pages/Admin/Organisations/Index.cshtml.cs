using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using MeetingPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Admin.Organisations;

/// <summary>The bodies of the administrator's units: listed by unit and added here; each is changed on its own page.</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class IndexModel(
    MeetingPortalDbContext db, IValidator<IndexModel.OrganisationInput> validator, IStringLocalizer<SharedResource> localizer, AuditTrail audit) : PageModel
{
    public const int Shown = 500;

    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<(int Id, string Label)> UnitChoices { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Name = TextNormalizer.Clean(Input.Name);
        (await validator.ValidateAsync(Input, cancellationToken)).AddTo(ModelState, nameof(Input));
        var unitPath = Input.UnitId is { } unitId
            ? await UnitOptions.PathTakingRecordsAsync(db, User.GetScopeOrNone(), unitId, cancellationToken)
            : null;
        if (Input.UnitId is not null && unitPath is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(OrganisationInput.UnitId)}", localizer["Admin.UnitOutOfScope"]);
        }

        if (ModelState.IsValid && await db.Organisations.AnyAsync(o => o.UnitId == Input.UnitId && o.Name == Input.Name, cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(OrganisationInput.Name)}", localizer["Organisations.NameTaken"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var organisation = db.Organisations.Add(new Organisation(Input.UnitId!.Value, Input.Name, Input.Kind!.Value)).Entity;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(nameof(Organisation), organisation.Id, HistoryAction.Created, organisation.Name, organisation.UnitId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Status = localizer["Organisations.Added", organisation.Name];
        return RedirectToPage(new { unit = organisation.UnitId });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var scope = User.GetScopeOrNone();
        UnitChoices = await UnitOptions.InScopeAsync(db, scope, cancellationToken);
        var within = Unit is { } unitId ? await UnitOptions.SubtreeInScopeAsync(db, scope, unitId, cancellationToken) ?? new UnitScope(0, "/none/") : scope;
        var query = db.Organisations.AsNoTracking().InScope(within);
        Total = await query.CountAsync(cancellationToken);
        Items = await query.OrderBy(o => o.Unit!.Path).ThenBy(o => o.Name).Take(Shown)
            .Select(o => new Row(o.Id, o.Name, o.Kind, o.Unit!.Name))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(int Id, string Name, OrganisationKind Kind, string UnitName);

    public sealed class OrganisationInput
    {
        [Display(Name = "Meetings.Unit")]
        public int? UnitId { get; set; }

        [Display(Name = "Organisations.Name")]
        public string Name { get; set; } = string.Empty;

        [Display(Name = "Form.OrganisationKind")]
        public OrganisationKind? Kind { get; set; }
    }

    public sealed class OrganisationValidator : AbstractValidator<OrganisationInput>
    {
        public OrganisationValidator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.UnitId).NotNull().WithName(_ => localizer["Meetings.Unit"]);
            RuleFor(x => x.Name).NotEmpty().MaximumLength(Organisation.NameMaxLength).WithName(_ => localizer["Organisations.Name"]);
            RuleFor(x => x.Kind).NotNull().IsInEnum().WithName(_ => localizer["Form.OrganisationKind"]);
        }
    }
}
