using MeetingPortal.Application.Raising;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MeetingPortal.Web.Pages.Raising;

/// <summary>
/// One recommendation the Raiser's body raised: where it stands, the answers, and the roadmap with its milestones
/// (ADR 0026). Another body's, or one of a record not yet published, answers 404. No person is named.
/// </summary>
[Authorize(Policy = Policies.RaisingSide)]
public sealed class RecommendationModel(OurRecommendations query) : PageModel
{
    public RaisedDetail Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await query.DetailAsync(User, id, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        return Page();
    }
}
