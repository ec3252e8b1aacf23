using FluentValidation;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>A Recorder logs a meeting: saved as a draft at any time, or published when complete.</summary>
public sealed class CreateModel(
    MeetingPortalDbContext db, MeetingEditor editor, IValidator<MeetingForm> validator, IStringLocalizer<SharedResource> localizer, TimeProvider timeProvider)
    : MeetingFormPage(db, editor, validator, localizer)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!MayEdit)
        {
            return Forbid();
        }

        Input = new MeetingForm
        {
            UnitId = User.GetScope()?.UnitId,
            HeldOn = MeetingForm.Validator.VietnamToday(timeProvider),
            Speeches = [new MeetingForm.SpeechRow { Order = 1, Kind = SpeechKind.Report }],
        };
        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? op, CancellationToken cancellationToken)
    {
        if (!MayEdit)
        {
            return Forbid();
        }

        if (ApplyRowOperation(op) || !await ValidateAsync(op!, cancellationToken))
        {
            await LoadOptionsAsync(cancellationToken);
            return Page();
        }

        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var meeting = new Meeting(Input.UnitId!.Value, Input.Type, Input.Title!, Input.HeldOn!.Value);
        if (!await Editor.ApplyAsync(meeting, Input, ModelState, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            await LoadOptionsAsync(cancellationToken);
            return Page();
        }

        if (op == Publish)
        {
            meeting.Publish(timeProvider.GetUtcNow().UtcDateTime);
        }

        Db.Meetings.Add(meeting);
        await Db.SaveChangesAsync(cancellationToken);
        Db.History.Add(Editor.HistoryFor(meeting, HistoryAction.Created, null, Input, null));
        if (op == Publish)
        {
            Db.History.Add(Editor.HistoryFor(meeting, HistoryAction.Published, Input, Input, null));
        }

        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Status"] = (string)Localizer[op == Publish ? "Form.Published" : "Form.SavedDraft"];
        return RedirectToPage("/Meetings/Details", new { id = meeting.Id });
    }
}
