using MeetingPortal.Domain.Reports;

namespace MeetingPortal.Domain.Meetings;

/// <summary>
/// The approval of a meeting's minutes (biên bản, issue 16 deliver 2, ADR 0019): a leader of the meeting's own unit,
/// the chair's side, approved them with the paper copy signed by the chair scanned as the official copy, and the DOCX
/// as generated at that moment was kept beside it. From then on that DOCX is the minutes: it is served byte for byte and
/// never generated again, so a later correction of the record, a renamed unit or a reorganised tree changes nothing in
/// what was approved. Written once by <see cref="Meeting.ApproveMinutes"/>; nothing in it changes afterwards.
/// </summary>
public sealed class MinutesApproval
{
    /// <summary>The longest user name recorded for the approver.</summary>
    public const int UserNameMaxLength = 256;

    private MinutesApproval()
    {
        ScanFileName = string.Empty;
        ScanStoredName = string.Empty;
        DocumentStoredName = string.Empty;
    }

    internal MinutesApproval(ReportScan scan, string documentStoredName, long documentSizeBytes, DateOnly approvedOn, string? approvedBy, DateTime approvedAtUtc)
    {
        ScanFileName = scan.FileName;
        ScanType = scan.Type;
        ScanSizeBytes = scan.SizeBytes;
        ScanStoredName = scan.StoredName;
        DocumentStoredName = documentStoredName;
        DocumentSizeBytes = documentSizeBytes;
        ApprovedOn = approvedOn;
        ApprovedBy = approvedBy;
        ApprovedAtUtc = approvedAtUtc;
    }

    /// <summary>The Vietnam date of the approval, as the meeting page states it.</summary>
    public DateOnly ApprovedOn { get; private set; }

    /// <summary>The user name of the leader who approved.</summary>
    public string? ApprovedBy { get; private set; }

    /// <summary>When the approval was recorded (UTC): history entries after it are corrections made after approval.</summary>
    public DateTime ApprovedAtUtc { get; private set; }

    /// <summary>The signed scan's display name (already made safe).</summary>
    public string ScanFileName { get; private set; }

    /// <summary>What the signed scan is: a PDF or an image, recognised from its content.</summary>
    public AttachmentType ScanType { get; private set; }

    /// <summary>The signed scan's size in bytes.</summary>
    public long ScanSizeBytes { get; private set; }

    /// <summary>The signed scan's generated name in the attachment store.</summary>
    public string ScanStoredName { get; private set; }

    /// <summary>The generated name, in the attachment store, of the DOCX as generated at approval: the minutes served from then on.</summary>
    public string DocumentStoredName { get; private set; }

    /// <summary>The stored DOCX's size in bytes.</summary>
    public long DocumentSizeBytes { get; private set; }

    /// <summary>The signed scan as stored.</summary>
    public ReportScan Scan => new(ScanFileName, ScanType, ScanSizeBytes, ScanStoredName);
}
