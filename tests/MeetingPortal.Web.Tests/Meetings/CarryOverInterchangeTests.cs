using System.Globalization;
using System.Net;
using System.Text.Json;
using MeetingPortal.Application.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Seeding;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Meetings;

/// <summary>
/// Issue 18, deliver 6 and 7: a meeting's report on earlier recommendations travels in the JSON interchange (format
/// version 5, <c>carriedOver</c>), valid by the schema, and comes back in through the same rules as the form.
/// </summary>
public sealed class CarryOverInterchangeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Recorder = "thuky.kyphuong";

    /// <summary>A draft of Kỳ Phương held on 20/11/2026 reporting on the first two lines its form offers; its id and those lines.</summary>
    private async Task<(int MeetingId, List<int> Lines)> MeetingWithReportAsync()
    {
        var client = await factory.SignInAsync(Recorder);
        var form = await HtmlForm.LoadAsync(client, "/Meetings/Create");
        form["Input.Title"] = "Đối thoại quý IV có báo cáo kỳ trước";
        form["Input.HeldOn"] = "2026-11-20";
        form["Input.Speeches[0].Content"] = "Ủy ban MTTQ phường báo cáo kết quả giải quyết kiến nghị kỳ trước.";
        var lines = form.Checked("Input.CarriedOver").Take(2).ToList();
        form.Check("Input.CarriedOver", lines);
        var saved = await form.PostAsync(client, "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return (int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture),
            lines.Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToList());
    }

    private async Task<InterchangeDocument> ExportAsync(int meetingId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        return await new InterchangeExporter(db).ExportAsync(db.Meetings.Where(m => m.Id == meetingId), new InterchangeExportOptions(false, false, null), CancellationToken.None);
    }

    private Task<ImportResult> ImportAsync(InterchangeDocument document) =>
        factory.RunAsync<ImportMeetings, ImportResult>(Recorder,
            (uc, user) => uc.ImportAsync(user, JsonSerializer.Serialize(document, InterchangeDocument.JsonOptions), "bao-cao-ky-truoc.json", CancellationToken.None));

    private List<(int Id, RecommendationStatus Status, int Times, DateOnly Since)> ReportOf(int meetingId) => factory.WithDb(db =>
        db.CarriedOverRecommendations.AsNoTracking().Where(c => c.MeetingId == meetingId).OrderBy(c => c.Order).AsEnumerable()
            .Select(c => (c.RecommendationId, c.ReportedStatus, c.TimesRaised, c.FirstRaisedOn)).ToList());

    [Fact]
    public async Task A_report_is_exported_valid_by_the_schema_and_imported_as_it_stood()
    {
        var (meetingId, lines) = await MeetingWithReportAsync();

        var document = await ExportAsync(meetingId);
        var json = JsonSerializer.Serialize(document, InterchangeDocument.JsonOptions);

        Assert.Empty(InterchangeSchema.Validate(json));
        var meeting = document.Meetings!.Single();
        Assert.Equal(2, meeting.CarriedOver!.Count);
        Assert.All(meeting.CarriedOver, c => Assert.Equal("p-ky-phuong", c.Recommendation.Unit));

        var copy = meeting with { Title = "Bản nhập: " + meeting.Title };
        var result = await ImportAsync(document with { Meetings = [copy] });

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var imported = factory.WithDb(db => db.Meetings.Single(m => m.Title == copy.Title).Id);
        Assert.Equal(lines, ReportOf(imported).Select(l => l.Id));
        Assert.Equal(ReportOf(meetingId), ReportOf(imported));
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "held before the meeting it reports on", "meeting.carry-not-earlier" },
        { "a line first raised after its latest raising", "meeting.carry-times" },
        { "a recommendation the portal does not have", "không có kiến nghị thứ 99" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_report_that_breaks_the_forms_rules_is_refused_with_its_path_and_nothing_is_imported(string what, string message)
    {
        var (meetingId, _) = await MeetingWithReportAsync();
        var meeting = (await ExportAsync(meetingId)).Meetings!.Single();
        var lines = meeting.CarriedOver!;
        var changed = what switch
        {
            "held before the meeting it reports on" => meeting with { HeldOn = new DateOnly(2022, 1, 10) },
            "a line first raised after its latest raising" => meeting with { CarriedOver = [lines[0] with { FirstRaisedOn = new DateOnly(2026, 1, 1) }] },
            _ => meeting with { CarriedOver = [lines[0] with { Recommendation = lines[0].Recommendation with { Recommendation = 99 } }] },
        };
        var meetings = factory.WithDb(db => db.Meetings.Count());

        var result = await ImportAsync(new InterchangeDocument { Meetings = [changed with { Title = "Bản nhập bị từ chối: " + what }] });

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains("#/meetings[0].carriedOver", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(meetings, factory.WithDb(db => db.Meetings.Count()));
    }
}
