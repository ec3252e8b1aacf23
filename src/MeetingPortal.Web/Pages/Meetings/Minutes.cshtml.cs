using System.Globalization;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Files;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>
/// Downloads the minutes (biên bản) of a meeting in scope as DOCX. Until they are approved they are written from the
/// record as it stands (<see cref="MinutesGenerator"/>); once approved (ADR 0019) the DOCX kept at approval is served byte
/// for byte and never written again, whatever was corrected or renamed since. Out of scope: 404.
/// </summary>
public sealed class MinutesModel(MeetingPortalDbContext db, IAuthorizationService authorization, MinutesGenerator generator, AttachmentStore store) : PageModel
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The DOCX of meeting <paramref name="id"/>, named "bien-ban-yyyy-MM-dd-id.docx".</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var meeting = await DetailsModel.LoadViewAsync(db, id, cancellationToken);
        if (meeting is null || !await authorization.MayAsync(User, new MeetingResource(meeting.UnitPath), MeetingOperations.Read))
        {
            return NotFound();
        }

        var name = $"bien-ban-{meeting.HeldOn:yyyy-MM-dd}-{id.ToString(CultureInfo.InvariantCulture)}.docx";
        return meeting.MinutesApproval is { } approval
            ? File(store.Open(approval.DocumentStoredName), DocxType, name)
            : File(generator.Create(meeting), DocxType, name);
    }

    /// <summary>The scan of the signed minutes, the official copy (always as a download); 404 before approval.</summary>
    public async Task<IActionResult> OnGetScanAsync(int id, CancellationToken cancellationToken)
    {
        // The approval's columns read through a left join: null before approval.
        var found = await db.Meetings.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.Unit!.Path, m.MinutesApproval!.ScanStoredName, ScanType = (AttachmentType?)m.MinutesApproval.ScanType, m.MinutesApproval.ScanFileName })
            .SingleOrDefaultAsync(cancellationToken);
        if (found?.ScanStoredName is not { } stored || !await authorization.MayAsync(User, new MeetingResource(found.Path), MeetingOperations.Read))
        {
            return NotFound();
        }

        ReportFiles.NameDownload(Response, found.ScanFileName);
        return File(store.Open(stored), AttachmentStore.ContentType(found.ScanType!.Value));
    }
}
