using FluentValidation;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class SignInModel(
    SignInManager<ApplicationUser> signInManager,
    IValidator<SignInModel.InputModel> validator,
    IStringLocalizer<SharedResource> localizer,
    ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, nameof(Input));
            return Page();
        }

        var user = await signInManager.UserManager.FindByNameAsync(Input.UserName.Trim());
        // A deactivated account gets the same answer as a wrong password: existence is not revealed.
        if (user is null || !user.IsActive)
        {
            ModelState.AddModelError(string.Empty, localizer["SignIn.Failed"]);
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/Meetings");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserId} is locked out", user.Id);
            ModelState.AddModelError(string.Empty, localizer["SignIn.LockedOut"]);
        }
        else
        {
            ModelState.AddModelError(string.Empty, localizer["SignIn.Failed"]);
        }

        return Page();
    }

    public sealed class InputModel
    {
        public string UserName { get; set; } = string.Empty;
        public string Password { get; set; } = string.Empty;
        public bool RememberMe { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.UserName).NotEmpty().MaximumLength(256).WithName(_ => localizer["SignIn.UserName"]);
            RuleFor(x => x.Password).NotEmpty().MaximumLength(256).WithName(_ => localizer["SignIn.Password"]);
        }
    }
}
