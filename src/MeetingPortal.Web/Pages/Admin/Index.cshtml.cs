using MeetingPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MeetingPortal.Web.Pages.Admin;

/// <summary>The administration pages an Administrator may open, in one place.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel : PageModel
{
}
