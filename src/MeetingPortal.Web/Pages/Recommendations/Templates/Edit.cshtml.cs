using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Recommendations.Templates;

/// <summary>
/// One answer template: read by whoever reads it (404 for anyone else), changed or deleted by whoever writes it (403 for a
/// reader who may not, ADR 0025 section 4).
/// </summary>
[Authorize]
public sealed class EditModel(AnswerTemplates templates, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public AnswerTemplateRow? Template { get; private set; }

    [BindProperty]
    public IndexModel.TemplateInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var (access, row) = await templates.FindAsync(User, id, AnswerTemplateOperations.Read, cancellationToken);
        if (row is null)
        {
            return access == Access.NotFound ? NotFound() : Forbid();
        }

        Template = row;
        Input = new IndexModel.TemplateInput { Version = row.Version, Name = row.Name, Text = row.Text };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await templates.SaveAsync(User, new SaveAnswerTemplateCommand(id, Input.Version, null, Input.Name, Input.Text), cancellationToken);
            if (result.Succeeded)
            {
                Status = localizer["Template.Saved"];
                return RedirectToPage(new { id });
            }

            if (this.RefusalFor(result) is { } refusal)
            {
                return refusal;
            }

            result.AddTo(ModelState, nameof(Input));
        }

        var (access, row) = await templates.FindAsync(User, id, AnswerTemplateOperations.Write, cancellationToken);
        if (row is null)
        {
            return access == Access.NotFound ? NotFound() : Forbid();
        }

        Template = row;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var result = await templates.DeleteAsync(User, id, cancellationToken);
        if (this.RefusalFor(result) is { } refusal)
        {
            return refusal;
        }

        TempData["Status"] = (string)localizer["Template.Deleted"];
        return RedirectToPage("/Recommendations/Templates/Index");
    }
}
