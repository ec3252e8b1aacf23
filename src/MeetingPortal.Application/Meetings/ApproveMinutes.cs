using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Files;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Meetings;

/// <summary>
/// The minutes (biên bản) of a meeting as the portal writes them from its record: the one code path that makes the
/// DOCX, for the download of minutes not yet approved and for the copy kept at approval (ADR 0019).
/// </summary>
public interface IMinutesDocuments
{
    /// <summary>The DOCX of meeting <paramref name="meetingId"/> generated from the record as it stands now; null when there is no such meeting.</summary>
    Task<byte[]?> GenerateAsync(int meetingId, CancellationToken cancellationToken);
}

/// <summary>
/// A leader of the meeting's own unit approves its minutes (issue 16 deliver 2, ADR 0019;
/// <see cref="MeetingOperations.ApproveMinutes"/>, <see cref="Meeting.ApproveMinutes"/>): the minutes printed from the
/// portal were signed on paper and the scan (a PDF or an image of at most <see cref="Attachment.MaxSizeBytes"/> bytes,
/// recognised by its content, checked as the official report's scan is) becomes the official copy; the DOCX generated
/// now is kept beside it and served from then on. Load, authorize (404 out of scope, 403 without the right), refuse a
/// page drawn before the record last changed (the leader approves what they read), call the domain, save once with its
/// history entry. A refused or failed approval leaves no file behind and no row changed.
/// </summary>
public sealed class ApproveMinutes(
    MeetingPortalDbContext db, IAuthorizationService authorization, AttachmentStore store, IMinutesDocuments minutes, AuditTrail audit,
    ICurrentUser currentUser, TimeProvider timeProvider, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The field a file's message goes beside.</summary>
    public const string FileField = "file";

    /// <summary>
    /// Approves the minutes of meeting <paramref name="meetingId"/>, whose page was drawn at record version
    /// <paramref name="seenVersion"/>, with <paramref name="file"/> as the signed scan. The result's id is the meeting's.
    /// </summary>
    public async Task<UseCaseResult> ExecuteAsync(ClaimsPrincipal user, int meetingId, int seenVersion, UploadedFile? file, CancellationToken cancellationToken)
    {
        var path = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => m.Unit!.Path).SingleOrDefaultAsync(cancellationToken);
        if (path is null)
        {
            return UseCaseResult.NotFound;
        }

        var access = await authorization.CheckAsync(user, new MeetingResource(path), MeetingOperations.ApproveMinutes);
        if (access != Access.Allowed)
        {
            return UseCaseResult.Refused(access);
        }

        var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting.Version != seenVersion)
        {
            return UseCaseResult.Stale(localizer["Minutes.Stale"]);
        }

        if (file is null || file.Length == 0)
        {
            return UseCaseResult.Invalid(FileField, localizer["Minutes.NoScan"]);
        }

        var (checkedUpload, error) = await Uploads.ReadAsync(file, localizer, cancellationToken, "Domain.minutes.scan-type");
        if (checkedUpload is null)
        {
            return UseCaseResult.Invalid(FileField, error!);
        }

        await using var upload = checkedUpload;
        if (!ReportScan.IsScanType(upload.Type))
        {
            return UseCaseResult.Invalid(FileField, localizer["Domain.minutes.scan-type"]);
        }

        // Checked before any file is written: a draft or approved minutes need no DOCX generated for nothing.
        if (!meeting.MayApproveMinutes)
        {
            return UseCaseResult.Invalid(string.Empty, localizer[meeting.MinutesApproval is null ? "Domain.minutes.not-published" : "Domain.minutes.already-approved"]);
        }

        var document = await minutes.GenerateAsync(meetingId, cancellationToken) ?? throw new InvalidOperationException($"Meeting {meetingId} has no minutes.");
        var stored = new List<string>();
        try
        {
            var scanName = await store.SaveAsync(upload.Content, cancellationToken);
            stored.Add(scanName);
            await using var documentContent = new MemoryStream(document, writable: false);
            var documentName = await store.SaveAsync(documentContent, cancellationToken);
            stored.Add(documentName);

            var now = timeProvider.GetUtcNow();
            meeting.ApproveMinutes(
                new ReportScan(upload.FileName, upload.Type, upload.Content.Length, scanName), documentName, document.LongLength,
                VietnamTime.DateAt(now), currentUser.UserName, now.UtcDateTime);
            audit.Record(nameof(Meeting), meetingId, HistoryAction.MinutesApproved, upload.FileName);
            await db.SaveChangesAsync(cancellationToken);
            return UseCaseResult.Done(meetingId);
        }
        catch (DomainException ex)
        {
            Forget(stored);
            return UseCaseResult.Invalid(string.Empty, localizer.For(ex));
        }
        catch (DbUpdateException)
        {
            // Another approval of the same minutes saved first (two tabs, a double click) is refused by the key, which allows one.
            Forget(stored);
            if (!await ApprovedMeanwhileAsync(meetingId))
            {
                throw;
            }

            return UseCaseResult.Invalid(string.Empty, localizer["Domain.minutes.already-approved"]);
        }
        catch
        {
            // Files without their approval would never be reachable; do not leave them behind.
            Forget(stored);
            throw;
        }
    }

    private void Forget(List<string> stored)
    {
        db.ChangeTracker.Clear();
        foreach (var name in stored)
        {
            store.Delete(name);
        }
    }

    private async Task<bool> ApprovedMeanwhileAsync(int meetingId) => await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => (DateTime?)m.MinutesApproval!.ApprovedAtUtc).SingleOrDefaultAsync() is not null;
}
