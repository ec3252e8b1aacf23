using System.Globalization;
using MeetingPortal.Application.Home;
using MeetingPortal.Web.Pages.Reports;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MeetingPortal.Web.Pages;

/// <summary>
/// The home after sign-in (issue 17, deliver 1): the part of each of the user's roles, as <see cref="HomeQuery"/>
/// reads it; each count links to the list that counts the same, and only actions the user may take are offered.
/// </summary>
public sealed class IndexModel(HomeQuery home) : PageModel
{
    /// <summary>What the home shows.</summary>
    public HomeView View { get; private set; } = new(null, null, null, null, false);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await home.ForAsync(User, period => SummaryPeriodQuery.RouteOf(period), cancellationToken);

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
