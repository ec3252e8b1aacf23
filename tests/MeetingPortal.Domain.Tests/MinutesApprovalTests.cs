using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Reports;

namespace MeetingPortal.Domain.Tests;

/// <summary>
/// Issue 16, deliver 2 (ADR 0019): the chair's side approves the minutes of a published meeting once, with a signed scan
/// that is a PDF or an image; the approval stays as it was when the record is corrected afterwards.
/// </summary>
public sealed class MinutesApprovalTests
{
    private static readonly DateTime At = new(2022, 3, 20, 3, 0, 0, DateTimeKind.Utc);
    private static readonly ReportScan Pdf = new("bien-ban-da-ky.pdf", AttachmentType.Pdf, 1200, new string('a', 32));
    private const string Docx = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    [Fact]
    public void A_published_meetings_minutes_are_approved_with_the_scan_and_the_stored_document()
    {
        var meeting = PublishedMeetings.On(new DateOnly(2022, 3, 16));
        Assert.True(meeting.MayApproveMinutes);

        meeting.ApproveMinutes(Pdf, Docx, 5400, new DateOnly(2022, 3, 20), "lanhdao.kyphuong", At);

        var approval = meeting.MinutesApproval!;
        Assert.Equal((new DateOnly(2022, 3, 20), "lanhdao.kyphuong", At), (approval.ApprovedOn, approval.ApprovedBy, approval.ApprovedAtUtc));
        Assert.Equal(Pdf, approval.Scan);
        Assert.Equal((Docx, 5400L), (approval.DocumentStoredName, approval.DocumentSizeBytes));
        Assert.False(meeting.MayApproveMinutes);
    }

    [Fact]
    public void A_draft_records_minutes_are_not_approved()
    {
        var draft = new Meeting(1, MeetingType.Dialogue, "Đối thoại quý I", new DateOnly(2022, 3, 16));
        Assert.False(draft.MayApproveMinutes);
        var refused = Assert.Throws<DomainException>(() => draft.ApproveMinutes(Pdf, Docx, 5400, new DateOnly(2022, 3, 20), "lanhdao.kyphuong", At));
        Assert.Equal("minutes.not-published", refused.Code);
        Assert.Null(draft.MinutesApproval);
    }

    [Fact]
    public void Minutes_are_approved_once_and_the_first_approval_is_kept()
    {
        var meeting = PublishedMeetings.On(new DateOnly(2022, 3, 16));
        meeting.ApproveMinutes(Pdf, Docx, 5400, new DateOnly(2022, 3, 20), "lanhdao.kyphuong", At);

        var again = Assert.Throws<DomainException>(() =>
            meeting.ApproveMinutes(Pdf with { StoredName = new string('c', 32) }, new string('d', 32), 6000, new DateOnly(2022, 4, 1), "lanhdao.kyanh", At.AddDays(12)));

        Assert.Equal("minutes.already-approved", again.Code);
        Assert.Equal((Docx, "lanhdao.kyphuong"), (meeting.MinutesApproval!.DocumentStoredName, meeting.MinutesApproval.ApprovedBy));
    }

    [Fact]
    public void A_Word_file_is_no_signed_scan()
    {
        var meeting = PublishedMeetings.On(new DateOnly(2022, 3, 16));
        var refused = Assert.Throws<DomainException>(() =>
            meeting.ApproveMinutes(Pdf with { Type = AttachmentType.Docx }, Docx, 5400, new DateOnly(2022, 3, 20), "lanhdao.kyphuong", At));
        Assert.Equal("minutes.scan-type", refused.Code);
        Assert.Null(meeting.MinutesApproval);
    }

    [Fact]
    public void The_record_may_still_be_corrected_after_approval_and_the_approval_stays_as_it_was()
    {
        var meeting = PublishedMeetings.On(new DateOnly(2022, 3, 16));
        meeting.ApproveMinutes(Pdf, Docx, 5400, new DateOnly(2022, 3, 20), "lanhdao.kyphuong", At);
        var approval = meeting.MinutesApproval;

        meeting.Conclusion = "Kết luận được sửa sau khi duyệt";
        meeting.SetEndTime(new TimeOnly(11, 30));
        meeting.AddSpeech(SpeechKind.Opinion, "Ý kiến bổ sung", null, null, null);

        Assert.Same(approval, meeting.MinutesApproval);
        Assert.Equal((Docx, 5400L), (meeting.MinutesApproval!.DocumentStoredName, meeting.MinutesApproval.DocumentSizeBytes));
    }
}
