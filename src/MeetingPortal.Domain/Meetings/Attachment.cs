using MeetingPortal.Domain.Common;

namespace MeetingPortal.Domain.Meetings;

public enum AttachmentType
{
    Pdf = 1,
    Jpeg = 2,
    Png = 3,
    Docx = 4,
}

/// <summary>A file kept with a meeting (minutes, photos, scans), stored outside the web root.</summary>
public class Attachment : Entity
{
    public const int FileNameMaxLength = 200;
    public const long MaxSizeBytes = 20 * 1024 * 1024;

    public Attachment(int meetingId, string fileName, AttachmentType type, long sizeBytes, string storedName)
    {
        MeetingId = meetingId;
        FileName = fileName;
        Type = type;
        SizeBytes = sizeBytes;
        StoredName = storedName;
    }

    public int MeetingId { get; private set; }

    /// <summary>Set when the file came with a response to a recommendation of this meeting.</summary>
    public int? ResponseId { get; private set; }

    public MeetingPortal.Domain.Recommendations.Response? Response { get; set; }

    /// <summary>The name shown and offered on download, already sanitised.</summary>
    public string FileName { get; private set; }

    /// <summary>What the content is, decided from its first bytes, not from the name.</summary>
    public AttachmentType Type { get; private set; }

    public long SizeBytes { get; private set; }

    /// <summary>The file's name in the attachment store: generated, never derived from user input.</summary>
    public string StoredName { get; private set; }
}
