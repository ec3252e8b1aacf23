using MeetingPortal.Application.Raising;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MeetingPortal.Web.Pages.Raising;

/// <summary>
/// "Our recommendations" (issue 18, deliver 5; ADR 0026): what the Raiser's body raised, across every committee it
/// raised them to, overdue and unresolved first; each opens its answers and roadmap. Below it, what the body's unit
/// has published to the public (the public results pages), or a line saying there is none.
/// </summary>
[Authorize(Policy = Policies.RaisingSide)]
public sealed class IndexModel(OurRecommendations query, UnitPublished published) : PageModel
{
    public RaisedList? List { get; private set; }

    /// <summary>The public results pages of the body's unit; null when the account raises for no body.</summary>
    public UnitPublishedList? Published { get; private set; }

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
        Published = await published.ListAsync(User, cancellationToken);
    }
}
