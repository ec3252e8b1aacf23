using MeetingPortal.Application.Raising;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Raising;

/// <summary>
/// What the Raiser's body sent before dialogues and where each stands (sent, on the agenda, raised, not raised), with
/// the dialogues it may send to now (issue 18, deliver 2; ADR 0026). One not yet taken up may be withdrawn here.
/// </summary>
[Authorize(Policy = Policies.RaisingSide)]
public sealed class GatheredModel(GatheredForBody query, SendGatheredRecommendation send, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public SentList? List { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => List = await query.ListAsync(User, cancellationToken);

    /// <summary>Withdraws one the host has not taken up, as of the version shown.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(int id, int version, CancellationToken cancellationToken) =>
        await this.AnswerAsync(await send.WithdrawAsync(User, id, version, cancellationToken), string.Empty,
            () =>
            {
                Status = localizer["Gathered.Withdrawn"];
                return RedirectToPage();
            },
            async () =>
            {
                List = await query.ListAsync(User, cancellationToken);
                return Page();
            });
}
