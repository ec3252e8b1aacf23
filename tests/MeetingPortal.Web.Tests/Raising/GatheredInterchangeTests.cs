using System.Text.Json;
using MeetingPortal.Application.Meetings;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Seeding;
using MeetingPortal.Web.Tests.Plans;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Raising;

/// <summary>
/// Issue 18, deliver 7 (ADR 0026): the recommendations gathered before a dialogue travel with its plan entry in the JSON
/// interchange (version 5), valid by the schema, raised ones by the number of the meeting's recommendation they became.
/// </summary>
public sealed class GatheredInterchangeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Gathered_recommendations_are_exported_and_imported_as_they_stood()
    {
        var front = factory.BodyOf(PortalRoutes.RaiserUser);
        var meeting = factory.KyPhuongMeeting();
        var entry = factory.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Quarter, 2022, 2), "Đối thoại về công tác cán bộ cơ sở");
        var raised = factory.AddGathered(entry, front, "Kinh phí hoạt động của chi hội còn thiếu.");
        var waiting = factory.AddGathered(entry, front, "Đề nghị nâng phụ cấp cán bộ tổ dân phố.");
        var order = factory.WithDb(db =>
        {
            var e = db.PlannedDialogues.Single(p => p.Id == entry);
            e.LinkMeeting(db.Meetings.Single(m => m.Id == meeting));
            var r = db.Recommendations.Where(x => x.MeetingId == meeting).OrderBy(x => x.Order).Skip(1).First();
            db.GatheredRecommendations.Include(g => g.PlannedDialogue).Single(g => g.Id == raised).LinkRaised(r);
            db.SaveChanges();
            return r.Order;
        });

        InterchangeDocument document;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
            var path = await db.Units.Where(u => u.Code == "p-ky-phuong").Select(u => u.Path).SingleAsync();
            document = await new InterchangeExporter(db).ExportAsync(db.Meetings.Where(m => m.Id < 0), new InterchangeExportOptions(false, false, path, Plans: true), CancellationToken.None);
        }

        var json = JsonSerializer.Serialize(document, InterchangeDocument.JsonOptions);
        Assert.Empty(InterchangeSchema.Validate(json));
        var gathered = document.Plans!.Single(p => p.Topic == "Đối thoại về công tác cán bộ cơ sở").Gathered!;
        Assert.Equal([("Kinh phí hoạt động của chi hội còn thiếu.", (int?)order), ("Đề nghị nâng phụ cấp cán bộ tổ dân phố.", null)], gathered.Select(g => (g.Content, g.RaisedAs)));
        Assert.All(gathered, g => Assert.Equal("Ủy ban MTTQ phường Kỳ Phương", g.RaisedBy));

        // Imported again under another topic (the meeting freed first): the raised one is linked to the same recommendation.
        factory.WithDb(db =>
        {
            db.GatheredRecommendations.RemoveRange(db.GatheredRecommendations.Where(g => g.PlannedDialogueId == entry));
            db.PlannedDialogues.Single(p => p.Id == entry).UnlinkMeeting();
            return db.SaveChanges();
        });
        var plan = document.Plans!.Single(p => p.Topic == "Đối thoại về công tác cán bộ cơ sở") with { Topic = "Bản nhập: đối thoại về cán bộ cơ sở" };
        var result = await factory.RunAsync<ImportMeetings, ImportResult>("thuky.kyphuong",
            (uc, user) => uc.ImportAsync(user, JsonSerializer.Serialize(document with { Plans = [plan] }, InterchangeDocument.JsonOptions), "ke-hoach.json", CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var imported = factory.WithDb(db => db.GatheredRecommendations.AsNoTracking().Where(g => g.PlannedDialogue!.Topic == plan.Topic)
            .OrderBy(g => g.Id).Select(g => new { g.Content, g.RaisedByOrganisationId, Order = (int?)g.Recommendation!.Order }).ToList());
        Assert.Equal([("Kinh phí hoạt động của chi hội còn thiếu.", front, (int?)order), ("Đề nghị nâng phụ cấp cán bộ tổ dân phố.", front, null)],
            imported.Select(g => (g.Content, g.RaisedByOrganisationId, g.Order)));

        // A raised number the meeting lacks refuses the whole file.
        var bad = plan with { Topic = "Bản nhập lỗi", Meeting = plan.Meeting, Gathered = [plan.Gathered![0] with { RaisedAs = 999 }] };
        factory.WithDb(db =>
        {
            foreach (var p in db.PlannedDialogues.Where(p => p.MeetingId == meeting))
            {
                p.UnlinkMeeting();
            }

            return db.SaveChanges();
        });
        var refused = await factory.RunAsync<ImportMeetings, ImportResult>("thuky.kyphuong",
            (uc, user) => uc.ImportAsync(user, JsonSerializer.Serialize(document with { Plans = [bad] }, InterchangeDocument.JsonOptions), "ke-hoach.json", CancellationToken.None));
        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Errors, e => e.Contains("gathered.raised-as", StringComparison.Ordinal));
        Assert.False(factory.WithDb(db => db.PlannedDialogues.Any(p => p.Topic == "Bản nhập lỗi")));
    }
}
