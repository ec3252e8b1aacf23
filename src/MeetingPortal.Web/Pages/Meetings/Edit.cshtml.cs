using FluentValidation;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>
/// Edits the whole record. A published record changes only with a stated reason; when someone else
/// saved in between, the user is shown what they changed and keeps everything typed.
/// </summary>
public sealed class EditModel(
    MeetingPortalDbContext db, MeetingEditor editor, IValidator<MeetingForm> validator, IStringLocalizer<SharedResource> localizer,
    IAuthorizationService authorization, TimeProvider timeProvider)
    : MeetingFormPage(db, editor, validator, localizer)
{
    public int MeetingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var meeting = await MeetingEditor.LoadForEditAsync(Db, id, cancellationToken);
        if (await RefuseAsync(meeting) is { } refusal)
        {
            return refusal;
        }

        MeetingId = id;
        IsPublished = meeting!.Status == MeetingStatus.Published;
        Input = await Editor.FormForAsync(meeting, cancellationToken);
        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? op, CancellationToken cancellationToken)
    {
        var meeting = await MeetingEditor.LoadForEditAsync(Db, id, cancellationToken);
        if (await RefuseAsync(meeting) is { } refusal)
        {
            return refusal;
        }

        MeetingId = id;
        IsPublished = meeting!.Status == MeetingStatus.Published;
        KeepResponseCounts(meeting);
        if (ApplyRowOperation(op) || !await ValidateAsync(op!, cancellationToken))
        {
            await LoadOptionsAsync(cancellationToken);
            return Page();
        }

        if (IsPublished && string.IsNullOrWhiteSpace(Input.ChangeReason))
        {
            ModelState.AddModelError($"{MeetingEditor.FormPrefix}.{nameof(MeetingForm.ChangeReason)}", Localizer["Form.ReasonRequired"]);
            await LoadOptionsAsync(cancellationToken);
            return Page();
        }

        if (meeting.Version != Input.Version)
        {
            return await ConflictPageAsync(meeting, cancellationToken);
        }

        var before = await Editor.FormForAsync(meeting, cancellationToken);
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        if (!await Editor.ApplyAsync(meeting, Input, ModelState, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            await LoadOptionsAsync(cancellationToken);
            return Page();
        }

        var publishing = op == Publish && meeting.Status == MeetingStatus.Draft;
        if (publishing)
        {
            meeting.Publish(timeProvider.GetUtcNow().UtcDateTime);
        }

        // The meeting row is always written, so its version guards the whole record, children included.
        var entry = Db.Entry(meeting);
        entry.Property(m => m.Version).OriginalValue = Input.Version;
        entry.Property(m => m.ChangedAtUtc).IsModified = true;
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            Db.ChangeTracker.Clear();
            var current = await MeetingEditor.LoadForEditAsync(Db, id, cancellationToken);
            return await ConflictPageAsync(current!, cancellationToken);
        }

        var reason = IsPublished ? Input.ChangeReason : null;
        Db.History.Add(Editor.HistoryFor(meeting, HistoryAction.Updated, before, Input, reason));
        if (publishing)
        {
            Db.History.Add(Editor.HistoryFor(meeting, HistoryAction.Published, Input, Input, null));
        }

        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Status"] = (string)Localizer[publishing ? "Form.Published" : "Form.Saved"];
        return RedirectToPage("/Meetings/Details", new { id });
    }

    private async Task<IActionResult?> RefuseAsync(Meeting? meeting)
    {
        if (meeting is null || !(await authorization.AuthorizeAsync(User, new ScopedResource(meeting.Unit!.Path), Policies.InScope)).Succeeded)
        {
            return NotFound();
        }

        return MayEdit ? null : Forbid();
    }

    /// <summary>Response counts are facts of the database, not of the posted form.</summary>
    private void KeepResponseCounts(Meeting meeting)
    {
        var counts = meeting.Recommendations.ToDictionary(r => r.Id, r => r.Responses.Count);
        foreach (var row in Input.Speeches.SelectMany(s => s.Recommendations))
        {
            row.ResponseCount = row.Id is { } rid ? counts.GetValueOrDefault(rid) : 0;
        }
    }

    private async Task<IActionResult> ConflictPageAsync(Meeting current, CancellationToken cancellationToken)
    {
        await LoadConflictAsync(current.Id, Input.Version, cancellationToken);
        // Saving again now deliberately replaces the other user's version with this one.
        Input.Version = current.Version;
        ModelState.Remove($"{MeetingEditor.FormPrefix}.{nameof(MeetingForm.Version)}");
        IsPublished = current.Status == MeetingStatus.Published;
        await LoadOptionsAsync(cancellationToken);
        return Page();
    }
}
