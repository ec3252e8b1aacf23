using System.ComponentModel.DataAnnotations;
using MeetingPortal.Application.Common;
using MeetingPortal.Application.People;
using MeetingPortal.Application.Plans;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Plans;

/// <summary>
/// One planned dialogue: where it stands, the meeting that held it, its history; the unit's Recorders and
/// Administrators link the meeting, take the link off, take the entry off the plan with a reason or put it back.
/// </summary>
public sealed class EntryModel(
    MeetingPortalDbContext db, IAuthorizationService authorization, PlanEntries planEntries, PlannedDialogueActions actions, PeopleNames peopleNames,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>How many of the unit's meetings the link form offers, newest first.</summary>
    public const int MeetingChoicesShown = 50;

    public PlanEntryView Item { get; private set; } = null!;
    public bool MayWrite { get; private set; }

    /// <summary>The unit's meetings held from the plan's year on and linked to no other entry, newest first.</summary>
    public IReadOnlyList<MeetingChoice> MeetingChoices { get; private set; } = [];
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];

    /// <summary>The held meeting chosen to link to the entry.</summary>
    [BindProperty]
    [Display(Name = "Plans.Meeting")]
    public int? MeetingId { get; set; }

    /// <summary>Why the entry is cancelled.</summary>
    [BindProperty]
    [Display(Name = "Plans.Reason")]
    public string? Reason { get; set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostLinkAsync(int id, int version, CancellationToken cancellationToken) =>
        ShowAsync(id, "Linked", () => actions.LinkMeetingAsync(User, id, version, MeetingId, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostUnlinkAsync(int id, int version, CancellationToken cancellationToken) =>
        ShowAsync(id, "Unlinked", () => actions.UnlinkMeetingAsync(User, id, version, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(int id, int version, CancellationToken cancellationToken) =>
        ShowAsync(id, "Cancelled", () => actions.CancelAsync(User, id, version, Reason, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(int id, int version, CancellationToken cancellationToken) =>
        ShowAsync(id, "Restored", () => actions.RestoreAsync(User, id, version, cancellationToken), cancellationToken);

    private async Task<IActionResult> ShowAsync(int id, string action, Func<Task<UseCaseResult>> useCase, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // A meeting id that is no number: said beside the choice, not as the binder's English.
            if (ModelState[nameof(MeetingId)] is { Errors.Count: > 0 })
            {
                ModelState.Remove(nameof(MeetingId));
                ModelState.AddModelError(nameof(MeetingId), localizer["Plans.MeetingRequired"]);
            }

            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        return await this.AnswerAsync(await useCase(), string.Empty,
            () =>
            {
                Status = localizer["Plans.Done." + action];
                return RedirectToPage(new { id });
            },
            async () => await LoadAsync(id, cancellationToken) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var item = (await planEntries.ReadAsync(db.PlannedDialogues.Where(p => p.Id == id), cancellationToken)).SingleOrDefault();
        if (item is null || !await authorization.MayAsync(User, new PlanResource(item.UnitPath), PlanOperations.Read))
        {
            return false;
        }

        Item = item;
        MayWrite = await authorization.MayAsync(User, new PlanResource(item.UnitPath), PlanOperations.Write);
        if (MayWrite && item.MeetingId is null && item.CancelledOn is null)
        {
            var from = new DateOnly(item.Period.Year, 1, 1);
            MeetingChoices = await db.Meetings.AsNoTracking()
                .Where(m => m.UnitId == item.UnitId && m.HeldOn >= from && !db.PlannedDialogues.Any(p => p.MeetingId == m.Id))
                .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).Take(MeetingChoicesShown)
                .Select(m => new MeetingChoice(m.Id, m.Title, m.HeldOn, m.Status == Domain.Meetings.MeetingStatus.Published))
                .ToListAsync(cancellationToken);
        }

        var history = await db.History.AsNoTracking().Where(h => h.EntityType == nameof(PlannedDialogue) && h.EntityId == id)
            .OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id)
            .Select(h => new { h.Action, h.UserName, h.AtUtc, h.Reason }).ToListAsync(cancellationToken);
        var people = await peopleNames.ForAsync(history.Select(h => h.UserName), cancellationToken);
        History = history.Select(h => new HistoryLine(h.Action, people.Of(h.UserName), h.AtUtc, h.Reason)).ToList();
        return true;
    }

    /// <summary>A meeting the entry may be linked to; a draft is offered but counts as held only once published.</summary>
    public sealed record MeetingChoice(int Id, string Title, DateOnly HeldOn, bool Published);

    /// <summary>One change of the entry: what, by whom (full name), when (UTC), and its wording.</summary>
    public sealed record HistoryLine(HistoryAction Action, string Person, DateTime AtUtc, string? Reason);
}
