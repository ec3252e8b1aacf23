using System.Globalization;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Pages.Meetings;

/// <summary>
/// Writes a meeting's minutes (biên bản) as DOCX (<see cref="MinutesDocument"/>) from the record as the detail page reads
/// it and the facts of <see cref="MinutesFacts.Of"/>, always in Vietnamese, the language of the record. The one code path
/// of the DOCX: the download of minutes not approved yet and the copy kept at approval (<see cref="ApproveMinutes"/>,
/// ADR 0019) both come from here, so what is approved is exactly what was downloaded.
/// </summary>
public sealed class MinutesGenerator(MeetingPortalDbContext db, IStringLocalizerFactory localizers) : IMinutesDocuments
{
    /// <inheritdoc />
    public async Task<byte[]?> GenerateAsync(int meetingId, CancellationToken cancellationToken) =>
        await DetailsModel.LoadViewAsync(db, meetingId, cancellationToken) is { } meeting ? Create(meeting) : null;

    /// <summary>The DOCX of <paramref name="meeting"/>, loaded by <see cref="DetailsModel.LoadViewAsync"/>.</summary>
    public byte[] Create(DetailsModel.View meeting)
    {
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
            var localizer = localizers.Create(typeof(SharedResource));
            var superior = meeting.SuperiorUnitName is { } parent ? localizer["OfficialReport.SuperiorBody", parent].Value : null;
            return MinutesDocument.Create(new MinutesSheet(meeting, MinutesFacts.Of(meeting), superior), localizer);
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
