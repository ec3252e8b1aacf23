using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.People;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Results;

/// <summary>The records the results tests read: Kỳ Phương's seed dialogue, one of its items answered and on a roadmap, named people around it.</summary>
internal static class ResultsFixtures
{
    /// <summary>A person recorded as raising the prepared item: a name no seed has, so a page that shows it is caught.</summary>
    public const string RaiserName = "Khổng Thị Riêng Tư Nêu";

    /// <summary>A person recorded as giving the prepared item's answer on the body's behalf.</summary>
    public const string AnswererName = "Quách Văn Riêng Tư Đáp";

    public const string AnswerText = "Tiếp thu; Ủy ban nhân dân phường bố trí kinh phí cho các chi hội trong năm 2023.";

    public static int Meeting(PortalFactory factory, string title = SeedTitles.KyPhuong) => factory.WithDb(db => db.Meetings.Single(m => m.Title == title).Id);

    /// <summary>The meeting's recommendations in the record's order: id and content.</summary>
    public static List<(int Id, string Content)> Items(PortalFactory factory, int meetingId) => factory.WithDb(db =>
        db.Recommendations.Where(r => r.MeetingId == meetingId).OrderBy(r => r.Order).Select(r => new { r.Id, r.Content }).AsEnumerable().Select(r => (r.Id, r.Content)).ToList());

    /// <summary>The body the prepared item is recorded as raised by (the seed names no raiser for Kỳ Phương's items).</summary>
    public const string RaisingBody = "Ủy ban MTTQ phường Kỳ Phương";

    /// <summary>
    /// Kỳ Phương's first addressed recommendation raised by <see cref="RaisingBody"/> through <see cref="RaiserName"/>, answered "accepted" by its body
    /// through <see cref="AnswererName"/>, with a roadmap whose first milestone (40 %) is done; its id.
    /// </summary>
    public static async Task<int> PrepareAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var r = await db.Recommendations.Include(x => x.Meeting).Include(x => x.Responses).Include(x => x.Events).Include(x => x.Hops)
            .Include(x => x.Roadmap).ThenInclude(m => m!.Milestones).AsSplitQuery()
            .Where(x => x.Meeting!.Title == SeedTitles.KyPhuong && x.AddressedToOrganisationId != null)
            .OrderBy(x => x.Order).FirstAsync();
        if (r.Roadmap is not null)
        {
            return r.Id;
        }

        var raiser = new Person(r.Meeting!.UnitId, RaiserName);
        var answerer = new Person(r.Meeting.UnitId, AnswererName);
        db.People.AddRange(raiser, answerer);
        await db.SaveChangesAsync();
        r.RaisedByPersonId = raiser.Id;
        r.RaisedByOrganisationId = await db.Organisations.Where(o => o.Name == RaisingBody).Select(o => o.Id).SingleAsync();
        var by = new Actor("thuky.kyphuong", DateTime.UtcNow);
        if (r.State.Allows(RecommendationAction.Reopen))
        {
            r.Reopen("kiểm tra thông báo kết quả", by);
        }

        r.Respond(ResponseKind.Accepted, r.Meeting.HeldOn.AddDays(5), r.AddressedToOrganisationId, answerer.Id, AnswerText, by);
        r.PlanRoadmap(new DateOnly(2027, 12, 31), r.AddressedToOrganisationId!.Value,
            [new(null, "Bố trí kinh phí", r.Meeting.HeldOn.AddDays(30), 40), new(null, "Hoàn thành hỗ trợ các chi hội", new DateOnly(2027, 12, 31), 100)], by);
        await db.SaveChangesAsync();
        r.MarkMilestoneDone(r.Roadmap!.Milestones.OrderBy(m => m.DueOn).First().Id, r.Meeting.HeldOn.AddDays(25), "Đã có quyết định", r.Meeting.HeldOn.AddDays(400), by);
        await db.SaveChangesAsync();
        return r.Id;
    }

    /// <summary>Publishes <paramref name="meetingId"/>'s results with <paramref name="items"/> marked, as the domain does; its public id.</summary>
    public static string Publish(PortalFactory factory, int meetingId, params int[] items) => factory.WithDb(db =>
    {
        var results = db.PublicResults.Include(p => p.Items).SingleOrDefault(p => p.MeetingId == meetingId);
        if (results is null)
        {
            results = PublicResults.Start(meetingId);
            db.PublicResults.Add(results);
        }

        var meeting = db.Meetings.Single(m => m.Id == meetingId);
        results.Set(true, items, meeting.Status, db.Recommendations.Where(r => r.MeetingId == meetingId).Select(r => r.Id).ToList(), DateTime.UtcNow);
        db.SaveChanges();
        return results.PublicId;
    });

    /// <summary>A draft meeting of Kỳ Phương with one recommendation; its id and the recommendation's.</summary>
    public static (int Meeting, int Recommendation) Draft(PortalFactory factory, string title, string content) => factory.WithDb(db =>
    {
        var unit = db.Units.Single(u => u.Code == "p-ky-phuong").Id;
        var meeting = new Meeting(unit, MeetingType.Dialogue, title, new DateOnly(2026, 11, 20));
        var recommendation = meeting.RaiseRecommendation(null, content, null, null);
        db.Meetings.Add(meeting);
        db.SaveChanges();
        return (meeting.Id, recommendation.Id);
    });
}
