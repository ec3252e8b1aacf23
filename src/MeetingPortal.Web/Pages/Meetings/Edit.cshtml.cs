using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>
/// Edits the whole record (use case <see cref="SaveMeeting"/>). A published record changes only with a stated
/// reason; when someone else saved in between, the user is shown what they changed and keeps everything typed.
/// </summary>
[RequestFormLimits(ValueCountLimit = RequestLimits.MeetingFormFields)]
public sealed class EditModel(
    MeetingPortalDbContext db, MeetingEditor editor, MeetingChoices choices, IStringLocalizer<SharedResource> localizer, IAuthorizationService authorization)
    : MeetingFormPage(db, choices, authorization, localizer)
{
    public int MeetingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var meeting = await MeetingEditor.LoadForEditAsync(Db, id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        var access = await Authorization.CheckAsync(User, new MeetingResource(meeting.Unit!.Path), MeetingOperations.Edit);
        if (access != Access.Allowed)
        {
            return this.RefusalFor(UseCaseResult.Refused(access))!;
        }

        MeetingId = id;
        IsPublished = meeting.Status == MeetingStatus.Published;
        Input = await editor.FormForAsync(meeting, cancellationToken);
        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    /// <summary>Checks one field as typed (ADR 0022): its message, or nothing; never saves. Out of scope 404, without the role 403.</summary>
    public async Task<IActionResult> OnPostCheckAsync(int id, string? field, [FromServices] SaveMeeting saveMeeting, CancellationToken cancellationToken) =>
        await RefusalAsync(id, cancellationToken) ?? await CheckFieldAsync(field, saveMeeting, cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, string? op, [FromServices] SaveMeeting saveMeeting, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (ApplyRowOperation(op))
        {
            await LoadOptionsAsync(cancellationToken);
            return FormAgain();
        }

        if (!ModelState.IsValid)
        {
            // A value that could not be read (a time "25:99", a number too large) is a message beside its field; the rest is checked too.
            return await ShowAgainAsync(UseCaseResult.Invalid(await saveMeeting.CheckAsync(Input, op == Publish, cancellationToken)), cancellationToken);
        }

        var saved = await saveMeeting.UpdateAsync(User, id, Input, op == Publish, cancellationToken);
        switch (saved.Result.Status)
        {
            case UseCaseStatus.Done:
                var published = op == Publish && !IsPublished;
                TempData["Status"] = (string)Localizer[published ? "Form.Published" : "Form.Saved"];
                return RedirectToPage("/Meetings/Details", new { id });
            default:
                return this.RefusalFor(saved.Result) ?? await ShowAgainAsync(saved, cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override int? EditedMeetingId => MeetingId > 0 ? MeetingId : null;

    /// <inheritdoc />
    protected override Task<IReadOnlyCollection<string>> OwnOrganisationNamesAsync(CancellationToken cancellationToken) =>
        MeetingId > 0 ? MeetingEditor.OrganisationNamesOfAsync(Db, MeetingId, cancellationToken) : Task.FromResult<IReadOnlyCollection<string>>([]);

    /// <summary>
    /// 404 when the record is missing or out of the user's scope, 403 without the role; otherwise null, with the record's
    /// id, status and response counts kept for the form.
    /// </summary>
    private async Task<IActionResult?> RefusalAsync(int id, CancellationToken cancellationToken)
    {
        // A small projection: the use case loads the whole record itself, once, when it saves.
        var current = await Db.Meetings.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.Unit!.Path, m.Status, Responses = m.Recommendations.Select(r => new { r.Id, Count = r.Responses.Count }).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        var access = await Authorization.CheckAsync(User, new MeetingResource(current.Path), MeetingOperations.Edit);
        if (access != Access.Allowed)
        {
            return this.RefusalFor(UseCaseResult.Refused(access))!;
        }

        MeetingId = id;
        IsPublished = current.Status == MeetingStatus.Published;
        KeepResponseCounts(current.Responses.ToDictionary(r => r.Id, r => r.Count));
        return null;
    }

    /// <summary>Response counts are facts of the database, not of the posted form.</summary>
    private void KeepResponseCounts(Dictionary<int, int> counts)
    {
        foreach (var row in Input.Speeches.SelectMany(s => s.Recommendations))
        {
            row.ResponseCount = row.Id is { } rid ? counts.GetValueOrDefault(rid) : 0;
        }
    }
}
