using MeetingPortal.Infrastructure.Coordination;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Tests;

/// <summary>A periodic job runs on one server per interval: the lease row decides which (ADR 0008).</summary>
public sealed class LeasesTests : IDisposable
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private readonly TestDatabase _database = new();
    private readonly ServerIdentity _serverA = new();
    private readonly ServerIdentity _serverB = new();

    public void Dispose() => _database.Dispose();

    private async Task<bool> TakeAsync(ServerIdentity server, string name = Lease.DueDateCheck)
    {
        await using var db = _database.NewContext();
        return await new Leases(db, server, _database.Clock).TryTakeAsync(name, Hour, CancellationToken.None);
    }

    [Fact]
    public async Task Of_many_servers_asking_at_once_exactly_one_gets_the_lease()
    {
        var servers = Enumerable.Range(0, 8).Select(_ => new ServerIdentity()).ToList();

        var results = await Task.WhenAll(servers.Select(server => Task.Run(() => TakeAsync(server))));

        Assert.Equal(1, results.Count(taken => taken));
    }

    [Fact]
    public async Task The_holder_keeps_it_others_wait_until_it_lapses()
    {
        Assert.True(await TakeAsync(_serverA));
        Assert.False(await TakeAsync(_serverB));
        Assert.True(await TakeAsync(_serverA));

        _database.Clock.Now += Hour - TimeSpan.FromSeconds(1);
        Assert.False(await TakeAsync(_serverB));

        // A holder that died never renews: its lease lapses and another server takes over.
        _database.Clock.Now += TimeSpan.FromSeconds(1);
        Assert.True(await TakeAsync(_serverB));
        Assert.False(await TakeAsync(_serverA));
    }

    [Fact]
    public async Task Leases_of_different_jobs_are_independent_and_every_job_has_its_row()
    {
        Assert.True(await TakeAsync(_serverA, Lease.DueDateCheck));
        Assert.True(await TakeAsync(_serverB, Lease.PlannerStatistics));

        await using var db = _database.NewContext();
        Assert.Equal(Lease.All.Order(), await db.Leases.Select(l => l.Name).OrderBy(n => n).ToListAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => TakeAsync(_serverA, "no-such-job"));
    }
}
