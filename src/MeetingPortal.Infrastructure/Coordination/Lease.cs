namespace MeetingPortal.Infrastructure.Coordination;

/// <summary>
/// A row that lets one server of several do a periodic job (the due-date check, the planner
/// statistics) once per interval: whoever moves <see cref="ExpiresAtUtc"/> forward in one atomic
/// UPDATE holds it; if its holder dies, it lapses at <see cref="ExpiresAtUtc"/> (docs/operations.md).
/// </summary>
public sealed class Lease
{
    public const int NameMaxLength = 64;
    public const int HolderMaxLength = 200;

    /// <summary>The due-date check of <see cref="Monitoring.RecommendationMonitor"/>.</summary>
    public const string DueDateCheck = "due-date-check";

    /// <summary>The SQLite planner statistics refresh of <see cref="Persistence.PlannerStatistics"/>.</summary>
    public const string PlannerStatistics = "planner-statistics";

    /// <summary>Every lease the portal uses; the rows are made by the migration that added the table.</summary>
    public static readonly IReadOnlyList<string> All = [DueDateCheck, PlannerStatistics];

    public Lease(string name)
    {
        Name = name;
    }

    /// <summary>Which job the lease is for.</summary>
    public string Name { get; private set; }

    /// <summary>The server that holds it (machine, process and a random part); null before anyone took it.</summary>
    public string? Holder { get; private set; }

    /// <summary>UTC; the lease is free from this moment.</summary>
    public DateTime ExpiresAtUtc { get; private set; }
}
