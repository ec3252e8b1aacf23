using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MeetingPortal.Web.Pages.Admin;

/// <summary>The administration pages an Administrator may open, in one place.</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class IndexModel(IAuthorizationService authorization) : PageModel
{
    /// <summary>Whether the national settings (themes, due rules, calendar) are offered: the top unit's administrators.</summary>
    public bool KeepsNationalSettings { get; private set; }

    public async Task OnGetAsync() =>
        KeepsNationalSettings = await authorization.MayAsync(User, NationalSettings.Instance, AdministrationOperations.ManageNationalSettings);
}
