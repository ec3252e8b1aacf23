using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.People;

namespace MeetingPortal.Domain.Meetings;

/// <summary>One speech in the order it was given. Reports often name only the organisation.</summary>
public class Speech
{
    public const int ContentMaxLength = 20_000;
    public const int SpeakerTitleMaxLength = 300;

    internal Speech(int order, SpeechKind kind, string content)
    {
        Order = order;
        Kind = kind;
        Content = content;
    }

    public int Id { get; private set; }
    public int MeetingId { get; private set; }
    public int Order { get; set; }
    public SpeechKind Kind { get; set; }

    public int? SpeakerId { get; set; }
    public Person? Speaker { get; private set; }
    public string? SpeakerTitle { get; set; }

    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; private set; }

    public string Content { get; set; }
}
