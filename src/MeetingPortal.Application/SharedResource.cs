namespace MeetingPortal.Application;

/// <summary>Marker for the UI strings in Resources/SharedResource*.resx (Vietnamese is the neutral culture).</summary>
public sealed class SharedResource;
