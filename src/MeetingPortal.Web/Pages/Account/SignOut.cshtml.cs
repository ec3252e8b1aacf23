using MeetingPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MeetingPortal.Web.Pages.Account;

/// <summary>Sign-out is a POST (a link could be followed by a crawler or a forged page); GET confirms.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<ApplicationUser> signInManager) : PageModel
{
    public bool SignedOut { get; private set; }

    public void OnGet(bool done) => SignedOut = done || User.Identity?.IsAuthenticated != true;

    public async Task<IActionResult> OnPostAsync()
    {
        await signInManager.SignOutAsync();
        return RedirectToPage(new { done = true });
    }
}
