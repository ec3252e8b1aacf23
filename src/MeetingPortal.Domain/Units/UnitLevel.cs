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

    /// <summary>The first Vietnam day the level no longer existed (1/7/2025 for the district level), null while it stands.</summary>
    public DateOnly? RetiredOn { get; private set; }

    /// <summary>Retires the level from Vietnam day <paramref name="on"/>; the top level and a retired one are refused.</summary>
    public void Retire(DateOnly on)
    {
        if (Rank == 1 || RetiredOn is not null)
        {
            throw new Common.DomainException("level.retire", "Only a standing level below the top can be retired.");
        }

        RetiredOn = on;
    }
}
