namespace MeetingPortal.Infrastructure.Seeding;

/// <summary>Bound from "Seeding".</summary>
public sealed class SeedingOptions
{
    public const string SectionName = "Seeding";

    /// <summary>Load seeds/ (reference data and the five seed meetings) into an empty database.</summary>
    public bool LoadSeeds { get; set; } = true;

    /// <summary>Folder holding reference.json and meetings/*.json; defaults to "seeds" beside the app.</summary>
    public string? Directory { get; set; }

    public DemoDataOptions DemoData { get; set; } = new();
}

/// <summary>Demo accounts exist only when this is switched on (Development does, Production does not).</summary>
public sealed class DemoDataOptions
{
    public bool Enabled { get; set; }

    /// <summary>The password every demo account gets; required when Enabled, kept in configuration, never in code.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Also write the demo history of the demo units (<see cref="DemoHistorySeeder"/>, ADR 0024): a year of meetings up
    /// to today with their recommendations in every state, marked as illustrations. Off by default and in the tests'
    /// portals; Development's settings switch it on. Needs <see cref="Enabled"/> (its actors are the demo accounts).
    /// </summary>
    public bool History { get; set; }
}
