namespace MeetingPortal.Infrastructure.Seeding;

/// <summary>
/// Whether this server has finished its start work on the database (migrations present, roles, seeds,
/// sign-in keys carried over). Until then it is not ready (/health/ready) and runs no periodic job.
/// </summary>
public sealed class StartupState
{
    private volatile bool _initialized;

    /// <summary>True once <see cref="DatabaseInitializer.InitializeAsync"/> has run to its end.</summary>
    public bool Initialized => _initialized;

    internal void MarkInitialized() => _initialized = true;
}
