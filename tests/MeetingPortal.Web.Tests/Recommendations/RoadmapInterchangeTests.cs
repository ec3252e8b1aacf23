using System.Text.Json;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Seeding;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Recommendations;

/// <summary>Issue 18, deliver 7: roadmaps travel in the JSON interchange, format version 5 (older versions stay readable).</summary>
public sealed class RoadmapInterchangeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Title = "Đảng ủy phường Kỳ Phương";

    /// <summary>Gives the first addressed recommendation of Kỳ Phương's meeting a roadmap with one milestone done; returns its content.</summary>
    private async Task<string> PlanAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var r = await db.Recommendations.Include(x => x.Meeting).Include(x => x.Responses).Include(x => x.Events).Include(x => x.Hops)
            .Include(x => x.Roadmap).ThenInclude(m => m!.Milestones).AsSplitQuery()
            .Where(x => x.Meeting!.Unit!.Code == "p-ky-phuong" && x.Meeting.Title.StartsWith(Title) && x.AddressedToOrganisationId != null && x.SpeechId != null)
            .OrderBy(x => x.Id).FirstAsync();
        var by = new Actor("test", DateTime.UtcNow);
        if (r.State.Allows(RecommendationAction.Reopen))
        {
            r.Reopen("kiểm tra lộ trình", by);
        }

        r.Respond(ResponseKind.Accepted, r.Meeting!.HeldOn.AddDays(5), r.AddressedToOrganisationId, null, "Tiếp thu", by);
        r.PlanRoadmap(new DateOnly(2027, 12, 31), r.AddressedToOrganisationId!.Value,
            [new(null, "Bố trí vốn", r.Meeting.HeldOn.AddDays(30), 40), new(null, "Hoàn thành", new DateOnly(2027, 12, 31), 100)], by);
        await db.SaveChangesAsync();
        r.MarkMilestoneDone(r.Roadmap!.Milestones.OrderBy(m => m.DueOn).First().Id, r.Meeting.HeldOn.AddDays(25), "Đã có quyết định", r.Meeting.HeldOn.AddDays(400), by);
        await db.SaveChangesAsync();
        return r.Content;
    }

    private async Task<InterchangeDocument> ExportAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        return await new InterchangeExporter(db).ExportAsync(db.Meetings.Where(m => m.Unit!.Code == "p-ky-phuong" && m.Title.StartsWith(Title)), CancellationToken.None);
    }

    private async Task<ImportResult> ImportAsync(InterchangeDocument document)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InterchangeImporter>().ImportAsync(document, "roadmap.json", ImportOptions.Unrestricted);
    }

    [Fact]
    public async Task A_roadmap_is_exported_in_version_5_valid_by_the_schema_and_imported_as_it_stood()
    {
        var content = await PlanAsync();
        var document = await ExportAsync();
        Assert.Equal(5, document.FormatVersion);
        var json = JsonSerializer.Serialize(document, InterchangeDocument.JsonOptions);
        Assert.Empty(InterchangeSchema.Validate(json));
        var roadmap = document.Meetings!.SelectMany(m => m.Speeches ?? []).SelectMany(s => s.Recommendations ?? []).Single(r => r.Content == content).Roadmap;
        Assert.NotNull(roadmap);
        Assert.Equal([40, 100], roadmap.Milestones.Select(m => m.SharePercent));
        // The roadmap's steps travel as the roadmap, not as steps of the history.
        Assert.DoesNotContain(document.Meetings!.SelectMany(m => m.Speeches ?? []).SelectMany(s => s.Recommendations ?? []).SelectMany(r => r.History ?? []),
            s => s.Kind is RecommendationEventKind.RoadmapPlanned or RecommendationEventKind.MilestoneDone);

        // Imported as another meeting (the title is the key), the roadmap stands as it was exported.
        var copy = document with { Meetings = [.. document.Meetings!.Select(m => m with { Title = m.Title + " (bản sao lộ trình)" })] };
        var result = await ImportAsync(JsonSerializer.Deserialize<InterchangeDocument>(JsonSerializer.Serialize(copy, InterchangeDocument.JsonOptions), InterchangeDocument.JsonOptions)!);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        factory.WithDb(db =>
        {
            var imported = db.Roadmaps.Include(m => m.Milestones)
                .Single(m => db.Recommendations.Any(r => r.Id == m.RecommendationId && r.Content == content && r.Meeting!.Title.EndsWith("(bản sao lộ trình)")));
            Assert.Equal(new DateOnly(2027, 12, 31), imported.PlannedResolutionOn);
            Assert.Equal(["Bố trí vốn", "Hoàn thành"], imported.Milestones.OrderBy(m => m.DueOn).Select(m => m.Content));
            Assert.Equal("Đã có quyết định", imported.Milestones.OrderBy(m => m.DueOn).First().DoneNote);
            Assert.NotNull(imported.Milestones.OrderBy(m => m.DueOn).First().DoneOn);
            Assert.Null(imported.Milestones.OrderBy(m => m.DueOn).Last().DoneOn);
            return 0;
        });

        // A file that says it is version 4 cannot carry a roadmap: refused at the field, nothing imported.
        var older = copy with { FormatVersion = 4, Meetings = [.. copy.Meetings!.Select(m => m with { Title = m.Title + " 2" })] };
        var refused = await ImportAsync(older);
        Assert.Contains(refused.Errors, e => e.Contains(".roadmap: trường này thuộc định dạng phiên bản 5", StringComparison.Ordinal));
    }
}
