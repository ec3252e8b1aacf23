namespace MeetingPortal.Domain.Meetings;

public enum MeetingType
{
    /// <summary>Hội nghị đối thoại.</summary>
    Dialogue = 1,

    /// <summary>Hội nghị giao ban.</summary>
    PeriodicBriefing = 2,

    /// <summary>Buổi làm việc.</summary>
    WorkingSession = 3,
}

/// <summary>
/// How a meeting was held (hình thức). <see cref="NotStated"/> is a value of its own, and the default: a
/// record whose source does not say how the meeting was held reads "Không nêu", never "Trực tiếp" (issue 16, deliver 5).
/// </summary>
public enum MeetingFormat
{
    /// <summary>The source does not say (không nêu); shown as such on pages, minutes and exports.</summary>
    NotStated = 0,

    /// <summary>Trực tiếp.</summary>
    InPerson = 1,

    /// <summary>Trực tuyến ("kết nối trực tuyến đến 15 phường, xã").</summary>
    Online = 2,

    /// <summary>Trực tiếp kết hợp trực tuyến.</summary>
    Hybrid = 3,
}

public enum MeetingStatus
{
    Draft = 1,
    Published = 2,
}

/// <summary>Reports often give only "sáng" or "chiều", not a clock time.</summary>
public enum DayPart
{
    Morning = 1,
    Afternoon = 2,
    Evening = 3,
}

public enum ParticipantRole
{
    /// <summary>Chủ trì.</summary>
    Chair = 1,

    /// <summary>Đồng chủ trì.</summary>
    CoChair = 2,

    /// <summary>Dự và chỉ đạo.</summary>
    DirectingGuest = 3,

    /// <summary>Tham dự.</summary>
    Attendee = 4,

    /// <summary>Thư ký: keeps the record of the meeting and signs the biên bản beside the chair.</summary>
    Secretary = 5,
}

/// <summary>
/// Whether a person invited to a meeting was there (issue 16: the attendance a biên bản states). Not stated unless
/// the source or the recorder says; a news report that lists who "tham dự" states them present.
/// </summary>
public enum Attendance
{
    /// <summary>The source does not say (không nêu).</summary>
    NotStated = 0,

    /// <summary>Có mặt.</summary>
    Present = 1,

    /// <summary>Vắng mặt, with the reason when one is given (<see cref="MeetingParticipant.AbsenceReason"/>).</summary>
    Absent = 2,
}

public enum SpeechKind
{
    Report = 1,
    Opinion = 2,
    Recommendation = 3,
    Answer = 4,
    Direction = 5,
    Conclusion = 6,
}

/// <summary>
/// Which part of the host committee convened the meeting (issue 16, deliver 4): reports write "Thường trực Thành ủy tổ
/// chức đối thoại", the standing members of the committee (Bí thư and Phó Bí thư), not the whole committee. The host
/// stays the committee itself (<see cref="Meeting.HostOrganisationId"/>), so its documents are issued under its name.
/// </summary>
public enum HostBoard
{
    /// <summary>The host body as named, no board of it stated.</summary>
    Body = 0,

    /// <summary>Thường trực (cấp ủy): the committee's standing members.</summary>
    Standing = 1,

    /// <summary>Ban Thường vụ (cấp ủy): the committee's standing board.</summary>
    StandingBoard = 2,
}
