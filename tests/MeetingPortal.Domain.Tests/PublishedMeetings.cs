using MeetingPortal.Domain.Meetings;

namespace MeetingPortal.Domain.Tests;

/// <summary>Meetings as follow-up finds them: published (a host and a speech), so their recommendations are followed up.</summary>
internal static class PublishedMeetings
{
    public static Meeting On(DateOnly heldOn)
    {
        var meeting = new Meeting(1, MeetingType.Dialogue, "Đối thoại", heldOn) { HostOrganisationId = 1 };
        meeting.AddSpeech(SpeechKind.Opinion, "Ý kiến của đại biểu", null, null, null);
        meeting.Publish(new DateTime(heldOn, new TimeOnly(10, 0), DateTimeKind.Utc));
        return meeting;
    }
}
