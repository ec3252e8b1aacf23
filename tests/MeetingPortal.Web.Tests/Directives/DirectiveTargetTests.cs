using System.Net;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Directives;

/// <summary>
/// Issue 16, deliver 6: a task's target ("mô hình dân vận khéo đạt tỷ lệ 90 – 95%", Hồng Lĩnh, 19/7/2022) is set on the
/// task, values are reported against it, and the summaries count tasks on and off target, each figure opening the
/// tasks it counts.
/// </summary>
public sealed class DirectiveTargetTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int Task => factory.WithDb(db => db.Directives.Single(d => d.Content == "thực hiện các mô hình dân vận khéo đạt tỷ lệ 90 – 95%").Id);

    private int HongLinh => factory.WithDb(db => db.Units.Single(u => u.Code == "tx-hong-linh").Id);

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, int id, string handler, Dictionary<string, string> fields)
    {
        var token = await client.GetAntiforgeryTokenAsync($"/Directives/{id}");
        var version = factory.WithDb(db => db.Directives.Single(d => d.Id == id).Version);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token, ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return await client.PostAsync($"/Directives/{id}?handler={handler}", new FormUrlEncodedContent(form));
    }

    private (string? Measure, double? Low, double? High, double? Latest) Stored(int id) =>
        factory.WithDb(db => db.Directives.Where(d => d.Id == id).Select(d => new { d.TargetMeasure, d.TargetLow, d.TargetHigh, d.LatestValue }).AsEnumerable()
            .Select(d => (d.TargetMeasure, d.TargetLow, d.TargetHigh, d.LatestValue)).Single());

    private static Dictionary<string, string> Target(string measure, string low, string high, string unit) =>
        new() { ["Target.Measure"] = measure, ["Target.Low"] = low, ["Target.High"] = high, ["Target.Unit"] = unit };

    [Fact]
    public async Task A_target_that_is_not_one_is_said_beside_its_field_and_nothing_is_stored()
    {
        var id = Task;
        var before = Stored(id);
        var tracker = await factory.SignInAsync("theodoi.hatinh");
        foreach (var (fields, field, message) in new[]
        {
            (Target("Tỷ lệ mô hình đạt chuẩn", "chín mươi", "95", "%"), "target-low-error", "Nhập một số"),
            (Target("Tỷ lệ mô hình đạt chuẩn", "95", "90", "%"), "target-low-error", "Mức cần đạt không được lớn hơn mức trần"),
            (Target("", "90", "95", "%"), "target-measure-error", "Chỉ tiêu cần nêu nội dung đo"),
            (Target("Tỷ lệ mô hình đạt chuẩn", "", "", "%"), "target-low-error", "mức cần đạt hoặc mức trần"),
            (Target("Tỷ lệ mô hình đạt chuẩn", "1.000,5", "", "%"), "target-low-error", "Nhập một số"),
        })
        {
            var response = await PostAsync(tracker, id, "Target", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains(message, page.Node($"//*[@id='{field}']").InnerText, StringComparison.Ordinal);
            // What was typed stays in the form.
            Assert.Equal(fields["Target.Low"], WebUtility.HtmlDecode(page.Node("//input[@id='target-low']").GetAttributeValue("value", "")));
            Assert.Equal(before, Stored(id));
        }
    }

    [Fact]
    public async Task Values_reported_against_a_range_count_on_and_off_target_in_the_summary_and_each_figure_opens_its_tasks()
    {
        var id = Task;
        var tracker = await factory.SignInAsync("theodoi.hatinh");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(tracker, id, "Target", Target("Tỷ lệ mô hình dân vận khéo đạt chuẩn", "90", "95", "%"))).StatusCode);
        Assert.Equal(("Tỷ lệ mô hình dân vận khéo đạt chuẩn", 90d, 95d, (double?)null), Stored(id));
        var page = await tracker.GetHtmlAsync($"/Directives/{id}");
        Assert.Contains("Tỷ lệ mô hình dân vận khéo đạt chuẩn: từ 90 đến 95 %", page.Text(), StringComparison.Ordinal);
        Assert.Contains("Chưa báo cáo số liệu", page.Text(), StringComparison.Ordinal);

        var summary = $"/Reports/Quarterly?unit={HongLinh}&year=2022";
        var leader = await factory.SignInAsync("lanhdao.hatinh");
        var figures = await leader.GetHtmlAsync(summary);
        Assert.Equal("1", figures.Cell("Nhiệm vụ có chỉ tiêu"));
        Assert.Equal("1", figures.Cell("Chưa báo cáo số liệu"));

        // A value typed the Vietnamese way: 85,5 is below the value to reach.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(tracker, id, "Report", new() { ["Report.Text"] = "Đã có 17/20 mô hình đạt chuẩn", ["Report.Value"] = "85,5" })).StatusCode);
        Assert.Equal(85.5, Stored(id).Latest);
        figures = await leader.GetHtmlAsync(summary);
        Assert.Equal("1", figures.Cell("Chưa đạt chỉ tiêu"));
        Assert.Equal("0 / 1 (0%)", figures.Cell("Đạt chỉ tiêu / có chỉ tiêu"));
        await DrillDown.AssertEveryFigureHoldsAsync(leader, summary);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(tracker, id, "Report", new() { ["Report.Text"] = "Đạt 92,5%", ["Report.Value"] = "92.5" })).StatusCode);
        figures = await leader.GetHtmlAsync(summary);
        Assert.Equal("1 / 1 (100%)", figures.Cell("Đạt chỉ tiêu / có chỉ tiêu"));
        Assert.Equal("0", figures.Cell("Chưa đạt chỉ tiêu"));
        Assert.Contains("Đạt chỉ tiêu", (await tracker.GetHtmlAsync($"/Directives/{id}")).Node("//dl[contains(@class,'facts')]").InnerText, StringComparison.Ordinal);
        var lists = await DrillDown.AssertEveryFigureHoldsAsync(leader, summary);
        Assert.Contains("/Directives", lists);
    }

    [Fact]
    public async Task The_assignee_side_does_not_set_its_own_target_and_another_unit_does_not_see_the_task()
    {
        var id = Task;
        var before = Stored(id);
        var responder = await factory.SignInAsync("traloi.hatinh");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(responder, id, "Target", Target("Tỷ lệ", "90", "", "%"))).StatusCode);
        Assert.Empty((await responder.GetHtmlAsync($"/Directives/{id}")).Nodes("//form[contains(@action,'handler=Target')]"));
        var elsewhere = await factory.SignInAsync("theodoi.tphatinh");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/Directives/{id}")).StatusCode);
        Assert.Equal(before, Stored(id));
    }

    [Fact]
    public async Task A_value_for_a_task_without_a_target_is_refused_beside_the_field()
    {
        var id = factory.WithDb(db => db.Directives.Single(d => d.Content.StartsWith("yêu cầu MTTQ và các tổ chức đoàn thể xây dựng kế hoạch")).Id);
        var tracker = await factory.SignInAsync("theodoi.kyphuong");
        var response = await PostAsync(tracker, id, "Report", new() { ["Report.Text"] = "Đã làm", ["Report.Value"] = "50" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("chưa có chỉ tiêu", Html.Parse(await response.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(0, factory.WithDb(db => db.Directives.Where(d => d.Id == id).SelectMany(d => d.Progress).Count()));
        Assert.Equal(TargetState.None, factory.WithDb(db => db.Directives.Single(d => d.Id == id).TargetState));
    }
}
