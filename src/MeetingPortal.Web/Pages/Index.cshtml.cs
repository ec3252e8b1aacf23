using System.Globalization;
using MeetingPortal.Application.Home;
using MeetingPortal.Web.Pages.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MeetingPortal.Web.Pages;

/// <summary>
/// The home after sign-in (issue 17, deliver 1): the part of each of the user's roles, as <see cref="HomeQuery"/>
/// reads it; each count links to the list that counts the same, and only actions the user may take are offered.
/// </summary>
public sealed class IndexModel(HomeQuery home, IAuthorizationService authorization) : PageModel
{
    /// <summary>What the home shows.</summary>
    public HomeView View { get; private set; } = new(null, null, null, null, false);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // The raising side's home is its own list: it reaches none of the committees' records (ADR 0026).
        if ((await authorization.AuthorizeAsync(User, Policies.RaisingSide)).Succeeded)
        {
            return RedirectToPage("/Raising/Index");
        }

        View = await home.ForAsync(User, period => SummaryPeriodQuery.RouteOf(period), cancellationToken);
        return Page();
    }

    /// <summary>The summary of <paramref name="unitId"/> for the leader part's period, as the summary page's own links carry it.</summary>
    public Dictionary<string, string> SummaryRoute(int unitId)
    {
        var route = SummaryPeriodQuery.RouteOf(View.Leader!.Period);
        route["unit"] = unitId.ToString(CultureInfo.InvariantCulture);
        return route;
    }

    /// <summary>The page of reports received from below for the period owed, as that page's own links carry it.</summary>
    public Dictionary<string, string> ReceivedRoute()
    {
        var leader = View.Leader!;
        var route = SummaryPeriodQuery.RouteOf(Domain.Reports.ReportPeriod.Of(leader.ReportPeriod));
        route["unit"] = leader.UnitId.ToString(CultureInfo.InvariantCulture);
        return route;
    }

    /// <summary>A recommendation's text cut for a list line.</summary>
    public static string Cut(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
