using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace MeetingPortal.Web.Security;

/// <summary>
/// Closes every page of the committees' records to the raising side (ADR 0026): a page outside the few a Raiser uses
/// gets the <see cref="Policies.CommitteeRecords"/> policy, so a Raiser is answered 403 there whatever it shows, and a
/// page added later is closed to them without anyone remembering to.
/// </summary>
public sealed class RaiserPages : IPageApplicationModelConvention
{
    // The raising side's own pages, the account's, the bell, and what any visitor may open. The public results pages
    // (/Public/Results/{id}, ADR 0025 section 5) live in the folder /Published/: "Public" is a keyword of other languages.
    private static readonly string[] OpenFolders = ["/Raising/", "/Account/", "/Public/", "/Published/"];
    private static readonly string[] OpenPages = ["/Index", "/Notifications/Index", "/Culture", "/Error", "/Status"];

    /// <summary>Whether a Raiser may open the page at <paramref name="viewEnginePath"/> (e.g. "/Meetings/Index").</summary>
    public static bool Open(string viewEnginePath) =>
        OpenPages.Contains(viewEnginePath, StringComparer.OrdinalIgnoreCase)
        || OpenFolders.Any(folder => viewEnginePath.StartsWith(folder, StringComparison.OrdinalIgnoreCase));

    public void Apply(PageApplicationModel model)
    {
        if (!Open(model.ViewEnginePath))
        {
            model.EndpointMetadata.Add(new AuthorizeAttribute(Policies.CommitteeRecords));
        }
    }
}
