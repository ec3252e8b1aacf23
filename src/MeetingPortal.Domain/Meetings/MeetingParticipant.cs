using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.People;

namespace MeetingPortal.Domain.Meetings;

/// <summary>A person at a meeting, with the title they held that day.</summary>
public class MeetingParticipant
{
    public const int TitleMaxLength = 300;

    internal MeetingParticipant(int personId, ParticipantRole role, string? title, int? organisationId, int order)
    {
        PersonId = personId;
        Role = role;
        Title = title;
        OrganisationId = organisationId;
        Order = order;
    }

    public int Id { get; private set; }
    public int MeetingId { get; private set; }

    public int PersonId { get; set; }
    public Person? Person { get; private set; }

    public ParticipantRole Role { get; set; }
    public string? Title { get; set; }

    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; private set; }

    public int Order { get; set; }
}

/// <summary>An organisation taking part in a meeting.</summary>
public class MeetingOrganisation
{
    internal MeetingOrganisation(int organisationId)
    {
        OrganisationId = organisationId;
    }

    public int MeetingId { get; private set; }
    public int OrganisationId { get; private set; }
    public Organisation? Organisation { get; private set; }
}
