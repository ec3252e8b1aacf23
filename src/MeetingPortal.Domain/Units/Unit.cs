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

    /// <summary>Whether <paramref name="code"/> can be a unit's key: a <see cref="StableKey"/> of at most <see cref="CodeMaxLength"/> characters ("p-ky-phuong").</summary>
    public static bool IsValidCode(string? code) => StableKey.IsValid(code, CodeMaxLength);

    /// <summary>
    /// Whether a unit of <paramref name="level"/> may sit under a unit of <paramref name="parentLevel"/> (null for a
    /// root): a unit lies strictly below its parent's level (a ward under a district or a province, never beside it).
    /// </summary>
    public static bool MayBeAtLevelUnder(UnitLevel level, UnitLevel? parentLevel) => parentLevel is null || level.Rank > parentLevel.Rank;

    /// <summary>A stable key used by the interchange format, e.g. "p-ky-phuong".</summary>
    public string Code { get; set; }

    public string Name { get; set; }

    public int LevelId { get; set; }
    public UnitLevel? Level { get; private set; }

    public int? ParentId { get; private set; }
    public Unit? Parent { get; private set; }

    public string Path { get; private set; } = string.Empty;

    /// <summary>Set when this unit was merged into another: it keeps its id (and frozen reports) but takes no new records.</summary>
    public int? MergedIntoId { get; private set; }

    public DateTime? MergedAtUtc { get; private set; }

    public bool IsMerged => MergedIntoId is not null;

    /// <summary>
    /// The first Vietnam day the unit no longer existed as a unit of the tree because its level was retired (the district
    /// level on 1/7/2025); null while it stands. A retired unit keeps its records and takes no new ones (ADR 0018).
    /// </summary>
    public DateOnly? RetiredOn { get; private set; }

    /// <summary>Whether the unit takes new records: neither merged away nor retired with its level.</summary>
    public bool TakesRecords => MergedIntoId is null && RetiredOn is null;

    private readonly List<UnitNaming> _namings = [];

    /// <summary>The unit's names and parents over time (ADR 0018); today's is the open one and equals <see cref="Name"/>.</summary>
    public IReadOnlyList<UnitNaming> Namings => _namings;

    /// <summary>
    /// Renames the unit from Vietnam day <paramref name="from"/> (at most <paramref name="today"/>), keeping the earlier
    /// name for the days before it (a record of those days still prints it). <paramref name="basis"/> is the decision
    /// (e.g. "Nghị quyết 1314/NQ-UBTVQH15"). The namings must be loaded. Errors: <see cref="DatedSpan.Follow{T}"/>.
    /// </summary>
    public void Rename(string name, DateOnly from, DateOnly today, string? basis)
    {
        StartHistory();
        Name = name;
        RecordPlace(from, today, basis);
    }

    /// <summary>
    /// Records the unit's present name and parent as holding from Vietnam day <paramref name="from"/>: called after a
    /// rename, a move or a merger of the unit. The first call on a unit without namings opens its unbounded first span.
    /// </summary>
    public void RecordPlace(DateOnly from, DateOnly today, string? basis)
    {
        if (_namings.Count == 0)
        {
            throw new DomainException("naming.not-started", "The history must be started (StartHistory) before the change it records.");
        }

        DatedSpan.Follow(_namings, from, today, basis, () => new UnitNaming(Id, Name, ParentId, from, basis), open =>
        {
            open.Name = Name;
            open.ParentId = ParentId;
        });
    }

    /// <summary>
    /// Retires the unit with its level from Vietnam day <paramref name="on"/> (Nghị quyết 202/2025/QH15 ended the
    /// district level on 1/7/2025): it keeps its id, records and place, and takes no new record. Its children are moved
    /// by the caller. Refused for a top unit, a merged unit or one already retired.
    /// </summary>
    public void Retire(DateOnly on)
    {
        if (ParentId is null || IsMerged || RetiredOn is not null)
        {
            throw new DomainException("unit.retire", "Only a standing unit below the top can be retired.");
        }

        RetiredOn = on;
    }

    /// <summary>
    /// Opens the unbounded first span from the present name and place when there is none yet (a row made before
    /// names were kept, or added since without one); called before a change that <c>RecordPlace</c> then records.
    /// </summary>
    public void StartHistory()
    {
        if (_namings.Count == 0)
        {
            _namings.Add(new UnitNaming(Id, Name, ParentId, null, null));
        }
    }

    /// <summary>
    /// Records that a unit added now exists from Vietnam day <paramref name="on"/> (the day it was added): its first span
    /// begins that day, so a summary "as the units stood then" leaves it out of any earlier day (ADR 0018). A unit with
    /// namings already keeps them.
    /// </summary>
    public void BeginsOn(DateOnly on)
    {
        if (_namings.Count == 0)
        {
            _namings.Add(new UnitNaming(Id, Name, ParentId, on, null));
        }
    }

    /// <summary>
    /// Restores the unit's names and parents over time as another installation kept them (interchange format version 4,
    /// ADR 0018); <paramref name="spans"/> in order, the last open and equal to the unit's present name and parent. The
    /// namings must be loaded. Returns whether anything was added (nothing when the same history is kept). Errors:
    /// <see cref="DatedSpan.Restore{T}"/> (<c>naming.chain</c>, <c>naming.conflict</c>).
    /// </summary>
    public bool RestoreHistory(IReadOnlyList<UnitNaming> spans) =>
        DatedSpan.Restore(_namings, spans, (a, b) => a.ParentId == b.ParentId, s => s.Name == Name && s.ParentId == ParentId);

    /// <summary>
    /// Whether the unit's merger and retirement are those another installation kept (interchange format version 4): merged
    /// into <paramref name="mergedIntoId"/> at <paramref name="mergedAtUtc"/>, retired on <paramref name="retiredOn"/>.
    /// </summary>
    public bool StandsAs(int? mergedIntoId, DateTime? mergedAtUtc, DateOnly? retiredOn) =>
        MergedIntoId == mergedIntoId && MergedAtUtc == mergedAtUtc && RetiredOn == retiredOn;

    /// <summary>The unit's name on Vietnam day <paramref name="day"/> by the rule of <see cref="DatedSpan.On{T}"/>; <see cref="Name"/> without namings.</summary>
    public string NameOn(DateOnly day) => DatedSpan.On(_namings, day)?.Name ?? Name;

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

    /// <summary>
    /// Merges this unit into <paramref name="target"/> of the same level, as the 2025 reform merged
    /// communes and provinces. The unit moves under the target so that whoever sees the target still
    /// sees this unit's frozen reports; moving its records and children is the caller's job, and
    /// every unit whose path starts with <see cref="Path"/> must be rebased with <see cref="RebasePath"/>.
    /// </summary>
    public void MergeInto(Unit target, DateTime atUtc)
    {
        if (target.Id == Id)
        {
            throw new DomainException("unit.merge-self", "A unit cannot be merged into itself.");
        }

        if (IsMerged || target.IsMerged)
        {
            throw new DomainException("unit.merge-merged", "A unit that was already merged cannot take part in another merger.");
        }

        if (target.LevelId != LevelId)
        {
            throw new DomainException("unit.merge-level", "Only units of the same level can be merged.");
        }

        if (ParentId is null)
        {
            throw new DomainException("unit.merge-root", "The top unit cannot be merged.");
        }

        MergedIntoId = target.Id;
        MergedAtUtc = atUtc;
        PlaceUnder(target);
        AssignPath();
    }

    /// <summary>Moves a unit that was under this one directly under <paramref name="newParent"/>; its own subtree must be rebased too.</summary>
    public void MoveUnder(Unit newParent)
    {
        if (newParent.Path.StartsWith(Path, StringComparison.Ordinal))
        {
            throw new DomainException("unit.move-into-own-subtree", "A unit cannot move under itself or its own descendants.");
        }

        PlaceUnder(newParent);
        AssignPath();
    }

    /// <summary>Rewrites the path prefix of a descendant after one of its ancestors moved.</summary>
    public void RebasePath(string oldPrefix, string newPrefix)
    {
        if (!Path.StartsWith(oldPrefix, StringComparison.Ordinal))
        {
            throw new DomainException("unit.rebase-outside", "Only units below the moved unit are rebased.");
        }

        Path = newPrefix + Path[oldPrefix.Length..];
    }

    public static string PathOf(params int[] ids) => "/" + string.Join('/', ids) + "/";

    /// <summary>The ids a stored path holds, top first: the unit and every unit above it ("/1/2/7/" → 1, 2, 7); the inverse of <see cref="PathOf"/>.</summary>
    public static List<int> IdsOf(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>
    /// The path of the unit directly above the unit at <paramref name="path"/> ("/1/2/" for "/1/2/7/"), or null for a
    /// top unit ("/1/") or an empty path: the level a unit's official report is sent to (ADR 0017).
    /// </summary>
    public static string? ParentPathOf(string path)
    {
        if (path.Length < 3 || path[^1] != '/')
        {
            return null;
        }

        var cut = path.LastIndexOf('/', path.Length - 2);
        return cut <= 0 ? null : path[..(cut + 1)];
    }

    /// <summary>True when a record of the unit with <paramref name="recordUnitPath"/> lies in the scope rooted at <paramref name="scopePath"/>.</summary>
    public static bool IsInScope(string recordUnitPath, string scopePath) =>
        !string.IsNullOrEmpty(scopePath) && recordUnitPath.StartsWith(scopePath, StringComparison.Ordinal);
}
