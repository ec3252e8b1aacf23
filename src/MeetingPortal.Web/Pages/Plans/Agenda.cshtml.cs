using System.ComponentModel.DataAnnotations;
using MeetingPortal.Application.Common;
using MeetingPortal.Application.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Plans;

/// <summary>
/// The agenda of a planned dialogue (issue 18, deliver 2; ADR 0026): what the raising bodies sent for it and the
/// unresolved matters carried over from the unit's earlier dialogues. The host's office puts what was sent on the
/// agenda or off it and, once the meeting is linked, records one as raised at the meeting without typing it again.
/// </summary>
public sealed class AgendaModel(DialogueAgenda agenda, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public AgendaView View { get; private set; } = null!;

    /// <summary>The speech of the meeting the item being raised was raised in.</summary>
    [BindProperty]
    [Display(Name = "Agenda.Speech")]
    public int? SpeechId { get; set; }

    /// <summary>The recommendation already in the meeting's record the item is linked to.</summary>
    [BindProperty]
    [Display(Name = "Agenda.Recorded")]
    public int? RecommendationId { get; set; }

    /// <summary>The item whose action was refused, so its message shows beside it.</summary>
    public int? FailedId { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken);

    public Task<IActionResult> OnPostAgendaAsync(int id, int item, int version, bool on, CancellationToken cancellationToken) =>
        RunAsync(id, item, on ? "OnAgenda" : "OffAgenda", () => agenda.PutOnAgendaAsync(User, item, version, on, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRaiseAsync(int id, int item, int version, CancellationToken cancellationToken) =>
        RunAsync(id, item, "Raised", () => agenda.RaiseAsync(User, item, version, SpeechId, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostLinkAsync(int id, int item, int version, CancellationToken cancellationToken) =>
        RunAsync(id, item, "Raised", () => agenda.LinkRaisedAsync(User, item, version, RecommendationId, cancellationToken), cancellationToken);

    private async Task<IActionResult> RunAsync(int id, int item, string done, Func<Task<UseCaseResult>> action, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // A choice that is no number: said beside it, in words.
            var speechBad = ModelState[nameof(SpeechId)] is { Errors.Count: > 0 };
            ModelState.Clear();
            ModelState.AddModelError(speechBad ? nameof(SpeechId) : nameof(RecommendationId), localizer[speechBad ? "Gathered.ChooseSpeech" : "Gathered.ChooseRecommendation"]);
            FailedId = item;
            return await ShowAsync(id, cancellationToken);
        }

        return await this.AnswerAsync(await action(), string.Empty,
            () =>
            {
                Status = localizer["Gathered.Done." + done];
                return RedirectToPage(new { id });
            },
            async () =>
            {
                FailedId = item;
                return await ShowAsync(id, cancellationToken);
            });
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var (access, view) = await agenda.LoadAsync(User, id, cancellationToken);
        if (access == Access.NotFound || view is null)
        {
            return access == Access.Forbidden ? Forbid() : NotFound();
        }

        View = view;
        return Page();
    }
}
