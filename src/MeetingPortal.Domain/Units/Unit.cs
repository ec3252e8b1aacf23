using MeetingPortal.Domain.Common;

namespace MeetingPortal.Domain.Units;

/// <summary>
/// An administrative unit (province, district, ward...). <see cref="Path"/> is the materialised path
/// of ids from the root, e.g. "/1/4/17/": "this unit and everything below it" is one prefix match.
/// </summary>
public class Unit : Entity
{
    public const int NameMaxLength = 200;
    public const int CodeMaxLength = 100;

    public Unit(string code, string name, int levelId)
    {
        Code = code;
        Name = name;
        LevelId = levelId;
    }

    /// <summary>A stable key used by the interchange format, e.g. "ha-tinh/tp-ha-tinh".</summary>
    public string Code { get; set; }

    public string Name { get; set; }

    public int LevelId { get; set; }
    public UnitLevel? Level { get; private set; }

    public int? ParentId { get; private set; }
    public Unit? Parent { get; private set; }

    public string Path { get; private set; } = string.Empty;

    public void PlaceUnder(Unit? parent)
    {
        if (parent is not null && parent.Id == 0)
        {
            throw new DomainException("unit.parent-unsaved", "The parent unit must be saved before its children.");
        }

        ParentId = parent?.Id;
        Parent = parent;
        Path = string.Empty;
    }

    /// <summary>Called once the unit has its id, since the path ends with it.</summary>
    public void AssignPath()
    {
        if (Id == 0)
        {
            throw new DomainException("unit.unsaved", "A unit gets its path after it has been saved.");
        }

        var parentPath = Parent?.Path ?? string.Empty;
        if (ParentId is not null && string.IsNullOrEmpty(parentPath))
        {
            throw new DomainException("unit.parent-without-path", "The parent unit has no path yet.");
        }

        Path = (string.IsNullOrEmpty(parentPath) ? "/" : parentPath) + Id + "/";
    }

    public static string PathOf(params int[] ids) => "/" + string.Join('/', ids) + "/";

    /// <summary>True when a record of the unit with <paramref name="recordUnitPath"/> lies in the scope rooted at <paramref name="scopePath"/>.</summary>
    public static bool IsInScope(string recordUnitPath, string scopePath) =>
        !string.IsNullOrEmpty(scopePath) && recordUnitPath.StartsWith(scopePath, StringComparison.Ordinal);
}
