using MeetingPortal.Infrastructure.Files;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>Downloads one attachment, only for users whose scope covers the meeting's unit.</summary>
public sealed class AttachmentFileModel(MeetingPortalDbContext db, AttachmentStore store, IAuthorizationService authorization) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.MeetingId == id)
            .Join(db.Meetings, a => a.MeetingId, m => m.Id, (a, m) => new { a.FileName, a.Type, a.StoredName, m.Unit!.Path })
            .SingleOrDefaultAsync(cancellationToken);
        if (attachment is null || !await authorization.MayAsync(User, new AttachmentResource(attachment.Path), AttachmentOperations.Read))
        {
            return NotFound();
        }

        // Always a download, never rendered inline: the browser must not interpret an upload.
        ReportFiles.NameDownload(Response, attachment.FileName);
        return File(store.Open(attachment.StoredName), AttachmentStore.ContentType(attachment.Type));
    }
}
