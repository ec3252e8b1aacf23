using MeetingPortal.Application.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MeetingPortal.Web.Pages.Published;

/// <summary>
/// The public page of a dialogue's results (ADR 0025 section 5), open without signing in at /Public/Results/{id} with a
/// random id (the folder is not named Public, a keyword in other languages): the meeting's title, type, day and unit and
/// only the items its unit marked public, each with its content, addressed body, latest answer (its body, never a
/// person), state and roadmap progress. A page taken down, a draft meeting or an unknown id answers 404, as does every
/// id that is not one a unit published.
/// </summary>
[AllowAnonymous]
public sealed class ResultsModel(PublicResultsQuery query) : PageModel
{
    public PublicResultsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string publicId, CancellationToken cancellationToken)
    {
        if (await query.FindAsync(publicId, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
