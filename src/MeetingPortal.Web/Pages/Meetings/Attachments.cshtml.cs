using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>Files kept with a meeting: everyone in scope lists them, Recorders add and remove them.</summary>
[RequestSizeLimit(RequestLimits.AttachmentPostCeilingBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimits.AttachmentPostBytes)]
[PostLimitMessage("Attachment.TooLarge", Attachment.MaxSizeBytes / 1024 / 1024)]
public sealed class AttachmentsModel(
    MeetingPortalDbContext db, MeetingAttachments attachments, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public int MeetingId { get; private set; }
    public string MeetingTitle { get; private set; } = string.Empty;
    public IReadOnlyList<Row> Files { get; private set; } = [];
    public bool MayEdit { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        var upload = file is null ? null : new UploadedFile(file.FileName, file.Length, file.OpenReadStream);
        return await ShowAsync(id, await attachments.AddAsync(User, id, upload, cancellationToken), "Attachment.Added", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int attachmentId, CancellationToken cancellationToken) =>
        await ShowAsync(id, await attachments.RemoveAsync(User, id, attachmentId, cancellationToken), "Attachment.Removed", cancellationToken);

    private Task<IActionResult> ShowAsync(int id, UseCaseResult result, string done, CancellationToken cancellationToken) =>
        this.AnswerAsync(result, string.Empty,
            () =>
            {
                Status = localizer[done];
                return RedirectToPage(new { id });
            },
            async () => await LoadAsync(id, cancellationToken) ? Page() : NotFound());

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.Title, m.Unit!.Path }).SingleOrDefaultAsync(cancellationToken);
        if (meeting is null || !await authorization.MayAsync(User, new AttachmentResource(meeting.Path), AttachmentOperations.Read))
        {
            return false;
        }

        MeetingId = id;
        MeetingTitle = meeting.Title;
        MayEdit = await authorization.MayAsync(User, new AttachmentResource(meeting.Path), AttachmentOperations.Manage);
        Files = await ListAsync(db, id, cancellationToken);
        return true;
    }

    public static Task<List<Row>> ListAsync(MeetingPortalDbContext db, int meetingId, CancellationToken cancellationToken) =>
        db.Attachments.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.Id)
            .Select(a => new Row(a.Id, a.FileName, a.Type, a.SizeBytes, a.CreatedBy, a.CreatedAtUtc))
            .ToListAsync(cancellationToken);

    public sealed record Row(int Id, string FileName, AttachmentType Type, long SizeBytes, string? AddedBy, DateTime AddedAtUtc);
}
