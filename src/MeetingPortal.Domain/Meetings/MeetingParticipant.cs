using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.People;

namespace MeetingPortal.Domain.Meetings;

/// <summary>A person at a meeting, with the title they held that day.</summary>
public class MeetingParticipant
{
    public const int TitleMaxLength = 300;

    /// <summary>Longest reason of absence kept ("đi công tác", "ốm"...).</summary>
    public const int AbsenceReasonMaxLength = 300;

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

    /// <summary>Whether the person was there; <see cref="Attendance.NotStated"/> unless said.</summary>
    public Attendance Attendance { get; private set; }

    /// <summary>Why an absent person was absent, when the record gives it; null otherwise.</summary>
    public string? AbsenceReason { get; private set; }

    /// <summary>
    /// Records whether the person was present or absent and, for an absence, its reason (optional). Throws
    /// <see cref="DomainException"/> "participant.reason-not-absent" when a reason is given for anyone not absent.
    /// </summary>
    public void RecordAttendance(Attendance attendance, string? absenceReason)
    {
        if (absenceReason is not null && attendance != Attendance.Absent)
        {
            throw new DomainException("participant.reason-not-absent", "Only an absent participant has a reason of absence.");
        }

        Attendance = attendance;
        AbsenceReason = absenceReason;
    }
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
