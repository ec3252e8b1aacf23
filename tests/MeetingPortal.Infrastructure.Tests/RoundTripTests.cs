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

    /// <summary>
    /// Issue 14, item 9: an unknown unit code answered "không có đơn vị", one outside the importer's scope "nằm ngoài
    /// phạm vi", so a file could probe which codes exist. Both get one answer now, for the meeting's unit and for the
    /// unit an organisation belongs to.
    /// </summary>
    [Fact]
    public async Task An_unknown_unit_code_and_one_outside_the_scope_get_the_same_answer()
    {
        using var first = new TestDatabase();
        await first.LoadSeedsAsync();
        string exported;
        await using (var db = first.NewContext())
        {
            exported = JsonSerializer.Serialize(await new InterchangeExporter(db).ExportAsync(db.Meetings.Where(m => m.Unit!.Code == "p-ky-phuong"), CancellationToken.None), InterchangeDocument.JsonOptions);
        }

        using var second = new TestDatabase();
        await second.LoadSeedsAsync();
        await using var check = second.NewContext();
        var kyPhuongPath = await check.Units.Where(u => u.Code == "p-ky-phuong").Select(u => u.Path).SingleAsync();
        var options = new ImportOptions(path => Task.FromResult(path.StartsWith(kyPhuongPath, StringComparison.Ordinal)), AllowReferenceData: false);

        async Task<List<string>> ErrorsWithAsync(Action<System.Text.Json.Nodes.JsonObject> change, string code)
        {
            var document = System.Text.Json.Nodes.JsonNode.Parse(exported)!.AsObject();
            var meeting = document["meetings"]![0]!.AsObject();
            meeting["title"] = "Hội nghị thử mã đơn vị " + code;
            change(meeting);
            await using var db = second.NewContext();
            var result = await second.NewImporter(db).ImportJsonAsync(document.ToJsonString(), "probe.json", options);
            Assert.False(result.Succeeded);
            return result.Errors.Select(e => e.Replace(code, "…", StringComparison.Ordinal)).ToList();
        }

        // p-tran-phu exists (another ward); p-khong-co does not. Each answer is about the unit, and the two are one.
        var meetingUnit = await ErrorsWithAsync(m => m["unit"] = "p-tran-phu", "p-tran-phu");
        Assert.Contains(meetingUnit, e => e.Contains("đơn vị … không có hoặc nằm ngoài phạm vi của bạn", StringComparison.Ordinal));
        Assert.Equal(meetingUnit, await ErrorsWithAsync(m => m["unit"] = "p-khong-co", "p-khong-co"));
        System.Text.Json.Nodes.JsonArray Organisation(string unit) =>
            new(new System.Text.Json.Nodes.JsonObject { ["key"] = "thu", ["name"] = "Tổ chức thử", ["kind"] = "socioPoliticalOrganisation", ["unit"] = unit });
        var organisationUnit = await ErrorsWithAsync(m => m["organisations"] = Organisation("p-tran-phu"), "p-tran-phu");
        Assert.Contains(organisationUnit, e => e.Contains("đơn vị … không phải đơn vị của hội nghị", StringComparison.Ordinal));
        Assert.Equal(organisationUnit, await ErrorsWithAsync(m => m["organisations"] = Organisation("p-khong-co"), "p-khong-co"));
    }
}
