using MeetingPortal.Application.Administration;
using MeetingPortal.Application.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MeetingPortal.Web.Pages.Admin.Users;

/// <summary>
/// Creates an account (<see cref="ChangeAccounts.CreateAsync"/>) and shows its one-time password once to the
/// administrator, who hands it over; the user must choose their own at first sign-in.
/// </summary>
[Authorize(Policy = Policies.Administration)]
public sealed class CreateModel(ChangeAccounts changeAccounts, AccountChoices choices) : PageModel
{
    [BindProperty]
    public NewAccountInput Input { get; set; } = new();

    public AccountChoices Choices => choices;

    /// <summary>Shown once, on the answer to the post that created the account; never stored in plain text.</summary>
    public string? TemporaryPassword { get; private set; }

    public string? CreatedId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? unit, CancellationToken cancellationToken)
    {
        Input.Account.UnitId = unit;
        await choices.LoadAsync(User, Input.Account, cancellationToken);
        return Page();
    }

    /// <summary>Shows the answering bodies of the unit now chosen; nothing is checked or saved, nothing typed is lost.</summary>
    public async Task<IActionResult> OnPostBodiesAsync(CancellationToken cancellationToken)
    {
        Input.UserName = (Input.UserName ?? string.Empty).Trim();
        Input.Account.Normalise();
        ModelState.Clear();
        await choices.LoadAsync(User, Input.Account, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var created = await changeAccounts.CreateAsync(User, Input, cancellationToken);
        if (created.Result.Status == UseCaseStatus.Forbidden)
        {
            return Forbid();
        }

        created.Result.AddTo(ModelState, nameof(Input));
        TemporaryPassword = created.TemporaryPassword;
        CreatedId = created.AccountId;
        await choices.LoadAsync(User, Input.Account, cancellationToken);
        return Page();
    }
}
