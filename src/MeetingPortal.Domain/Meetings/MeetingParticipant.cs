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

/// <summary>
/// A group of bodies or people named among those taking part in a meeting (<see cref="Meeting.ParticipantGroups"/>), with
/// the record's own wording when it differs from the group's name.
/// </summary>
public class MeetingParticipantGroup
{
    internal MeetingParticipantGroup(BodyGroup group, string? wording, int order)
    {
        BodyGroup = group;
        BodyGroupId = group.Id;
        Wording = wording;
        Order = order;
    }

    private MeetingParticipantGroup()
    {
    }

    public int MeetingId { get; private set; }
    public int BodyGroupId { get; private set; }
    public BodyGroup? BodyGroup { get; private set; }

    /// <summary>How the record words the group here ("lãnh đạo MT, TCCT - XH trong tỉnh"); null when it uses the group's name.</summary>
    public string? Wording { get; internal set; }

    /// <summary>Place among the meeting's participant groups, from 1.</summary>
    public int Order { get; internal set; }
}
