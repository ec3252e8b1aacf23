using System.ComponentModel.DataAnnotations;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Recommendations.Templates;

/// <summary>
/// The answer templates a user reads (their units' and those of the units above, ADR 0025 section 4), each opening its own
/// page, and for Trackers and Administrators a form to add one to a unit of their scope.
/// </summary>
[Authorize]
public sealed class IndexModel(MeetingPortalDbContext db, AnswerTemplates templates, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<AnswerTemplateRow> Items { get; private set; } = [];

    /// <summary>The units the user may add a template to: those of their scope.</summary>
    public IReadOnlyList<(int Id, string Label)> UnitOptions { get; private set; } = [];

    /// <summary>Whether the add form is shown: the roles that write templates (each unit is still authorized on saving).</summary>
    public bool MayAdd => User.IsInRole(Roles.Tracker) || User.IsInRole(Roles.Administrator);

    [BindProperty]
    public TemplateInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!MayAdd)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var result = await templates.SaveAsync(User, new SaveAnswerTemplateCommand(null, 0, Input.UnitId, Input.Name, Input.Text), cancellationToken);
            if (result.Succeeded)
            {
                Status = localizer["Template.Added"];
                return RedirectToPage();
            }

            result.AddTo(ModelState, nameof(Input));
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Items = await templates.ReadableAsync(User, cancellationToken);
        UnitOptions = MayAdd ? await MeetingPortal.Application.Units.UnitOptions.InScopeAsync(db, User.GetScopeOrNone(), cancellationToken) : [];
    }

    /// <summary>What the add and edit forms post.</summary>
    public sealed class TemplateInput
    {
        /// <summary>The version the user saw (0 for a new one).</summary>
        [Display(Name = "Form.Version")]
        public int Version { get; set; }

        /// <summary>The unit that keeps it (add only).</summary>
        [Display(Name = "Meetings.Unit")]
        public int? UnitId { get; set; }

        [Display(Name = "Template.Name")]
        public string? Name { get; set; }

        [Display(Name = "Template.Text")]
        public string? Text { get; set; }
    }
}
