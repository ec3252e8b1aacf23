using MeetingPortal.Domain.Meetings;

namespace MeetingPortal.Domain.Reports;

/// <summary>
/// Where an official report stands on its way to the level above (issue 15, deliver 4; ADR 0017): a leader of the
/// unit drafts its text, signs it (the signed scan attached), sends it, and a leader of the unit directly above
/// records that it was received. The order is fixed; <see cref="SummarySnapshot"/> holds the rules.
/// </summary>
public enum ReportStatus
{
    /// <summary>Frozen; its narrative, number and signer may still be typed (dự thảo).</summary>
    Draft = 1,

    /// <summary>Signed on paper, the scan attached; nothing in it changes any more (đã ký).</summary>
    // "Signed" is the domain's word (đã ký), not the name of a numeric type.
#pragma warning disable CA1720
    Signed = 2,
#pragma warning restore CA1720

    /// <summary>Sent to the unit directly above (đã gửi cấp trên).</summary>
    Sent = 3,

    /// <summary>A leader of the unit directly above recorded it as received (cấp trên đã nhận).</summary>
    Received = 4,
}

/// <summary>
/// What a leader types into a draft report, each part optional while it is a draft: the narrative (paragraphs
/// separated by line breaks), the document number and issuer code of "Số {Number}-BC/{IssuerCode}", the place and
/// date of the date line, and the signature block ("T/M {OnBehalfOf}", the signer's role and name, the recipients,
/// one a line). Lengths are in characters (<see cref="SummarySnapshot"/>'s constants); checked by the use case.
/// </summary>
public sealed record ReportDraft(
    string? Narrative = null,
    string? Number = null,
    string? IssuerCode = null,
    string? Place = null,
    DateOnly? IssuedOn = null,
    string? OnBehalfOf = null,
    string? SignerRole = null,
    string? SignerName = null,
    string? Recipients = null);

/// <summary>
/// The signed report's scan as stored: its display name (already made safe), what its content is, its size in
/// bytes, and its generated name in the attachment store (never derived from user input).
/// </summary>
public sealed record ReportScan(string FileName, AttachmentType Type, long SizeBytes, string StoredName)
{
    /// <summary>Whether a file of <paramref name="type"/> can be a signed scan: a PDF or an image, not a Word file (which carries no signature).</summary>
    public static bool IsScanType(AttachmentType type) => type is AttachmentType.Pdf or AttachmentType.Jpeg or AttachmentType.Png;
}
