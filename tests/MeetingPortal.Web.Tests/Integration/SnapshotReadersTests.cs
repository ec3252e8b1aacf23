using System.Net;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>A frozen report records each reader once, however they open it (its own portal: it counts receipts).</summary>
public sealed class SnapshotReadersTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>
    /// Found by the hostile-input sweep (issue 14, item 5): a reader's first opening sent twice at once (two tabs, a double
    /// click) both recorded the reading; the second broke the unique index and answered 503.
    /// </summary>
    [Fact]
    public async Task A_first_reading_sent_several_times_at_once_answers_each_and_is_recorded_once()
    {
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "p-ky-phuong").Id);
        var leader = await factory.SignInAsync("lanhdao.kyphuong");
        var frozen = await leader.FreezeAsync($"/Reports/Quarterly?unit={unit}&year=2022");
        Assert.Equal(HttpStatusCode.Redirect, frozen.StatusCode);
        var snapshotUrl = frozen.Headers.Location!.OriginalString;
        var reader = await factory.SignInAsync("theodoi.kyphuong");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => reader.GetAsync(snapshotUrl)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, factory.WithDb(db => db.Snapshots.SelectMany(s => s.Receipts).Count(r => r.UserName == "theodoi.kyphuong")));
    }
}
