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
}
