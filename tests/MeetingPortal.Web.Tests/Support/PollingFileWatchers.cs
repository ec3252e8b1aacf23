using System.Runtime.CompilerServices;

namespace MeetingPortal.Web.Tests.Support;

/// <summary>
/// The test run starts well over a hundred portals (a factory per test class, and portal processes), each watching its
/// settings files. With inotify each watcher takes one of the user's 128 instances, and a run beside another build or
/// portal on the same machine ran out ("The configured user limit (128) on the number of inotify instances has been
/// reached"). Polling watchers take none; the portals under test never need a settings change noticed.
/// </summary>
internal static class PollingFileWatchers
{
    [ModuleInitializer]
    internal static void Use() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
