using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>A Recorder logs a meeting: saved as a draft at any time, or published when complete (use case <see cref="SaveMeeting"/>).</summary>
[RequestFormLimits(ValueCountLimit = RequestLimits.MeetingFormFields)]
public sealed class CreateModel(
    MeetingPortalDbContext db, MeetingChoices choices, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer, CalendarService calendar)
    : MeetingFormPage(db, choices, authorization, localizer)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await MayWriteRecordsAsync())
        {
            return Forbid();
        }

        Input = new MeetingForm
        {
            UnitId = User.GetScope()?.UnitId,
            HeldOn = calendar.Today,
            Speeches = [new MeetingForm.SpeechRow { Order = 1, Kind = SpeechKind.Report }],
        };
        // A new meeting reports first on what its unit's earlier dialogues left unresolved (issue 18, deliver 6): every
        // line is offered chosen, and the recorder leaves out what the meeting did not report on.
        RedrawCarriedOver = true;
        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    /// <summary>Checks one field as typed (ADR 0022): its message, or nothing; never saves.</summary>
    public async Task<IActionResult> OnPostCheckAsync(string? field, [FromServices] SaveMeeting saveMeeting, CancellationToken cancellationToken) =>
        await MayWriteRecordsAsync() ? await CheckFieldAsync(field, saveMeeting, cancellationToken) : Forbid();

    public async Task<IActionResult> OnPostAsync(string? op, [FromServices] SaveMeeting saveMeeting, CancellationToken cancellationToken)
    {
        if (!await MayWriteRecordsAsync())
        {
            return Forbid();
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

        var publish = op == Publish;
        var saved = await saveMeeting.CreateAsync(User, Input, publish, cancellationToken);
        switch (saved.Result.Status)
        {
            case UseCaseStatus.Done:
                TempData["Status"] = (string)Localizer[publish ? "Form.Published" : "Form.SavedDraft"];
                return RedirectToPage("/Meetings/Details", new { id = saved.Result.Id });
            default:
                return this.RefusalFor(saved.Result) ?? await ShowAgainAsync(saved, cancellationToken);
        }
    }
}
