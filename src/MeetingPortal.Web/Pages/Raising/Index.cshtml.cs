using MeetingPortal.Application.Raising;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MeetingPortal.Web.Pages.Raising;

/// <summary>
/// "Our recommendations" (issue 18, deliver 5; ADR 0026): what the Raiser's body raised, across every committee it
/// raised them to, overdue and unresolved first; each opens its answers and roadmap.
/// </summary>
[Authorize(Policy = Policies.RaisingSide)]
public sealed class IndexModel(OurRecommendations query) : PageModel
{
    public RaisedList? List { get; private set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Only the open ones (not yet resolved or closed).</summary>
    [BindProperty(SupportsGet = true, Name = "open")]
    public bool OpenOnly { get; set; }

    public Dictionary<string, string> PageRoute(int page) => new()
    {
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["open"] = OpenOnly ? "true" : "false",
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        List = await query.ListAsync(User, OpenOnly, PageNumber, cancellationToken);
    }
}
