using System.IO.Compression;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Persistence;

namespace MeetingPortal.Infrastructure.Files;

/// <summary>
/// Keeps attachment files in &lt;data&gt;/attachments, outside the web root, under generated names.
/// What a file is comes from its first bytes; the name a user gave is only cleaned for display (<see cref="UploadName"/>).
/// </summary>
public sealed class AttachmentStore(StorageOptions storage)
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] PdfEnd = "%%EOF"u8.ToArray();
    private static readonly byte[] PngEnd = [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];
    private static readonly byte[] JpegEnd = [0xFF, 0xD9];

    public string Root => Path.Combine(storage.DataDirectory, "attachments");

    /// <summary>
    /// The type of the content, or null when it is none of PDF, JPEG, PNG or a Word document. A file must begin and end
    /// as its type does: the five bytes "%PDF-" alone, or a photo cut off in transfer, are not a signed scan (issue 16
    /// trial). The end is looked for in the last kilobyte, where PDF readers look for "%%EOF".
    /// </summary>
    public static AttachmentType? Detect(Stream content)
    {
        var header = new byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var span = header.AsSpan(0, read);
        if (span.StartsWith(Pdf))
        {
            return EndsWith(content, PdfEnd) ? AttachmentType.Pdf : null;
        }

        if (span.StartsWith(Png))
        {
            return EndsWith(content, PngEnd) ? AttachmentType.Png : null;
        }

        if (span.StartsWith(Jpeg))
        {
            return EndsWith(content, JpegEnd) ? AttachmentType.Jpeg : null;
        }

        return span.StartsWith(Zip) && IsWordDocument(content) ? AttachmentType.Docx : null;
    }

    /// <summary>Whether <paramref name="marker"/> occurs in the last kilobyte of the content (after the first bytes).</summary>
    private static bool EndsWith(Stream content, byte[] marker)
    {
        const int Window = 1024;
        try
        {
            var start = Math.Max(8, content.Length - Window);
            if (content.Length - start < marker.Length)
            {
                return false;
            }

            var tail = new byte[content.Length - start];
            content.Position = start;
            content.ReadExactly(tail);
            return tail.AsSpan().IndexOf(marker) >= 0;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>A DOCX is a zip; any zip is not a DOCX. It must hold the Word main part.</summary>
    private static bool IsWordDocument(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>
    /// The name shown and offered on download for a file the user called <paramref name="fileName"/>: the whole name
    /// made safe (<see cref="UploadName.WithExtension"/>; a slash no longer cuts it), with the extension of the
    /// detected type, at most <see cref="Attachment.FileNameMaxLength"/> characters. Never used as a path.
    /// </summary>
    public static string SanitizeFileName(string? fileName, AttachmentType type) =>
        UploadName.WithExtension(fileName, Extension(type), Attachment.FileNameMaxLength);

    public static string Extension(AttachmentType type) => type switch
    {
        AttachmentType.Pdf => ".pdf",
        AttachmentType.Jpeg => ".jpg",
        AttachmentType.Png => ".png",
        _ => ".docx",
    };

    public static string ContentType(AttachmentType type) => type switch
    {
        AttachmentType.Pdf => "application/pdf",
        AttachmentType.Jpeg => "image/jpeg",
        AttachmentType.Png => "image/png",
        _ => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    /// <summary>Writes the content under a new generated name and returns that name.</summary>
    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var storedName = Guid.NewGuid().ToString("N");
        content.Position = 0;
        await using var file = new FileStream(Path.Combine(Root, storedName), FileMode.CreateNew, FileAccess.Write);
        await content.CopyToAsync(file, cancellationToken);
        return storedName;
    }

    public Stream Open(string storedName) => new FileStream(PathOf(storedName), FileMode.Open, FileAccess.Read, FileShare.Read);

    public void Delete(string storedName)
    {
        var path = PathOf(storedName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string PathOf(string storedName)
    {
        // Stored names are ours (32 hex digits); anything else never reaches the file system.
        if (storedName.Length != 32 || !storedName.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a stored attachment name.", nameof(storedName));
        }

        return Path.Combine(Root, storedName);
    }
}
