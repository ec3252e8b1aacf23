using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;

namespace MeetingPortal.Domain.Reports;

/// <summary>
/// A summary frozen as an official report (báo cáo chính thức) on a date: its figures are stored as they were, so the
/// report stays exactly the same when answers change later. Who has read it is recorded. A unit has one official
/// report per statutory period: freezing again makes the next numbered version, with a reason, and the earlier one
/// stays readable, marked as replaced (issue 15, deliver 3). It then goes draft → signed → sent → received
/// (<see cref="ReportStatus"/>, issue 15, deliver 4, ADR 0017): the rules of that way are the methods below.
/// </summary>
public class SummarySnapshot
{
    public const int TitleMaxLength = 300;

    /// <summary>The longest reason for a new version, in characters.</summary>
    public const int ReasonMaxLength = 1000;

    /// <summary>The longest narrative a leader types, in characters (about ten pages).</summary>
    public const int NarrativeMaxLength = 30000;

    /// <summary>The longest document number ("15"), in characters.</summary>
    public const int NumberMaxLength = 20;

    /// <summary>The longest issuer code ("Th.U", "ĐU"), in characters.</summary>
    public const int IssuerCodeMaxLength = 30;

    /// <summary>The longest place of the date line, in characters.</summary>
    public const int PlaceMaxLength = 100;

    /// <summary>The longest "T/M" body, signer's role and signer's name, in characters.</summary>
    public const int SignatureMaxLength = 200;

    /// <summary>The longest list of recipients ("Nơi nhận"), in characters.</summary>
    public const int RecipientsMaxLength = 2000;

    /// <summary>The longest user name recorded for a step.</summary>
    public const int UserNameMaxLength = 256;

    private readonly List<SnapshotReceipt> _receipts = [];

    private SummarySnapshot(int unitId, PeriodKind periodKind, int periodYear, int periodNumber, string title, string figures, DateOnly frozenOn, string? frozenBy, DateTime frozenAtUtc)
    {
        UnitId = unitId;
        PeriodKind = periodKind;
        PeriodYear = periodYear;
        PeriodNumber = periodNumber;
        Title = title;
        Figures = figures;
        FrozenOn = frozenOn;
        FrozenBy = frozenBy;
        FrozenAtUtc = frozenAtUtc;
    }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public PeriodKind PeriodKind { get; private set; }
    public int PeriodYear { get; private set; }
    public int PeriodNumber { get; private set; }
    public string Title { get; private set; }

    /// <summary>The figures as computed when frozen, serialised; never recomputed.</summary>
    public string Figures { get; private set; }

    public DateOnly FrozenOn { get; private set; }
    public string? FrozenBy { get; private set; }
    public DateTime FrozenAtUtc { get; private set; }

    /// <summary>1 for the first official report of the unit and period, then 2, 3… for each freeze again.</summary>
    public int Version { get; private set; } = 1;

    /// <summary>Why this version replaces the one before (required from version 2), as the leader wrote it.</summary>
    public string? Reason { get; private set; }

    /// <summary>When (UTC) a newer version replaced this one; null while it is the unit's report for the period.</summary>
    public DateTime? ReplacedAtUtc { get; private set; }

    /// <summary>Whether a newer version replaced this one.</summary>
    public bool IsReplaced => ReplacedAtUtc is not null;

    public IReadOnlyList<SnapshotReceipt> Receipts => _receipts;

    /// <summary>
    /// The overdue recommendations as of the freeze, serialised by the application in its own small format (ADR 0017);
    /// null for reports frozen before the list was kept. Never recomputed.
    /// </summary>
    public string? OverdueItems { get; private set; }

    /// <summary>Where the report stands: draft, signed, sent, received.</summary>
    public ReportStatus Status { get; private set; } = ReportStatus.Draft;

    /// <summary>
    /// Counts the changes made to this report after it was frozen (each step, each saved draft, being replaced): the
    /// version a page was drawn from, so that a step taken on a page someone changed meanwhile is refused.
    /// </summary>
    public int Revision { get; private set; }

    /// <summary>The leader's own text, paragraphs separated by line breaks; null when none was typed.</summary>
    public string? Narrative { get; private set; }

    /// <summary>The document's number ("15" in "Số 15-BC/Th.U"); null to be written by hand.</summary>
    public string? Number { get; private set; }

    /// <summary>The issuer's code after "-BC/" ("Th.U"); null to be written by hand.</summary>
    public string? IssuerCode { get; private set; }

    /// <summary>The place of the date line ("Kỳ Anh"); null for the unit's name.</summary>
    public string? Place { get; private set; }

    /// <summary>The document's date (Vietnam date); null to be written by hand.</summary>
    public DateOnly? IssuedOn { get; private set; }

    /// <summary>The body the signer signs for, after "T/M" ("Ban Thường vụ"); null for the issuing body.</summary>
    public string? OnBehalfOf { get; private set; }

    /// <summary>The signer's role ("Bí thư").</summary>
    public string? SignerRole { get; private set; }

    /// <summary>The signer's name, required to sign.</summary>
    public string? SignerName { get; private set; }

    /// <summary>"Nơi nhận": one recipient a line.</summary>
    public string? Recipients { get; private set; }

    /// <summary>Who last saved the draft's text, and when (UTC).</summary>
    public string? EditedBy { get; private set; }

    public DateTime? EditedAtUtc { get; private set; }

    /// <summary>Who signed (attached the signed scan), and when (UTC).</summary>
    public string? SignedBy { get; private set; }

    public DateTime? SignedAtUtc { get; private set; }

    /// <summary>Who sent it to the level above, and when (UTC).</summary>
    public string? SentBy { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    /// <summary>Which leader of the level above recorded it as received, and when (UTC).</summary>
    public string? ReceivedBy { get; private set; }

    public DateTime? ReceivedAtUtc { get; private set; }

    // The scan's columns; read through Scan.
    private string? ScanFileName { get; set; }
    private AttachmentType? ScanType { get; set; }
    private long? ScanSizeBytes { get; set; }
    private string? ScanStoredName { get; set; }

    /// <summary>The signed scan, once signed.</summary>
    public ReportScan? Scan => ScanStoredName is { } stored ? new ReportScan(ScanFileName!, ScanType!.Value, ScanSizeBytes!.Value, stored) : null;

    /// <summary>Whether the draft's text, number and signer may still change: a current draft.</summary>
    public bool IsEditable => Status == ReportStatus.Draft && !IsReplaced;

    /// <summary>Whether it may be signed now: a current draft (a signer's name is needed too).</summary>
    public bool MaySign => IsEditable;

    /// <summary>Whether it may be sent now: signed and still the unit's current report.</summary>
    public bool MaySend => Status == ReportStatus.Signed && !IsReplaced;

    /// <summary>Whether the level above may record it as received now: sent.</summary>
    public bool MayBeReceived => Status == ReportStatus.Sent;

    /// <summary>Whether it has gone to the level above (sent, or sent and received).</summary>
    public bool HasBeenSent => Status is ReportStatus.Sent or ReportStatus.Received;

    /// <summary>
    /// Keeps what a leader typed into the draft (blank parts become null; text is trimmed) as
    /// <paramref name="by"/> at <paramref name="atUtc"/>. Throws <see cref="DomainException"/> "report.not-draft" once
    /// signed, "report.replaced" for a replaced version, and "report.issued-before-frozen" for a document date before
    /// the day the figures were frozen (the report cannot be older than its figures).
    /// </summary>
    public void EditDraft(ReportDraft draft, string? by, DateTime atUtc)
    {
        EnsureCurrent();
        if (Status != ReportStatus.Draft)
        {
            throw new DomainException("report.not-draft", "Only a draft report's text, number and signer may change.");
        }

        if (draft.IssuedOn is { } issued && issued < FrozenOn)
        {
            throw new DomainException("report.issued-before-frozen", "A report cannot be dated before its figures were frozen.");
        }

        Narrative = Clean(draft.Narrative);
        Number = Clean(draft.Number);
        IssuerCode = Clean(draft.IssuerCode);
        Place = Clean(draft.Place);
        IssuedOn = draft.IssuedOn;
        OnBehalfOf = Clean(draft.OnBehalfOf);
        SignerRole = Clean(draft.SignerRole);
        SignerName = Clean(draft.SignerName);
        Recipients = Clean(draft.Recipients);
        EditedBy = by;
        EditedAtUtc = atUtc;
        Revision++;
    }

    /// <summary>
    /// The draft was signed on paper and <paramref name="scan"/> is its scan: the report becomes Signed, by
    /// <paramref name="by"/> at <paramref name="atUtc"/>, and its text no longer changes. Throws
    /// <see cref="DomainException"/> "report.not-draft" unless a draft, "report.replaced" for a replaced version,
    /// "report.signer-required" when no signer's name was typed, and "report.scan-type" for a scan that is not a PDF or an image.
    /// </summary>
    public void Sign(ReportScan scan, string? by, DateTime atUtc)
    {
        EnsureCurrent();
        if (Status != ReportStatus.Draft)
        {
            throw new DomainException("report.not-draft", "Only a draft report can be signed.");
        }

        if (SignerName is null)
        {
            throw new DomainException("report.signer-required", "A report is signed by a named signer.");
        }

        if (!ReportScan.IsScanType(scan.Type))
        {
            throw new DomainException("report.scan-type", "A signed scan is a PDF or an image.");
        }

        ScanFileName = scan.FileName;
        ScanType = scan.Type;
        ScanSizeBytes = scan.SizeBytes;
        ScanStoredName = scan.StoredName;
        Status = ReportStatus.Signed;
        SignedBy = by;
        SignedAtUtc = atUtc;
        Revision++;
    }

    /// <summary>
    /// Sends the signed report to the unit directly above, by <paramref name="by"/> at <paramref name="atUtc"/>;
    /// <paramref name="hasLevelAbove"/> says whether the unit has one. Throws <see cref="DomainException"/>
    /// "report.not-signed" unless signed (a draft is not sent, a sent one not twice), "report.replaced" for a replaced
    /// version (the level above would receive figures the unit no longer stands by) and "report.no-level-above" for the top unit.
    /// </summary>
    public void Send(bool hasLevelAbove, string? by, DateTime atUtc)
    {
        EnsureCurrent();
        if (Status != ReportStatus.Signed)
        {
            throw new DomainException("report.not-signed", "Only a signed report that was not sent yet can be sent.");
        }

        if (!hasLevelAbove)
        {
            throw new DomainException("report.no-level-above", "The top unit has no level above to send to.");
        }

        Status = ReportStatus.Sent;
        SentBy = by;
        SentAtUtc = atUtc;
        Revision++;
    }

    /// <summary>
    /// A leader of the level above records the sent report as received, by <paramref name="by"/> at
    /// <paramref name="atUtc"/>. A version replaced after it was sent may still be received: it did arrive. Throws
    /// <see cref="DomainException"/> "report.not-sent" unless sent and not yet received.
    /// </summary>
    public void MarkReceived(string? by, DateTime atUtc)
    {
        if (Status != ReportStatus.Sent)
        {
            throw new DomainException("report.not-sent", "Only a sent report can be received, and once.");
        }

        Status = ReportStatus.Received;
        ReceivedBy = by;
        ReceivedAtUtc = atUtc;
        Revision++;
    }

    private void EnsureCurrent()
    {
        if (IsReplaced)
        {
            throw new DomainException("report.replaced", "A replaced version of a report is kept as it is.");
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// The official report of unit <paramref name="unitId"/> for <paramref name="period"/>, frozen on
    /// <paramref name="frozenOn"/> (Vietnam date) at <paramref name="frozenAtUtc"/>. With no <paramref name="current"/>
    /// report it is version 1 and needs no reason; otherwise it is <paramref name="current"/>'s next version and
    /// <paramref name="current"/> is marked replaced. Throws <see cref="DomainException"/> "report.reason-required"
    /// when a report exists and <paramref name="reason"/> is blank, and "report.not-current" when
    /// <paramref name="current"/> is of another unit or period or already replaced. <paramref name="overdueItems"/> is
    /// the list of overdue recommendations as of the freeze, as the application serialises it (null when not kept).
    /// The new version starts as a <see cref="ReportStatus.Draft"/>, whatever <paramref name="current"/>'s status;
    /// <paramref name="current"/>'s <see cref="Revision"/> moves on, so a step taken on a page drawn before is refused.
    /// </summary>
    public static SummarySnapshot Freeze(
        SummarySnapshot? current, int unitId, ReviewPeriod period, string title, string figures, DateOnly frozenOn, string? frozenBy, DateTime frozenAtUtc, string? reason,
        string? overdueItems = null)
    {
        var snapshot = new SummarySnapshot(unitId, period.Kind, period.Year, period.Number, title, figures, frozenOn, frozenBy, frozenAtUtc) { OverdueItems = overdueItems };
        if (current is null)
        {
            return snapshot;
        }

        if (current.UnitId != unitId || current.Period != period || current.IsReplaced)
        {
            throw new DomainException("report.not-current", "Only the unit's current report for the same period can be replaced.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("report.reason-required", "A new version of an official report needs a reason.");
        }

        snapshot.Version = current.Version + 1;
        snapshot.Reason = reason.Trim();
        current.ReplacedAtUtc = frozenAtUtc;
        current.Revision++;
        return snapshot;
    }

    public ReviewPeriod Period => new(PeriodKind, PeriodYear, PeriodNumber);

    /// <summary>The first reading of each user is kept; later readings change nothing.</summary>
    public bool MarkRead(string userName, DateTime atUtc)
    {
        if (_receipts.Any(r => r.UserName == userName))
        {
            return false;
        }

        _receipts.Add(new SnapshotReceipt(userName, atUtc));
        return true;
    }
}

public class SnapshotReceipt
{
    internal SnapshotReceipt(string userName, DateTime readAtUtc)
    {
        UserName = userName;
        ReadAtUtc = readAtUtc;
    }

    public long Id { get; private set; }
    public int SnapshotId { get; private set; }
    public string UserName { get; private set; }
    public DateTime ReadAtUtc { get; private set; }
}
