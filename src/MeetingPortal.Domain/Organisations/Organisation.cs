using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Units;

namespace MeetingPortal.Domain.Organisations;

/// <summary>A body that belongs to a unit: it hosts, attends, raises or answers.</summary>
public class Organisation : Entity
{
    public const int NameMaxLength = 300;

    public Organisation(int unitId, string name, OrganisationKind kind)
    {
        UnitId = unitId;
        Name = name;
        Kind = kind;
    }

    public int UnitId { get; set; }
    public Unit? Unit { get; private set; }

    public string Name { get; set; }

    public OrganisationKind Kind { get; set; }
}
