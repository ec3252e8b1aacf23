using MeetingPortal.Application.Common;
using MeetingPortal.Application.Raising;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Raising;

/// <summary>
/// The raising side sends a recommendation for a planned dialogue (<c>?entry=</c>), or changes one it sent and the host
/// has not taken up (<c>/{id}</c>) (issue 18, deliver 2; ADR 0026). A dialogue the body may not send to, or another
/// body's recommendation, answers 404; refused input comes back beside its field with what was typed. A change posted after
/// the dialogue was held or taken off the plan goes back to the list with the reason, nothing changed. One the host has
/// taken up (on the agenda or raised) is shown read-only with the list's words for where it stands and why it is closed.
/// A change refused because someone else saved in between keeps what was typed, shows the stored text beside it and moves
/// to the stored version, so saving again deliberately replaces it (as the meeting form does).
/// </summary>
[Authorize(Policy = Policies.RaisingSide)]
public sealed class SendModel(GatheredForBody query, SendGatheredRecommendation send, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public GatheredInput Input { get; set; } = new();

    public SendChoices Choices { get; private set; } = null!;

    /// <summary>The recommendation being changed; null when sending a new one.</summary>
    public int? Id { get; private set; }

    /// <summary>The stored recommendation when changing one: read-only when the host has taken it up (<see cref="SentForEdit.MayChange"/> false).</summary>
    public SentForEdit? Stored { get; private set; }

    /// <summary>After a refused stale save: the version someone else saved in between, shown beside what was typed.</summary>
    public SentForEdit? Conflict { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id, int? entry, CancellationToken cancellationToken)
    {
        if (id is { } existing)
        {
            if (await query.ForEditAsync(User, existing, cancellationToken) is not { } found)
            {
                return NotFound();
            }

            Input = found.Input;
            entry = found.EntryId;
            Stored = found;
            if (!found.MayChange)
            {
                Id = id;
                return Page();
            }
        }
        else
        {
            Input.PlannedDialogueId = entry;
        }

        return await LoadAsync(id, entry, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        var entry = Input.PlannedDialogueId;
        if (id is { } existing)
        {
            // The dialogue of a recommendation being changed is the stored one, whatever the form says.
            if (await query.ForEditAsync(User, existing, cancellationToken) is not { } found)
            {
                return NotFound();
            }

            entry = Input.PlannedDialogueId = found.EntryId;
            Stored = found;
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, entry, cancellationToken) ? Page() : NotFound();
        }

        var result = id is { } changed
            ? await send.ChangeAsync(User, changed, Input, cancellationToken)
            : await send.SendAsync(User, Input, cancellationToken);
        if (result.Status == UseCaseStatus.Stale && id is { } stale)
        {
            return await ShowStaleAsync(stale, entry, cancellationToken);
        }

        return await this.AnswerAsync(result, nameof(Input),
            () =>
            {
                Status = localizer[id is null ? "Gathered.Sent" : "Gathered.Changed"];
                return RedirectToPage("/Raising/Gathered");
            },
            async () => await LoadAsync(id, entry, cancellationToken) ? Page() : Closed(id));
    }

    // Someone else saved in between: what was typed stays, the stored version is shown beside it, and the form now carries
    // the stored version, so the next save deliberately replaces it instead of being refused the same way again. Taken up
    // meanwhile, it is shown read-only with the reason instead.
    private async Task<IActionResult> ShowStaleAsync(int id, int? entry, CancellationToken cancellationToken)
    {
        if (await query.ForEditAsync(User, id, cancellationToken) is not { } current)
        {
            return NotFound();
        }

        Stored = current;
        Id = id;
        if (!current.MayChange)
        {
            return Page();
        }

        Conflict = current;
        Input.Version = current.Input.Version;
        ModelState.Remove($"{nameof(Input)}.{nameof(GatheredInput.Version)}");
        ModelState.AddModelError(string.Empty, localizer["Gathered.StaleKept"]);
        return await LoadAsync(id, entry, cancellationToken) ? Page() : NotFound();
    }

    // A change refused because its dialogue no longer takes recommendations (held or taken off the plan since the form
    // was opened) has no form to come back to: the list says why, and shows where the recommendation stands now.
    private IActionResult Closed(int? id)
    {
        if (id is null || ModelState.Values.SelectMany(v => v.Errors).FirstOrDefault() is not { } error)
        {
            return NotFound();
        }

        Status = error.ErrorMessage;
        return RedirectToPage("/Raising/Gathered");
    }

    private async Task<bool> LoadAsync(int? id, int? entry, CancellationToken cancellationToken)
    {
        Id = id;
        if (entry is not { } entryId || await query.ChoicesAsync(User, entryId, cancellationToken) is not { } choices)
        {
            return false;
        }

        Choices = choices;
        return true;
    }
}
