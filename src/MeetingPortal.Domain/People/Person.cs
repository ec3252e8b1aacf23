using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Units;

namespace MeetingPortal.Domain.People;

/// <summary>
/// A person known in a unit. Titles change over time, so the title a person held at a meeting is
/// kept on that meeting's record, not here.
/// </summary>
public class Person : Entity
{
    public const int NameMaxLength = 200;

    public Person(int unitId, string fullName)
    {
        UnitId = unitId;
        FullName = fullName;
    }

    public int UnitId { get; set; }
    public Unit? Unit { get; private set; }

    public string FullName { get; set; }
}
