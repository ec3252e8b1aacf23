using MeetingPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MeetingPortal.Web.Pages.Admin;

/// <summary>The administration pages an Administrator may open, in one place.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => User.IsAdministrator() ? Page() : Forbid();
}
