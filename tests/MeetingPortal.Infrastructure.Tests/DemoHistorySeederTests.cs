using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeetingPortal.Infrastructure.Tests;

/// <summary>
/// Issue 17, deliver 7 (ADR 0024): the demo history's records are ones a user could have made (the domain's rules hold
/// for each), dated up to today and not after, the same for the same day, and written once.
/// </summary>
public sealed class DemoHistorySeederTests
{
    private static DemoHistorySeeder Seeder(TestDatabase database, MeetingPortalDbContext db) =>
        new(db, new CalendarService(db, database.Clock), new AuditTrail(db, database.User, database.Clock), database.Clock, NullLogger<DemoHistorySeeder>.Instance);

    private static async Task<int> SeedAsync(TestDatabase database)
    {
        await database.LoadSeedsAsync();
        await using var db = database.NewContext();
        return await Seeder(database, db).SeedAsync();
    }

    [Fact]
    public async Task Every_record_keeps_the_domains_rules_and_nothing_is_dated_after_today()
    {
        using var database = new TestDatabase();
        Assert.True(await SeedAsync(database) > 40);
        var today = VietnamTime.DateAt(database.Clock.GetUtcNow());
        await using var db = database.NewContext();
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.Source == DemoHistorySeeder.Source)
            .Include(m => m.Speeches).Include(m => m.Recommendations).ThenInclude(r => r.Responses)
            .Include(m => m.Recommendations).ThenInclude(r => r.Events).Include(m => m.Recommendations).ThenInclude(r => r.Hops)
            .Include(m => m.Directives).AsSplitQuery().ToListAsync();

        Assert.Contains(meetings, m => m.Status == MeetingStatus.Draft);
        foreach (var meeting in meetings)
        {
            Assert.True(meeting.HeldOn <= today, $"{meeting.Title} held on {meeting.HeldOn}");
            if (meeting.Status == MeetingStatus.Draft)
            {
                // A draft's recommendations wait for publication: nothing happened to them.
                Assert.All(meeting.Recommendations, r => Assert.Empty(r.Events));
                continue;
            }

            Assert.Empty(PublishRule.Check(meeting.HostOrganisationId is not null, meeting.Speeches.Count));
            Assert.True(meeting.PublishedAtUtc <= database.Clock.GetUtcNow().UtcDateTime);
            // Two to four raised from the floor; the latest dialogue one more, a matter raised again (issue 18).
            Assert.InRange(meeting.Recommendations.Count, 2, 5);
            foreach (var r in meeting.Recommendations)
            {
                Assert.All(r.Responses, response => Assert.True(RecordDates.IsBetweenMeetingAndToday(response.RespondedOn, meeting.HeldOn, today), $"response of {r.Id} on {response.RespondedOn}"));
                Assert.All(r.Events, e => Assert.True(e.AtUtc <= database.Clock.GetUtcNow().UtcDateTime && e.AtUtc >= VietnamTime.StartUtc(meeting.HeldOn)));
                Assert.Equal(r.Status == RecommendationStatus.New, r.AddressedToOrganisationId is null);
                // Each status is the last step's: the events' chain ends where the record stands.
                Assert.Equal(r.Status, r.Events.OrderBy(e => e.Id).LastOrDefault()?.ToStatus ?? RecommendationStatus.New);
                Assert.All(r.Hops, hop => Assert.NotEqual(hop.FromOrganisationId, hop.ToOrganisationId));
                // As the assign and forward use cases check it: a due date is not before the day it was given.
                if (r.Events.Where(e => e.Kind is RecommendationEventKind.Assigned or RecommendationEventKind.Forwarded).OrderBy(e => e.Id).LastOrDefault() is { } given)
                {
                    Assert.True(r.DueOn >= VietnamTime.DateAt(new DateTimeOffset(given.AtUtc, TimeSpan.Zero)), $"{r.Id} due {r.DueOn}, given at {given.AtUtc:u}");
                }
            }

            Assert.All(meeting.Directives, d => Assert.True(d.DoneOn is null || d.DoneOn <= today));
        }
    }

    [Fact]
    public async Task The_same_day_gives_the_same_history_and_a_second_run_adds_nothing()
    {
        using var first = new TestDatabase();
        using var second = new TestDatabase();
        await SeedAsync(first);
        await SeedAsync(second);

        static async Task<List<string>> Rows(TestDatabase database)
        {
            await using var db = database.NewContext();
            return await db.Recommendations.AsNoTracking().OrderBy(r => r.Id)
                .Select(r => r.Meeting!.HeldOn + " " + r.Meeting.Title + " " + r.Content + " " + r.Status + " " + r.DueOn + " " + r.AddressedToOrganisationId)
                .ToListAsync();
        }

        var rows = await Rows(first);
        Assert.Equal(rows, await Rows(second));

        await using (var db = first.NewContext())
        {
            Assert.Equal(0, await Seeder(first, db).SeedAsync());
        }

        Assert.Equal(rows, await Rows(first));
    }

    [Fact]
    public async Task The_history_follows_the_day_it_is_written()
    {
        using var database = new TestDatabase();
        database.Clock.Now = new DateTimeOffset(2027, 3, 10, 2, 0, 0, TimeSpan.Zero);
        await SeedAsync(database);

        await using var db = database.NewContext();
        var held = await db.Meetings.AsNoTracking().Where(m => m.Source == DemoHistorySeeder.Source && m.Status == MeetingStatus.Published)
            .Select(m => m.HeldOn).ToListAsync();
        // Today is 10 March 2027 in Vietnam: the latest meeting is of the last weeks, the earliest eleven months back.
        Assert.True(held.Max() >= new DateOnly(2027, 2, 1) && held.Max() < new DateOnly(2027, 3, 10), $"latest {held.Max()}");
        Assert.True(held.Min() >= new DateOnly(2026, 4, 1), $"earliest {held.Min()}");
    }
}
