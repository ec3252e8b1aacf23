namespace MeetingPortal.Domain.Units;

/// <summary>
/// A level of the administrative hierarchy. Levels are data because the 2025 reform removed the
/// district level: a deployment can change its levels without a code change.
/// </summary>
public class UnitLevel
{
    public UnitLevel(int rank, string name)
    {
        Rank = rank;
        Name = name;
    }

    public int Id { get; private set; }

    /// <summary>1 for the top level, growing downwards.</summary>
    public int Rank { get; private set; }

    public string Name { get; set; }
}
