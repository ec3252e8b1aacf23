using FluentValidation;
using MeetingPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class SignInModel(
    PasswordSignIn signIn,
    IValidator<SignInModel.InputModel> validator,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    /// <summary>Why the previous session ended, when it was not the user's choice (shown once).</summary>
    [TempData]
    public string? Notice { get; set; }

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

        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? string.Empty;
        var result = await signIn.SignInAsync(Input.UserName, Input.Password, Input.RememberMe, client, HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
            case SignInOutcome.Waiting:
                var seconds = (int)Math.Ceiling(result.Wait.TotalSeconds);
                Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                ModelState.AddModelError(string.Empty, localizer["SignIn.Wait", WaitText(seconds)]);
                return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
            default:
                ModelState.AddModelError(string.Empty, localizer["SignIn.Failed"]);
                return Page();
        }
    }

    private string WaitText(int seconds) => seconds < 120
        ? localizer["Wait.Seconds", seconds]
        : localizer["Wait.Minutes", (int)Math.Ceiling(seconds / 60.0)];

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
