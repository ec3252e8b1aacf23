using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Files;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Reports;

/// <summary>
/// A leader of the report's unit signs it (<see cref="ReportOperations.Sign"/>; <see cref="SummarySnapshot.Sign"/>):
/// the report printed from the portal was signed on paper, and its scan (a PDF or an image of at most
/// <see cref="Domain.Meetings.Attachment.MaxSizeBytes"/> bytes, recognised by its content, as meetings' attachments
/// are) is attached and kept in the attachment store under a generated name. Refused unless a current draft with a
/// signer's name; a refused or failed signing leaves no file behind.
/// </summary>
public sealed class SignReport(ReportChange change, AttachmentStore store, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The field a file's message goes beside.</summary>
    public const string FileField = "file";

    /// <summary>Signs report <paramref name="id"/> (drawn at <paramref name="revision"/>) with <paramref name="file"/> as its scan.</summary>
    public async Task<UseCaseResult> ExecuteAsync(ClaimsPrincipal user, int id, int revision, UploadedFile? file, CancellationToken cancellationToken)
    {
        string? storedName = null;
        try
        {
            var result = await change.RunAsync(user, id, revision, ReportOperations.Sign, async context =>
            {
                if (file is null || file.Length == 0)
                {
                    return [new UseCaseError(FileField, localizer["OfficialReport.NoScan"])];
                }

                var (checkedUpload, error) = await Uploads.ReadAsync(file, localizer, cancellationToken, "Domain.report.scan-type");
                if (checkedUpload is null)
                {
                    return [new UseCaseError(FileField, error!)];
                }

                await using var upload = checkedUpload;
                if (!ReportScan.IsScanType(upload.Type))
                {
                    return [new UseCaseError(FileField, localizer["Domain.report.scan-type"])];
                }

                storedName = await store.SaveAsync(upload.Content, cancellationToken);
                context.Report.Sign(new ReportScan(upload.FileName, upload.Type, upload.Content.Length, storedName), context.By, context.AtUtc);
                return [];
            }, cancellationToken);
            if (!result.Succeeded && storedName is not null)
            {
                store.Delete(storedName);
            }

            return result;
        }
        catch
        {
            // A file without its report would never be reachable; do not leave it behind.
            if (storedName is not null)
            {
                store.Delete(storedName);
            }

            throw;
        }
    }
}
