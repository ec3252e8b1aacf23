using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Files;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>Files kept with a meeting: everyone in scope lists them, Recorders add and remove them.</summary>
[RequestSizeLimit(Attachment.MaxSizeBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = Attachment.MaxSizeBytes + (1024 * 1024))]
public sealed class AttachmentsModel(
    MeetingPortalDbContext db, AttachmentStore store, IAuthorizationService authorization,
    AuditTrail audit, IStringLocalizer<SharedResource> localizer) : PageModel
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
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!MayEdit)
        {
            return Forbid();
        }

        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", localizer["Attachment.NoFile"]);
            return Page();
        }

        if (file.Length > Attachment.MaxSizeBytes)
        {
            ModelState.AddModelError("file", localizer["Attachment.TooLarge", Attachment.MaxSizeBytes / 1024 / 1024]);
            return Page();
        }

        await using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        if (AttachmentStore.Detect(content) is not { } type)
        {
            ModelState.AddModelError("file", localizer["Attachment.WrongType"]);
            return Page();
        }

        var storedName = await store.SaveAsync(content, cancellationToken);
        try
        {
            var attachment = new Attachment(id, AttachmentStore.SanitizeFileName(file.FileName, type), type, content.Length, storedName);
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(nameof(Meeting), id, HistoryAction.AttachmentAdded, attachment.FileName);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // A file without its row would never be reachable; do not leave it behind.
            store.Delete(storedName);
            throw;
        }

        Status = localizer["Attachment.Added"];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int attachmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!MayEdit)
        {
            return Forbid();
        }

        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.MeetingId == id, cancellationToken);
        if (attachment is null)
        {
            return NotFound();
        }

        db.Attachments.Remove(attachment);
        audit.Record(nameof(Meeting), id, HistoryAction.AttachmentRemoved, attachment.FileName);
        await db.SaveChangesAsync(cancellationToken);
        store.Delete(attachment.StoredName);
        Status = localizer["Attachment.Removed"];
        return RedirectToPage(new { id });
    }

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
