using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MeetingPortal.Web.Pages;

/// <summary>
/// Friendly page for 4xx answers; the status code itself is kept. The status code pages run it again with the
/// original method, so a refused post arrives here as a post whose body may be unreadable (too large): the page
/// binds nothing and takes its code from the route, never from the form (it used to show "Mã lỗi 0").
/// </summary>
[AllowAnonymous]
[RendersWithoutDatabase]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    /// <summary>The HTTP status code being explained (404, 413...).</summary>
    public int Code { get; private set; }

    /// <summary>For 413: which limit the post went past, when the form reader said so.</summary>
    public RequestLimitExceeded? Limit { get; private set; }

    public void OnGet() => Read();

    public void OnPost() => Read();

    private void Read()
    {
        Code = int.TryParse(RouteData.Values["code"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : Response.StatusCode;
        Limit = HttpContext.Features.Get<RequestLimitExceeded>();
    }
}
