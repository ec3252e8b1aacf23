using System.Text.Json;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Seeding;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Plans;

/// <summary>
/// Issue 18, deliver 7: dialogue plans travel in the JSON interchange (format version 5), valid by the schema, and come in
/// through the same permission and rules as the plan's form.
/// </summary>
public sealed class PlanInterchangeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<InterchangeDocument> ExportAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var path = await db.Units.Where(u => u.Code == "p-ky-phuong").Select(u => u.Path).SingleAsync();
        return await new InterchangeExporter(db).ExportAsync(db.Meetings.Where(m => m.Id < 0), new InterchangeExportOptions(false, false, path, Plans: true), CancellationToken.None);
    }

    private static InterchangeDocument RoundTrip(InterchangeDocument document) =>
        JsonSerializer.Deserialize<InterchangeDocument>(JsonSerializer.Serialize(document, InterchangeDocument.JsonOptions), InterchangeDocument.JsonOptions)!;

    [Fact]
    public async Task A_plan_is_exported_valid_by_the_schema_and_imported_as_it_stood_by_the_units_recorder()
    {
        var front = factory.Body("p-ky-phuong", OrganisationKind.FatherlandFront);
        var committee = factory.Body("p-ky-phuong", OrganisationKind.PartyCommittee);
        var held = factory.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Quarter, 2022, 2), "Đối thoại về công tác cán bộ cơ sở", factory.KyPhuongMeeting());
        var cancelled = factory.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Month, 2022, 8), "Đối thoại về trật tự đô thị");
        factory.WithDb(db =>
        {
            var entry = db.PlannedDialogues.Include(p => p.Counterparts).Single(p => p.Id == cancelled);
            entry.Change(entry.Period, entry.Topic, committee, MeetingFormat.Hybrid, true, [front]);
            entry.Cancel("Gộp vào hội nghị quý III", new DateOnly(2022, 7, 20));
            return db.SaveChanges();
        });

        var document = await ExportAsync();
        var json = JsonSerializer.Serialize(document, InterchangeDocument.JsonOptions);
        Assert.Empty(InterchangeSchema.Validate(json));
        Assert.Equal(5, document.FormatVersion);
        var plans = document.Plans!;
        Assert.Equal(2, plans.Count);
        Assert.StartsWith("Đảng ủy phường Kỳ Phương", plans[0].Meeting!.Title, StringComparison.Ordinal);
        Assert.Equal(("Đảng ủy phường Kỳ Phương", "Ủy ban MTTQ phường Kỳ Phương", true), (plans[1].Host, plans[1].Counterparts!.Single(), plans[1].WithPeople!.Value));

        // The same file again is skipped; with the first entry unlinked and both renamed, it is imported as written.
        var again = await factory.RunAsync<MeetingPortal.Application.Meetings.ImportMeetings, ImportResult>("thuky.kyphuong",
            (uc, user) => uc.ImportAsync(user, json, "ke-hoach.json", CancellationToken.None));
        Assert.True(again.Succeeded, string.Join("\n", again.Errors));
        Assert.Equal(2, again.Skipped.Count);
        var renamed = document with { Plans = [plans[0] with { Topic = "Bản nhập: " + plans[0].Topic, Meeting = null }, plans[1] with { Topic = "Bản nhập: " + plans[1].Topic }] };
        var result = await factory.RunAsync<MeetingPortal.Application.Meetings.ImportMeetings, ImportResult>("thuky.kyphuong",
            (uc, user) => uc.ImportAsync(user, JsonSerializer.Serialize(RoundTrip(renamed), InterchangeDocument.JsonOptions), "ke-hoach.json", CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(2, result.Created.Count);
        factory.WithDb(db =>
        {
            var imported = db.PlannedDialogues.Include(p => p.Counterparts).Single(p => p.Topic == "Bản nhập: Đối thoại về trật tự đô thị");
            Assert.Equal((committee, MeetingFormat.Hybrid, true, "Gộp vào hội nghị quý III"), (imported.HostOrganisationId!.Value, imported.PlannedFormat, imported.WithPeople, imported.CancelReason!));
            Assert.Equal([front], imported.Counterparts.Select(c => c.OrganisationId));
            return 0;
        });
        Assert.NotNull(factory.Stored(held).MeetingId);
    }

}

/// <summary>Issue 18, deliver 7: a plan entry in a file is refused by the same rules as the form, and the whole file with it.</summary>
public sealed class PlanImportRefusalTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<InterchangeDocument> ExportAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var path = await db.Units.Where(u => u.Code == "p-ky-phuong").Select(u => u.Path).SingleAsync();
        return await new InterchangeExporter(db).ExportAsync(db.Meetings.Where(m => m.Id < 0), new InterchangeExportOptions(false, false, path, Plans: true), CancellationToken.None);
    }

    [Fact]
    public async Task Another_wards_recorder_a_meeting_already_held_and_an_older_version_are_refused_and_nothing_is_imported()
    {
        factory.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Quarter, 2022, 2), "Đối thoại đã tổ chức", factory.KyPhuongMeeting());
        var count = factory.WithDb(db => db.PlannedDialogues.Count());
        var document = await ExportAsync();
        var entry = document.Plans!.Single() with { Topic = "Đối thoại mới" };

        async Task<ImportResult> ImportAsync(string user, InterchangeDocument file) =>
            await factory.RunAsync<MeetingPortal.Application.Meetings.ImportMeetings, ImportResult>(user,
                (uc, principal) => uc.ImportAsync(principal, JsonSerializer.Serialize(file, InterchangeDocument.JsonOptions), "ke-hoach.json", CancellationToken.None));

        var neighbour = await ImportAsync("thuky.tranphu", document with { Plans = [entry with { Meeting = null }] });
        Assert.Contains(neighbour.Errors, e => e.StartsWith("#/plans[0].unit: tài khoản này không được lập kế hoạch đối thoại", StringComparison.Ordinal));
        var taken = await ImportAsync("thuky.kyphuong", document with { Plans = [entry] });
        Assert.Contains(taken.Errors, e => e.StartsWith("#/plans[0].meeting: hội nghị này đã được gắn", StringComparison.Ordinal));
        var halfYear = await ImportAsync("thuky.kyphuong", document with { Plans = [entry with { Meeting = null, Period = new PeriodData(PeriodKind.HalfYear, 2022, 1) }] });
        Assert.Contains(halfYear.Errors, e => e.StartsWith("#/plans[0].period", StringComparison.Ordinal));
        var older = await ImportAsync("thuky.kyphuong", document with { FormatVersion = 4, Plans = [entry with { Meeting = null }] });
        Assert.Contains(older.Errors, e => e.StartsWith("#/plans[0]: trường này thuộc định dạng phiên bản 5", StringComparison.Ordinal));
        Assert.Equal(count, factory.WithDb(db => db.PlannedDialogues.Count()));
    }
}
