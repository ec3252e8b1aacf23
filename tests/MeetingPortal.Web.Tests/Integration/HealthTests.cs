using System.Net;
using MeetingPortal.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class HealthTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task Health_is_503_when_the_database_file_is_unreadable()
    {
        var client = _factory.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        // Pooled connections would keep answering from an open handle; drop them, then spoil the file.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(_factory.DatabasePath + suffix);
        }

        await File.WriteAllBytesAsync(_factory.DatabasePath, new byte[8192]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        // Liveness says the process answers; it does not touch the database.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
