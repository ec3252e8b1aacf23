using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Domain.Units;

namespace MeetingPortal.Domain.Tests;

/// <summary>
/// Issue 15, deliver 4: an official report goes draft → signed → sent → received, in that order only; its text, number
/// and signer change only while a draft; a replaced version is neither edited, signed nor sent; each step records who
/// and when (ADR 0017).
/// </summary>
public sealed class OfficialReportLifecycleTests
{
    private static readonly DateTime At = new(2023, 1, 5, 2, 0, 0, DateTimeKind.Utc);
    private static readonly ReviewPeriod Year2022 = new(PeriodKind.Year, 2022, 1);
    private static readonly ReportScan Pdf = new("bao-cao-da-ky.pdf", AttachmentType.Pdf, 1234, new string('a', 32));

    private static SummarySnapshot Draft(SummarySnapshot? current = null, string? reason = null) =>
        SummarySnapshot.Freeze(current, 7, Year2022, "Tổng hợp Thị xã Kỳ Anh — Năm 2022", "{}", new DateOnly(2023, 1, 3), "lanhdao.kyanh", At, reason);

    private static SummarySnapshot Signed()
    {
        var report = Draft();
        report.EditDraft(new ReportDraft(SignerName: "Nguyễn Văn A", SignerRole: "Bí thư"), "lanhdao.kyanh", At);
        report.Sign(Pdf, "lanhdao.kyanh", At.AddHours(1));
        return report;
    }

    private static SummarySnapshot Sent()
    {
        var report = Signed();
        report.Send(hasLevelAbove: true, "lanhdao.kyanh", At.AddHours(2));
        return report;
    }

    private static SummarySnapshot Received()
    {
        var report = Sent();
        report.MarkReceived("lanhdao.hatinh", At.AddHours(3));
        return report;
    }

    private static void Refused(string code, Action act) => Assert.Equal(code, Assert.Throws<DomainException>(act).Code);

    [Fact]
    public void A_frozen_report_starts_as_a_draft_whose_text_number_and_signer_are_kept_trimmed()
    {
        var report = Draft();
        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.True(report.IsEditable);

        report.EditDraft(new ReportDraft("  Đoạn một.\nĐoạn hai.  ", " 15 ", "Th.U", "  ", new DateOnly(2023, 1, 5), "Ban Thường vụ", "Bí thư", "Nguyễn Văn A", "- Tỉnh ủy"), "lanhdao.kyanh", At);

        Assert.Equal("Đoạn một.\nĐoạn hai.", report.Narrative);
        Assert.Equal("15", report.Number);
        Assert.Equal("Th.U", report.IssuerCode);
        Assert.Null(report.Place);
        Assert.Equal(new DateOnly(2023, 1, 5), report.IssuedOn);
        Assert.Equal("Nguyễn Văn A", report.SignerName);
        Assert.Equal(("lanhdao.kyanh", At), (report.EditedBy, report.EditedAtUtc!.Value));
        Assert.Equal(1, report.Revision);
    }

    [Fact]
    public void A_draft_cannot_be_dated_before_its_figures_were_frozen()
    {
        var report = Draft();
        Refused("report.issued-before-frozen", () => report.EditDraft(new ReportDraft(IssuedOn: new DateOnly(2023, 1, 2)), "x", At));
        report.EditDraft(new ReportDraft(IssuedOn: new DateOnly(2023, 1, 3)), "x", At);
        Assert.Equal(new DateOnly(2023, 1, 3), report.IssuedOn);
    }

    [Fact]
    public void Signing_needs_a_signer_and_a_PDF_or_an_image_and_records_who_and_when()
    {
        var report = Draft();
        Refused("report.signer-required", () => report.Sign(Pdf, "lanhdao.kyanh", At));

        report.EditDraft(new ReportDraft(SignerName: "Nguyễn Văn A"), "lanhdao.kyanh", At);
        Refused("report.scan-type", () => report.Sign(Pdf with { Type = AttachmentType.Docx }, "lanhdao.kyanh", At));
        Assert.Equal(ReportStatus.Draft, report.Status);

        report.Sign(Pdf with { Type = AttachmentType.Png }, "lanhdao.kyanh", At.AddHours(1));
        Assert.Equal(ReportStatus.Signed, report.Status);
        Assert.Equal(("lanhdao.kyanh", At.AddHours(1)), (report.SignedBy, report.SignedAtUtc!.Value));
        Assert.Equal(Pdf with { Type = AttachmentType.Png }, report.Scan);
        Assert.False(report.IsEditable);
    }

    [Fact]
    public void Sending_follows_signing_only_and_records_who_and_when()
    {
        Refused("report.not-signed", () => Draft().Send(true, "x", At));
        var report = Signed();
        report.Send(hasLevelAbove: true, "lanhdao.kyanh", At.AddHours(2));
        Assert.Equal(ReportStatus.Sent, report.Status);
        Assert.Equal(("lanhdao.kyanh", At.AddHours(2)), (report.SentBy, report.SentAtUtc!.Value));
        Refused("report.not-signed", () => report.Send(true, "x", At));
        Refused("report.not-signed", () => Received().Send(true, "x", At));
    }

    [Fact]
    public void The_top_unit_has_no_level_above_to_send_to()
    {
        var report = Signed();
        Refused("report.no-level-above", () => report.Send(hasLevelAbove: false, "x", At));
        Assert.Equal(ReportStatus.Signed, report.Status);
    }

    [Fact]
    public void Receiving_follows_sending_only_once_and_records_who_and_when()
    {
        Refused("report.not-sent", () => Draft().MarkReceived("x", At));
        Refused("report.not-sent", () => Signed().MarkReceived("x", At));
        var report = Sent();
        report.MarkReceived("lanhdao.hatinh", At.AddHours(3));
        Assert.Equal(ReportStatus.Received, report.Status);
        Assert.Equal(("lanhdao.hatinh", At.AddHours(3)), (report.ReceivedBy, report.ReceivedAtUtc!.Value));
        Refused("report.not-sent", () => report.MarkReceived("x", At));
    }

    [Fact]
    public void Text_number_and_signer_change_only_while_a_draft()
    {
        var edit = new ReportDraft("Khác", "16", SignerName: "Người khác");
        foreach (var report in new[] { Signed(), Sent(), Received() })
        {
            Refused("report.not-draft", () => report.EditDraft(edit, "x", At));
            Refused("report.not-draft", () => report.Sign(Pdf, "x", At));
            Assert.Equal("Nguyễn Văn A", report.SignerName);
            Assert.False(report.IsEditable);
        }
    }

    [Fact]
    public void A_replaced_version_is_neither_edited_nor_signed_nor_sent_but_a_sent_one_may_still_be_received()
    {
        var draft = Draft();
        Draft(draft, "Sửa số liệu");
        Assert.True(draft.IsReplaced);
        Assert.Equal(1, draft.Revision);
        Refused("report.replaced", () => draft.EditDraft(new ReportDraft(SignerName: "A"), "x", At));
        Refused("report.replaced", () => draft.Sign(Pdf, "x", At));

        var signed = Signed();
        Draft(signed, "Sửa số liệu");
        Refused("report.replaced", () => signed.Send(true, "x", At));
        Assert.False(signed.MaySend);

        var sent = Sent();
        Draft(sent, "Sửa số liệu");
        Assert.True(sent.MayBeReceived);
        sent.MarkReceived("lanhdao.hatinh", At);
        Assert.Equal(ReportStatus.Received, sent.Status);
    }

    [Fact]
    public void A_new_version_starts_as_a_draft_whatever_the_version_it_replaces()
    {
        var next = Draft(Received(), "Bổ sung");
        Assert.Equal(ReportStatus.Draft, next.Status);
        Assert.Equal(2, next.Version);
        Assert.Null(next.Scan);
    }

    [Fact]
    public void Each_step_moves_the_revision_on()
    {
        var report = Draft();
        var revisions = new List<int> { report.Revision };
        report.EditDraft(new ReportDraft(SignerName: "A"), "x", At);
        revisions.Add(report.Revision);
        report.Sign(Pdf, "x", At);
        revisions.Add(report.Revision);
        report.Send(true, "x", At);
        revisions.Add(report.Revision);
        report.MarkReceived("y", At);
        revisions.Add(report.Revision);
        Assert.Equal([0, 1, 2, 3, 4], revisions);
    }

    [Theory]
    [InlineData("/1/2/7/", "/1/2/")]
    [InlineData("/1/2/", "/1/")]
    [InlineData("/1/", null)]
    [InlineData("", null)]
    public void The_level_above_is_the_parent_path(string path, string? parent) => Assert.Equal(parent, Unit.ParentPathOf(path));
}
