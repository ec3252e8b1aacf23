using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>
/// A leader of the meeting's own unit approves its minutes (ADR 0019): the minutes downloaded from the portal were signed
/// on paper by the chair and their scan (PDF or an image, the meeting attachments' limits) is attached; the DOCX generated
/// at that moment is kept and served from then on (<see cref="ApproveMinutes"/>). 404 outside the scope, 403 for anyone
/// else; minutes that cannot be approved now say why.
/// </summary>
[RequestSizeLimit(RequestLimits.AttachmentPostCeilingBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimits.AttachmentPostBytes)]
[PostLimitMessage("Attachment.TooLarge", Attachment.MaxSizeBytes / 1024 / 1024)]
public sealed class MinutesApproveModel(MeetingPortalDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public int Id { get; private set; }
    public string Title { get; private set; } = string.Empty;

    /// <summary>Whether the record is published (only a published record's minutes are approved).</summary>
    public bool IsPublished { get; private set; }

    /// <summary>Whether the minutes were approved already.</summary>
    public bool IsApproved { get; private set; }

    /// <summary>The record's version the page was drawn from: the leader approves the minutes of that version.</summary>
    public int Version { get; private set; }

    /// <summary>What the last step did, shown on the meeting page after its redirect.</summary>
    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, int version, IFormFile? file, [FromServices] ApproveMinutes approve, CancellationToken cancellationToken)
    {
        var upload = file is null ? null : new UploadedFile(file.FileName, file.Length, file.OpenReadStream);
        return await this.AnswerAsync(await approve.ExecuteAsync(User, id, version, upload, cancellationToken), string.Empty,
            () =>
            {
                Status = localizer["Minutes.ApprovedDone"];
                return RedirectToPage("/Meetings/Details", new { id });
            },
            async () => await LoadAsync(id, cancellationToken) ?? Page());
    }

    /// <summary>Loads the meeting for the user: null when they may approve its minutes, else the answer (404, 403).</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.Meetings.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.Unit!.Path, m.Title, m.Status, m.Version, ApprovedAtUtc = (DateTime?)m.MinutesApproval!.ApprovedAtUtc })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var access = await authorization.CheckAsync(User, new MeetingResource(found.Path), MeetingOperations.ApproveMinutes);
        if (access != Access.Allowed)
        {
            return access == Access.NotFound ? NotFound() : Forbid();
        }

        Id = id;
        Title = found.Title;
        IsPublished = found.Status == MeetingStatus.Published;
        IsApproved = found.ApprovedAtUtc is not null;
        Version = found.Version;
        return null;
    }
}
