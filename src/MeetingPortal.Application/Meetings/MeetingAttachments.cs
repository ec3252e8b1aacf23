using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Files;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Meetings;

/// <summary>
/// Files kept with a meeting (the signed minutes, a scan of the report): a recorder adds one (PDF, Word or an
/// image, recognised by its content, at most <see cref="Attachment.MaxSizeBytes"/> bytes) or removes one. Both
/// authorize <see cref="AttachmentOperations.Manage"/> on the meeting first and are written to its history.
/// </summary>
public sealed class MeetingAttachments(
    MeetingPortalDbContext db, IAuthorizationService authorization, AttachmentStore store, AuditTrail audit, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The field a file's message goes beside.</summary>
    public const string FileField = "file";

    /// <summary>Adds <paramref name="file"/> to meeting <paramref name="meetingId"/>; the result's id is the attachment's.</summary>
    public async Task<UseCaseResult> AddAsync(ClaimsPrincipal user, int meetingId, UploadedFile? file, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(user, meetingId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (file is null || file.Length == 0)
        {
            return UseCaseResult.Invalid(FileField, localizer["Attachment.NoFile"]);
        }

        var (checkedUpload, error) = await Uploads.ReadAsync(file, localizer, cancellationToken);
        if (checkedUpload is null)
        {
            return UseCaseResult.Invalid(FileField, error!);
        }

        await using var upload = checkedUpload;
        var storedName = await store.SaveAsync(upload.Content, cancellationToken);
        try
        {
            var attachment = new Attachment(meetingId, upload.FileName, upload.Type, upload.Content.Length, storedName);
            db.Attachments.Add(attachment);
            audit.Record(nameof(Meeting), meetingId, HistoryAction.AttachmentAdded, attachment.FileName);
            await db.SaveChangesAsync(cancellationToken);
            return UseCaseResult.Done(attachment.Id);
        }
        catch
        {
            // A file without its row would never be reachable; do not leave it behind.
            store.Delete(storedName);
            throw;
        }
    }

    /// <summary>Removes attachment <paramref name="attachmentId"/> of meeting <paramref name="meetingId"/>, and its file.</summary>
    public async Task<UseCaseResult> RemoveAsync(ClaimsPrincipal user, int meetingId, int attachmentId, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(user, meetingId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.MeetingId == meetingId, cancellationToken);
        if (attachment is null)
        {
            return UseCaseResult.NotFound;
        }

        db.Attachments.Remove(attachment);
        audit.Record(nameof(Meeting), meetingId, HistoryAction.AttachmentRemoved, attachment.FileName);
        await db.SaveChangesAsync(cancellationToken);
        store.Delete(attachment.StoredName);
        return UseCaseResult.Done(attachmentId);
    }

    private async Task<UseCaseResult?> RefuseAsync(ClaimsPrincipal user, int meetingId, CancellationToken cancellationToken)
    {
        var path = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => m.Unit!.Path).SingleOrDefaultAsync(cancellationToken);
        if (path is null)
        {
            return UseCaseResult.NotFound;
        }

        var access = await authorization.CheckAsync(user, new AttachmentResource(path), AttachmentOperations.Manage);
        return access == Access.Allowed ? null : UseCaseResult.Refused(access);
    }
}
