using MeetingPortal.Application.Common;
using MeetingPortal.Application.Reports;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Reports;

/// <summary>
/// A leader of the report's unit signs it: the report printed from the portal was signed on paper and its scan (PDF or
/// an image, the meeting attachments' limits) is attached (<see cref="SignReport"/>). 404 outside the scope, 403 for
/// anyone else; a report that cannot be signed now says why.
/// </summary>
[RequestSizeLimit(RequestLimits.AttachmentPostCeilingBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimits.AttachmentPostBytes)]
[PostLimitMessage("Attachment.TooLarge", Attachment.MaxSizeBytes / 1024 / 1024)]
public sealed class SnapshotSignModel(MeetingPortalDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public int Id { get; private set; }
    public string Title { get; private set; } = string.Empty;

    /// <summary>Whether the report is still a current draft.</summary>
    public bool MaySign { get; private set; }

    /// <summary>The signer's name typed into the draft; signing needs one.</summary>
    public string? SignerName { get; private set; }

    public string? SignerRole { get; private set; }

    /// <summary>The revision the page was drawn from.</summary>
    public int Revision { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, int revision, IFormFile? file, [FromServices] SignReport sign, CancellationToken cancellationToken)
    {
        var upload = file is null ? null : new UploadedFile(file.FileName, file.Length, file.OpenReadStream);
        return await this.AnswerAsync(await sign.ExecuteAsync(User, id, revision, upload, cancellationToken), string.Empty,
            () =>
            {
                StatusMessage = localizer["OfficialReport.SignedDone"];
                return RedirectToPage("/Reports/Snapshot", new { id });
            },
            async () => await LoadAsync(id, cancellationToken) ?? Page());
    }

    /// <summary>Loads the report for the user: null when they may sign it, else the answer (404, 403).</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.Snapshots.AsNoTracking().Where(s => s.Id == id)
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { Report = s, u.Path }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var access = await authorization.CheckAsync(User, new ReportResource(found.Path), ReportOperations.Sign);
        if (access != Access.Allowed)
        {
            return access == Access.NotFound ? NotFound() : Forbid();
        }

        Id = id;
        Title = found.Report.Title;
        MaySign = found.Report.MaySign;
        SignerName = found.Report.SignerName;
        SignerRole = found.Report.SignerRole;
        Revision = found.Report.Revision;
        return null;
    }
}
