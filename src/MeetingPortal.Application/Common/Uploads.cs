using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Files;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.Common;

/// <summary>A file sent with a form: its name as the user's computer gave it, its length in bytes, and its content.</summary>
public sealed record UploadedFile(string FileName, long Length, Func<Stream> OpenReadStream);

/// <summary>A sent file read into memory and recognised from its first bytes (PDF, Word, image), ready to be stored.</summary>
internal sealed record CheckedUpload(MemoryStream Content, AttachmentType Type, string FileName) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>The checks every attached file passes, wherever it is attached (a meeting's files, a reply's letter).</summary>
internal static class Uploads
{
    /// <summary>
    /// Reads <paramref name="file"/> when it is within <see cref="Attachment.MaxSizeBytes"/> and of a kind
    /// <see cref="AttachmentStore.Detect"/> knows; otherwise the message to show beside the file field.
    /// </summary>
    /// <remarks><paramref name="wrongTypeKey"/> names the message for content of no known kind: the field's own list of kinds (a signed scan takes fewer than an attachment).</remarks>
    public static async Task<(CheckedUpload? Upload, string? Error)> ReadAsync(UploadedFile file, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken, string wrongTypeKey = "Attachment.WrongType")
    {
        if (file.Length > Attachment.MaxSizeBytes)
        {
            return (null, localizer["Attachment.TooLarge", Attachment.MaxSizeBytes / 1024 / 1024]);
        }

        var content = new MemoryStream();
        await using (var upload = file.OpenReadStream())
        {
            await upload.CopyToAsync(content, cancellationToken);
        }

        if (AttachmentStore.Detect(content) is not { } type)
        {
            await content.DisposeAsync();
            return (null, localizer[wrongTypeKey]);
        }

        return (new CheckedUpload(content, type, AttachmentStore.SanitizeFileName(file.FileName, type)), null);
    }
}
