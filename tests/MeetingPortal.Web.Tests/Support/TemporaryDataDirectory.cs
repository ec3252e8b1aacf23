namespace MeetingPortal.Web.Tests.Support;

/// <summary>A portal data folder of its own under the temp folder, removed at the end (for tests that run the portal as a process).</summary>
public sealed class TemporaryDataDirectory : IDisposable
{
    /// <param name="purpose">A word in the folder's name, to tell leftovers apart.</param>
    public TemporaryDataDirectory(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "meetingportal-tests", $"{purpose}-{Guid.NewGuid():N}");
    }

    /// <summary>The folder (not created here: the portal creates it at start).</summary>
    public string Path { get; }

    public void Dispose() => Delete(Path);

    /// <summary>Closes pooled SQLite connections to it, then removes the folder if it can.</summary>
    public static void Delete(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Not made (the test failed first), or a process still holds a file: the OS cleans the temp folder later.
        }
    }
}
