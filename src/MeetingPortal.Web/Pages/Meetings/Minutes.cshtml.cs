using System.Globalization;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>
/// Downloads the minutes (biên bản) of a meeting in scope as DOCX (<see cref="MinutesDocument"/>), written from the record
/// and the facts of <see cref="MinutesFacts.Of"/>; always in Vietnamese, the language of the record. Out of scope: 404.
/// </summary>
public sealed class MinutesModel(MeetingPortalDbContext db, IAuthorizationService authorization, IStringLocalizerFactory localizers) : PageModel
{
    /// <summary>The DOCX of meeting <paramref name="id"/>, named "bien-ban-yyyy-MM-dd-id.docx".</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var meeting = await DetailsModel.LoadViewAsync(db, id, cancellationToken);
        if (meeting is null || !await authorization.MayAsync(User, new MeetingResource(meeting.UnitPath), MeetingOperations.Read))
        {
            return NotFound();
        }

        var uiCulture = CultureInfo.CurrentUICulture;
        byte[] bytes;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
            var localizer = localizers.Create(typeof(SharedResource));
            var superior = meeting.SuperiorUnitName is { } parent ? localizer["OfficialReport.SuperiorBody", parent].Value : null;
            bytes = MinutesDocument.Create(new MinutesSheet(meeting, MinutesFacts.Of(meeting), superior), localizer);
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
        }

        return File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"bien-ban-{meeting.HeldOn:yyyy-MM-dd}-{id.ToString(CultureInfo.InvariantCulture)}.docx");
    }
}
