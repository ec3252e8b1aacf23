using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Plans;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Raising;

/// <summary>The raising side's records written straight into a test portal's database (ADR 0026).</summary>
internal static class RaisingFixtures
{
    /// <summary>The body account <paramref name="userName"/> raises for.</summary>
    public static int BodyOf(this PortalFactory factory, string userName) =>
        factory.WithDb(db => db.Users.Where(u => u.UserName == userName).Select(u => u.OrganisationId!.Value).Single());

    /// <summary>Makes recommendation <paramref name="id"/> raised by <paramref name="body"/>.</summary>
    public static int RaisedBy(this PortalFactory factory, int id, int body) => factory.WithDb(db =>
    {
        db.Recommendations.Single(r => r.Id == id).RaisedByOrganisationId = body;
        return db.SaveChanges();
    });

    /// <summary>A recommendation gathered by <paramref name="body"/> for entry <paramref name="entryId"/>, still open to gathering.</summary>
    public static int AddGathered(this PortalFactory factory, int entryId, int body, string content) => factory.WithDb(db =>
    {
        var entry = db.PlannedDialogues.Include(p => p.Meeting).Single(p => p.Id == entryId);
        var gathered = new GatheredRecommendation(entry, content, body, new DateOnly(2022, 6, 1));
        db.GatheredRecommendations.Add(gathered);
        db.SaveChanges();
        return gathered.Id;
    });

    /// <summary>Takes Kỳ Phương's seed meeting off any plan entry holding it, so a test may link it to its own.</summary>
    public static int FreeKyPhuongMeeting(this PortalFactory factory) => factory.WithDb(db =>
    {
        foreach (var entry in db.PlannedDialogues.Where(p => p.Meeting!.Unit!.Code == "p-ky-phuong" && p.Meeting.Title.StartsWith("Đảng ủy phường Kỳ Phương")))
        {
            entry.UnlinkMeeting();
        }

        return db.SaveChanges();
    });

    public static (GatheredRecommendationState State, int? RecommendationId, bool OnAgenda, int Version, string Content) Gathered(this PortalFactory factory, int id) =>
        factory.WithDb(db => db.GatheredRecommendations.AsNoTracking().Include(g => g.PlannedDialogue!).ThenInclude(p => p!.Meeting)
            .Where(g => g.Id == id).AsEnumerable()
            .Select(g => (g.StateWhen(g.PlannedDialogue!.Meeting?.Status == MeetingStatus.Published), g.RecommendationId, g.OnAgenda, g.Version, g.Content)).Single());
}
