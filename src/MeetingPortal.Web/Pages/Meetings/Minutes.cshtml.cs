using System.Globalization;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>Downloads the minutes (biên bản) of a meeting in scope as DOCX; always in Vietnamese, the language of the record.</summary>
public sealed class MinutesModel(MeetingPortalDbContext db, IAuthorizationService authorization, IStringLocalizerFactory localizers) : PageModel
{
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
            bytes = MinutesDocument.Create(meeting, localizers.Create(typeof(SharedResource)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
        }

        return File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"bien-ban-{meeting.HeldOn:yyyy-MM-dd}-{id.ToString(CultureInfo.InvariantCulture)}.docx");
    }
}
