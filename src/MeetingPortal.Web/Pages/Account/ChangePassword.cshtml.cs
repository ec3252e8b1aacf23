using FluentValidation;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Account;

/// <summary>A signed-in user replaces their password; required before anything else after an administrator set it.</summary>
public sealed class ChangePasswordModel(
    UserManager<ApplicationUser> userManager,
    ChangeOwnPassword changePassword,
    IValidator<ChangePasswordModel.InputModel> validator,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Required { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Required = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Required = user.MustChangePassword;
        (await validator.ValidateAsync(Input)).AddTo(ModelState, nameof(Input));
        if (ModelState.IsValid && Input.NewPassword == Input.CurrentPassword)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.NewPassword)}", localizer["ChangePassword.SameAsOld"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await changePassword.ChangeAsync(user, Input.CurrentPassword, Input.NewPassword, HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case PasswordChangeOutcome.Changed:
                Status = localizer["ChangePassword.Done"];
                return LocalRedirect("/Meetings");
            case PasswordChangeOutcome.SessionEnded:
                TempData[nameof(SignInModel.Notice)] = localizer["SignIn.Ended"].Value;
                return RedirectToPage("SignIn");
        }

        foreach (var error in result.Errors)
        {
            var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(InputModel.CurrentPassword) : nameof(InputModel.NewPassword);
            // Identity's messages are English; each code has its Vietnamese text in the resources.
            var message = localizer["Identity." + error.Code];
            ModelState.AddModelError($"{nameof(Input)}.{field}", message.ResourceNotFound ? localizer["Identity.DefaultError"] : message);
        }

        return Page();
    }

    public sealed class InputModel
    {
        public string CurrentPassword { get; set; } = string.Empty;
        public string NewPassword { get; set; } = string.Empty;
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer<SharedResource> localizer)
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().MaximumLength(256).WithName(_ => localizer["ChangePassword.Current"]);
            RuleFor(x => x.NewPassword).NotEmpty().MaximumLength(256).WithName(_ => localizer["ChangePassword.New"]);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(_ => localizer["ChangePassword.Mismatch"]);
        }
    }
}
