using System.Text.Json;
using MeetingPortal.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Tests;

public sealed class RoundTripTests
{
    [Fact]
    public async Task Exporting_the_five_seeds_and_importing_them_elsewhere_loses_nothing()
    {
        using var first = new TestDatabase();
        await first.LoadSeedsAsync();
        string exported;
        await using (var db = first.NewContext())
        {
            var document = await new InterchangeExporter(db).ExportAsync(db.Meetings, CancellationToken.None);
            Assert.Equal(5, document.Meetings!.Count);
            exported = JsonSerializer.Serialize(document, InterchangeDocument.JsonOptions);
        }

        Assert.Empty(InterchangeSchema.Validate(exported));

        using var second = new TestDatabase();
        await using (var db = second.NewContext())
        {
            var reference = DatabaseInitializer.SeedFiles(TestDatabase.SeedDirectory)[0];
            Assert.True((await second.NewImporter(db).ImportJsonAsync(await File.ReadAllTextAsync(reference), "reference.json")).Succeeded);
        }

        await using (var db = second.NewContext())
        {
            var result = await second.NewImporter(db).ImportJsonAsync(exported, "export.json");
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            Assert.Equal(5, result.Created.Count);
        }

        await using (var db = second.NewContext())
        {
            var again = JsonSerializer.Serialize(await new InterchangeExporter(db).ExportAsync(db.Meetings, CancellationToken.None), InterchangeDocument.JsonOptions);
            Assert.Equal(exported, again);
            await using var source = first.NewContext();
            Assert.Equal(
                await source.Recommendations.OrderBy(r => r.Content).Select(r => new { r.Content, r.Status, Responses = r.Responses.Count() }).ToListAsync(),
                await db.Recommendations.OrderBy(r => r.Content).Select(r => new { r.Content, r.Status, Responses = r.Responses.Count() }).ToListAsync());
        }
    }

    [Fact]
    public async Task Importing_the_same_export_twice_skips_the_duplicates()
    {
        using var database = new TestDatabase();
        await database.LoadSeedsAsync();
        await using var db = database.NewContext();
        var exported = JsonSerializer.Serialize(await new InterchangeExporter(db).ExportAsync(db.Meetings, CancellationToken.None), InterchangeDocument.JsonOptions);
        var result = await database.NewImporter(db).ImportJsonAsync(exported, "again.json");
        Assert.True(result.Succeeded);
        Assert.Empty(result.Created);
        Assert.Equal(5, result.Skipped.Count);
    }

    [Fact]
    public async Task A_meeting_outside_the_allowed_units_refuses_the_whole_file()
    {
        using var first = new TestDatabase();
        await first.LoadSeedsAsync();
        string exported;
        await using (var db = first.NewContext())
        {
            exported = JsonSerializer.Serialize(await new InterchangeExporter(db).ExportAsync(db.Meetings, CancellationToken.None), InterchangeDocument.JsonOptions);
        }

        using var second = new TestDatabase();
        await using (var db = second.NewContext())
        {
            await second.NewImporter(db).ImportJsonAsync(await File.ReadAllTextAsync(DatabaseInitializer.SeedFiles(TestDatabase.SeedDirectory)[0]), "reference.json");
        }

        await using (var db = second.NewContext())
        {
            var kyPhuongPath = await db.Units.Where(u => u.Code == "p-ky-phuong").Select(u => u.Path).SingleAsync();
            var options = new ImportOptions(path => Task.FromResult(path.StartsWith(kyPhuongPath, StringComparison.Ordinal)), AllowReferenceData: false);
            var result = await second.NewImporter(db).ImportJsonAsync(exported, "export.json", options);
            Assert.False(result.Succeeded);
            Assert.Contains(result.Errors, e => e.StartsWith("#/meetings[0].unit", StringComparison.Ordinal) && e.Contains("nằm ngoài phạm vi của bạn", StringComparison.Ordinal));
            Assert.Empty(result.Created);
        }

        await using (var check = second.NewContext())
        {
            Assert.Equal(0, await check.Meetings.CountAsync());
        }
    }
}
