using System.Text.Json;
using System.Text.Json.Nodes;
using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Tests;

/// <summary>
/// Issue 16, deliver 8: format version 3 carries a recommendation's worked history, its recurrence link and a task's
/// target and progress between installations; files of versions 1 and 2 still import.
/// </summary>
public sealed class InterchangeVersion3Tests
{
    private const string KyPhuong = "p-ky-phuong";
    private const string Reason = "Thuộc thẩm quyền của Thị xã, chuyển Ban Dân vận Thị ủy";

    // The refusal cases each spoil a copy of one export; the seeds load once for them (about 13 s a database here).
    private static readonly Lazy<Task<string>> WorkedExport = new(async () =>
    {
        using var first = new TestDatabase();
        await first.LoadSeedsAsync();
        await WorkAsync(first);
        return await ExportAsync(first);
    });

    [Fact]
    public async Task A_worked_recommendation_and_a_task_with_progress_come_back_the_same_from_an_empty_portal()
    {
        using var first = new TestDatabase();
        await first.LoadSeedsAsync();
        await WorkAsync(first);
        var exported = await ExportAsync(first);

        Assert.Empty(InterchangeSchema.Validate(exported));
        var worked = WorkedRecommendation(exported);
        Assert.Equal(
            ["assigned", "responded", "reopened", "forwarded", "responded", "responded", "satisfied"],
            worked["history"]!.AsArray().Select(s => (string)s!["kind"]!).ToList());
        Assert.Equal("2022-03-16", (string)worked["recurrenceOf"]!["heldOn"]!);
        Assert.Equal("tp-ha-tinh", (string)worked["recurrenceOf"]!["unit"]!);
        Assert.Equal(InterchangeDocument.CurrentVersion, JsonNode.Parse(exported)!["formatVersion"]!.GetValue<int>());

        using var second = await EmptyPortalAsync();
        await using (var db = second.NewContext())
        {
            var result = await second.NewImporter(db).ImportJsonAsync(exported, "export.json");
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }

        Assert.Equal(exported, await ExportAsync(second));

        await using var check = second.NewContext();
        var r = await check.Recommendations.Include(x => x.Hops).Include(x => x.Events)
            .SingleAsync(x => x.Meeting!.Unit!.Code == KyPhuong && x.Order == 1);
        Assert.Equal(RecommendationStatus.Closed, r.Status);
        Assert.True(r.Satisfied);
        Assert.Equal(new DateOnly(2026, 11, 19), r.ResolvedOn);
        var hop = Assert.Single(r.Hops);
        Assert.Equal((Reason, new DateOnly(2026, 12, 15), "traloi.kyphuong"), (hop.Reason, hop.DueOn, hop.ForwardedBy));
        Assert.Equal(new DateTime(2026, 11, 10, 2, 0, 0), r.Events.Single(e => e.Kind == RecommendationEventKind.Forwarded).AtUtc);
        var earlier = await check.Recommendations.SingleAsync(x => x.Id == r.RecurrenceOfId);
        Assert.StartsWith("Công tác cán bộ của hội ở cơ sở", earlier.Content, StringComparison.Ordinal);
        var task = await check.Directives.Include(d => d.Progress).SingleAsync(d => check.Meetings.Any(m => m.Id == d.MeetingId && m.Unit!.Code == KyPhuong));
        Assert.Equal((90.0, 95.0, "%", 92.0), (task.TargetLow!.Value, task.TargetHigh!.Value, task.TargetUnit!, task.LatestValue!.Value));
        Assert.Equal(2, task.Progress.Count);
    }

    /// <summary>A history the domain's rules do not give is refused with the path of the step, and nothing of the file is kept.</summary>
    [Theory]
    [InlineData("status", "history[6]: lịch sử không khớp")]
    [InlineData("order", "history[2]: chỉ chuyển kiến nghị đã giao và chưa trả lời")]
    [InlineData("reply", "history[5].response:")]
    [InlineData("end", ".addressedTo: lịch sử kết thúc ở cơ quan khác")]
    [InlineData("link", ".recurrenceOf: không có kiến nghị thứ 9")]
    public async Task A_bad_history_is_refused_with_its_path_and_changes_nothing(string fault, string expected)
    {
        var document = JsonNode.Parse(await WorkedExport.Value)!.AsObject();
        var worked = WorkedRecommendation(document);
        var history = worked["history"]!.AsArray();
        switch (fault)
        {
            case "status":
                // Satisfied closes a resolved matter; the file claims it stayed resolved.
                history[6]!["toStatus"] = "resolved";
                break;
            case "order":
                // The forward moved before the reopening: an answered matter is not forwarded.
                var reopened = history[2]!;
                history.RemoveAt(2);
                history.Insert(4, reopened);
                break;
            case "reply":
                history[5]!["response"] = 1;
                break;
            case "end":
                worked["addressedTo"] = worked["history"]![0]!["body"]!.GetValue<string>();
                break;
            case "link":
                worked["recurrenceOf"]!["recommendation"] = 9;
                break;
        }

        using var second = await EmptyPortalAsync();
        await using (var db = second.NewContext())
        {
            var result = await second.NewImporter(db).ImportJsonAsync(document.ToJsonString(), "bad.json");
            Assert.False(result.Succeeded);
            var error = Assert.Single(result.Errors);
            Assert.StartsWith("#/meetings[1].speeches[2].recommendations[0]", error, StringComparison.Ordinal);
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }

        await using var check = second.NewContext();
        Assert.Equal(0, await check.Meetings.CountAsync());
        Assert.Equal(0, await check.RecommendationEvents.CountAsync());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Files_of_versions_1_and_2_still_import(int version)
    {
        using var portal = await EmptyPortalAsync();
        var file = $$"""
            {"formatVersion":{{version}},"meetings":[{"unit":"p-ky-phuong","type":"dialogue","title":"Đối thoại phiên bản {{version}}",
              "heldOn":"2025-03-03","status":"published","organisations":[{"key":"du","name":"Đảng ủy phường Kỳ Phương","kind":"partyCommittee"}],
              "host":"du","speeches":[{"kind":"recommendation","content":"Phát biểu","recommendations":[{"content":"Kiến nghị","raisedBy":"du",
              "addressedTo":"du","dueOn":"2025-04-30","responses":[{"kind":"accepted","respondedOn":"2025-03-10","content":"Tiếp thu"}]}]}],
              "directives":[{"content":"Nhiệm vụ","assignees":["du"],"dueOn":"2025-06-30"}]}]}
            """;
        await using (var db = portal.NewContext())
        {
            var result = await portal.NewImporter(db).ImportJsonAsync(file, "old.json");
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }

        await using var check = portal.NewContext();
        var r = await check.Recommendations.Include(x => x.Events).SingleAsync();
        Assert.Equal((RecommendationStatus.Answered, new DateOnly(2025, 4, 30)), (r.Status, r.DueOn));
        Assert.Equal([RecommendationEventKind.Assigned, RecommendationEventKind.Responded], r.Events.OrderBy(e => e.Id).Select(e => e.Kind).ToList());
        Assert.Equal(1, await check.Directives.CountAsync());
    }

    [Fact]
    public async Task A_version_2_file_with_a_version_3_field_is_refused_at_that_field()
    {
        using var portal = await EmptyPortalAsync();
        const string file = """
            {"formatVersion":2,"meetings":[{"unit":"p-ky-phuong","type":"dialogue","title":"Tệp lẫn phiên bản","heldOn":"2025-03-03",
              "directives":[{"content":"Nhiệm vụ","target":{"measure":"Tỷ lệ","low":90}}]}]}
            """;
        await using var db = portal.NewContext();
        var result = await portal.NewImporter(db).ImportJsonAsync(file, "mixed.json");
        Assert.StartsWith("#/meetings[0].directives[0].target: trường này thuộc định dạng phiên bản 3", Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.Equal(0, await db.Meetings.CountAsync());
    }

    /// <summary>
    /// Works the first recommendation of the Kỳ Phương seed (answered at the meeting by the ward's Party committee) the way
    /// the pages would: reopened, forwarded once to the town's Ban Dân vận, accepted, resolved, judged satisfactory; linked
    /// as a recurrence of the first TP Hà Tĩnh recommendation; and gives the meeting's task a target with two reports.
    /// </summary>
    private static async Task WorkAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var r = await db.Recommendations.Include(x => x.Meeting).Include(x => x.Events).Include(x => x.Hops).Include(x => x.Responses)
            .SingleAsync(x => x.Meeting!.Unit!.Code == KyPhuong && x.Order == 1);
        var banDanVan = await db.Organisations.Where(o => o.Unit!.Code == "tx-ky-anh" && o.Name.StartsWith("Ban Dân vận")).Select(o => o.Id).SingleAsync();
        var earlier = await db.Recommendations.Include(x => x.Meeting).SingleAsync(x => x.Meeting!.Unit!.Code == "tp-ha-tinh" && x.Order == 1);
        static Actor By(string user, int day, int hour) => new(user, new DateTime(2026, 11, day, hour, 0, 0));

        r.Reopen("Câu trả lời chưa giải quyết được kinh phí", By("theodoi.kyphuong", 9, 1));
        r.Forward(banDanVan, Deadline.Given(new DateOnly(2026, 12, 15)), Reason, By("traloi.kyphuong", 10, 2));
        r.Respond(ResponseKind.Accepted, new DateOnly(2026, 11, 12), banDanVan, null, "Ban Dân vận Thị ủy tiếp thu", By("traloi.kyanh", 12, 3));
        r.Respond(ResponseKind.Resolved, new DateOnly(2026, 11, 19), banDanVan, null, "Đã bố trí kinh phí cho các chi hội", By("traloi.kyanh", 19, 4));
        r.MarkSatisfaction(true, "Hội viên đồng tình", By("theodoi.kyphuong", 20, 5));
        r.LinkAsRecurrenceOf(earlier, earlier.Meeting!.HeldOn, r.Meeting!.HeldOn);

        var task = await db.Directives.Include(d => d.Progress).Include(d => d.Assignees).SingleAsync(d => db.Meetings.Any(m => m.Id == d.MeetingId && m.Unit!.Code == KyPhuong));
        var mttq = task.Assignees.Count > 0 ? task.Assignees[0].OrganisationId : (int?)null;
        task.SetTarget("Tỷ lệ chi hội có kế hoạch hoạt động", 90, 95, "%");
        task.ReportProgress(new DateOnly(2026, 10, 1), "Đã có kế hoạch ở 8/10 chi hội", mttq, "thuky.kyphuong", new DateTime(2026, 10, 1, 3, 0, 0), 80);
        task.ReportProgress(new DateOnly(2026, 11, 1), "Thêm một chi hội có kế hoạch", mttq, "thuky.kyphuong", new DateTime(2026, 11, 1, 3, 0, 0), 92);
        await db.SaveChangesAsync();
    }

    private static async Task<string> ExportAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return JsonSerializer.Serialize(await new InterchangeExporter(db).ExportAsync(db.Meetings, CancellationToken.None), InterchangeDocument.JsonOptions);
    }

    /// <summary>Another installation: its reference data (units, levels, themes), none of the first one's meetings.</summary>
    private static async Task<TestDatabase> EmptyPortalAsync()
    {
        var portal = new TestDatabase();
        await using var db = portal.NewContext();
        var reference = DatabaseInitializer.SeedFiles(TestDatabase.SeedDirectory)[0];
        Assert.True((await portal.NewImporter(db).ImportJsonAsync(await File.ReadAllTextAsync(reference), "reference.json")).Succeeded);
        return portal;
    }

    /// <summary>The Kỳ Phương meeting is the second by date; its first recommendation stands under its third speech.</summary>
    private static JsonObject WorkedRecommendation(string json) => WorkedRecommendation(JsonNode.Parse(json)!.AsObject());

    private static JsonObject WorkedRecommendation(JsonObject document)
    {
        var meeting = document["meetings"]![1]!;
        Assert.Equal(KyPhuong, (string)meeting["unit"]!);
        return meeting["speeches"]![2]!["recommendations"]![0]!.AsObject();
    }
}
