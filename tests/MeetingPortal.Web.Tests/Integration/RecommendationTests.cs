using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class RecommendationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int RecommendationId(string contentStart) =>
        factory.WithDb(db => db.Recommendations.Single(r => r.Content.StartsWith(contentStart)).Id);

    private RecommendationStatus StatusOf(int id) => factory.WithDb(db => db.Recommendations.Single(r => r.Id == id).Status);

    private static async Task<HttpResponseMessage> ActAsync(HttpClient client, int id, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetAsync($"/Recommendations/{id}");
        page.EnsureSuccessStatusCode();
        var html = Html.Parse(await page.Content.ReadAsStringAsync());
        var token = html.Node("//input[@name='__RequestVerificationToken']").GetAttributeValue("value", "");
        var versions = html.Nodes("//input[contains(@name,'.Version')]");
        var version = versions.Count > 0 ? versions[0].GetAttributeValue("value", "0") : "0";
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) };
        foreach (var prefix in new[] { "Assign", "Respond", "Reason" })
        {
            form.TryAdd($"{prefix}.Version", version);
        }

        return await client.PostAsync($"/Recommendations/{id}?handler={handler}", new FormUrlEncodedContent(form));
    }

    private static async Task<string> PageTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.Parse(await response.Content.ReadAsStringAsync()).Text();
    }

    [Fact]
    public async Task The_tracker_counts_per_status_inside_the_scope()
    {
        var province = await factory.SignInAsync("theodoi.hatinh");
        var page = await province.GetHtmlAsync("/Recommendations");
        var counts = page.Node("//nav[@class='status-counts']").InnerText;
        // Hà Tĩnh holds the TP Hà Tĩnh (3, answered) and Kỳ Phương (6, answered) recommendations.
        Assert.Contains("Tất cả: 9", HtmlAgilityPack.HtmlEntity.DeEntitize(counts).Replace("\n", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("9 kiến nghị", page.Text(), StringComparison.Ordinal);

        var ward = await factory.SignInAsync("theodoi.tranphu");
        Assert.Contains("0 kiến nghị", (await ward.GetHtmlAsync("/Recommendations")).Text(), StringComparison.Ordinal);
        var answered = await province.GetHtmlAsync("/Recommendations?status=Answered&theme=" + factory.WithDb(db => db.Themes.Single(t => t.Code == "staff-allowances").Id));
        Assert.Equal(4, answered.Nodes("//table[contains(@class,'data-table')]/tbody/tr").Count);
    }

    [Fact]
    public async Task Overdue_and_due_soon_are_counted_in_working_days()
    {
        var overdue = RecommendationId("Đề nghị huyện xem xét thành lập quỹ khuyến học");
        var soon = RecommendationId("Hiện tại điều kiện cơ sở vật chất");
        await DueDates.PutOthersOutOfReachAsync(factory.Services, "Đề nghị huyện xem xét thành lập quỹ khuyến học", "Hiện tại điều kiện cơ sở vật chất");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeetingPortal.Infrastructure.Persistence.MeetingPortalDbContext>();
            var calendar = scope.ServiceProvider.GetRequiredService<MeetingPortal.Infrastructure.Persistence.CalendarService>();
            var working = await calendar.CalendarAsync(CancellationToken.None);
            var by = new Actor("test", DateTime.UtcNow);
            var first = await db.Recommendations.Include(r => r.Meeting).SingleAsync(r => r.Id == overdue);
            first.AssignTo(first.AddressedToOrganisationId!.Value, calendar.Today.AddDays(-3), by);
            var second = await db.Recommendations.Include(r => r.Meeting).SingleAsync(r => r.Id == soon);
            second.AssignTo(second.AddressedToOrganisationId!.Value, working.AddWorkingDays(calendar.Today, 2), by);
            await db.SaveChangesAsync();
        }

        var admin = await factory.SignInAsync("quantri.toanquoc");
        var overduePage = await admin.GetHtmlAsync("/Recommendations?overdue=true");
        Assert.Single(overduePage.Nodes("//table[contains(@class,'data-table')]/tbody/tr"));
        Assert.Contains("quỹ khuyến học", overduePage.Text(), StringComparison.Ordinal);
        Assert.Contains("(quá hạn)", overduePage.Text(), StringComparison.Ordinal);
        var soonPage = await admin.GetHtmlAsync("/Recommendations?dueWithin=3");
        Assert.Single(soonPage.Nodes("//table[contains(@class,'data-table')]/tbody/tr"));
        Assert.Empty((await admin.GetHtmlAsync("/Recommendations?dueWithin=1")).Nodes("//table[contains(@class,'data-table')]/tbody/tr"));
        var detail = await admin.GetHtmlAsync($"/Recommendations/{overdue}");
        Assert.Contains("quá hạn", detail.Text(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The filtered list as CSV and XLSX, each under a title block that says what it holds (the unit, the filter in
    /// words, the count, who exported it and when) in a file named after the unit and the period (issue 15, deliver 5).
    /// </summary>
    [Fact]
    public async Task Csv_and_xlsx_export_the_filtered_list()
    {
        // TP Hà Tĩnh's three answered recommendations, raised at its meeting of 16 March 2022; no other test here changes them.
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "tp-ha-tinh").Id);
        var province = await factory.SignInAsync("theodoi.hatinh");
        var csv = await province.GetAsync($"/Recommendations?handler=Export&format=csv&status=Answered&unit={unit}&year=2022&quarter=1");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("Theo dõi kiến nghị - Thành phố Hà Tĩnh - Quý I-2022.csv", csv.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.True(csv.Content.Headers.ContentDisposition.FileName!.All(char.IsAscii));
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        using var reader = CsvHelper.CsvReader.Create(bytes, new CsvHelper.CsvReaderOptions
        {
            Separator = ';',
            HasHeader = false,
            FormatProvider = System.Globalization.CultureInfo.GetCultureInfo("vi-VN"),
        });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(reader.Current.ToArray());
        }

        var title = records.TakeWhile(r => r.Length == 1).Select(r => r[0]).ToList();
        Assert.Equal("Theo dõi kiến nghị", title[0]);
        Assert.Contains("Đơn vị: Thành phố Hà Tĩnh (gồm các đơn vị cấp dưới)", title);
        Assert.Contains("Trạng thái: Đã trả lời", title);
        Assert.Contains("Năm: 2022", title);
        Assert.Contains("Quý: 1", title);
        Assert.Contains("3 kiến nghị", title);
        Assert.Contains(title, l => l.StartsWith("Xuất lúc ", StringComparison.Ordinal) && l.Contains("người xuất: ", StringComparison.Ordinal));
        var table = records.Skip(title.Count).ToList();
        Assert.Equal(1 + 3, table.Count);
        Assert.Equal(["Mã", "Ngày", "Đơn vị"], table[0][..3]);
        Assert.All(table, r => Assert.Equal(table[0].Length, r.Length));
        Assert.All(table.Skip(1), r => Assert.Equal(["16/03/2022", "Thành phố Hà Tĩnh"], r[1..3]));

        var xlsx = await province.GetAsync($"/Recommendations?handler=Export&format=xlsx&unit={unit}");
        Assert.Equal("Theo dõi kiến nghị - Thành phố Hà Tĩnh - tất cả.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar);
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        var header = rows.Single(r => r.Elements<Cell>().Count() > 1 && r.Elements<Cell>().First().InnerText == "Mã");
        Assert.Equal("Theo dõi kiến nghị", rows[0].InnerText);
        Assert.Contains(rows, r => r.InnerText == "Đơn vị: Thành phố Hà Tĩnh (gồm các đơn vị cấp dưới)");
        Assert.Contains(rows, r => r.InnerText.StartsWith("Tiêu chí lọc: không có", StringComparison.Ordinal));
        Assert.Equal(3, rows.Count(r => r.RowIndex!.Value > header.RowIndex!.Value));
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal($"A{header.RowIndex!.Value + 1}", pane.TopLeftCell!.Value);
        Assert.Equal($"A{header.RowIndex!.Value}:K{header.RowIndex!.Value + 3}", sheet.Elements<AutoFilter>().Single().Reference!.Value);
        var firstId = rows[(int)header.RowIndex!.Value].Elements<Cell>().First();
        Assert.Equal(CellValues.Number, firstId.DataType!.Value);
        // The recommendation's text is the long column: it wraps at the widest column instead of running on.
        var content = sheet.Descendants<Column>().Single(c => c.Min!.Value == 5);
        Assert.InRange(content.Width!.Value, 8, 60);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document));
    }

    [Fact]
    public async Task A_recommendation_goes_from_assigned_through_answer_judgement_resolution_closing_and_reopening()
    {
        var id = RecommendationId("Việc xây dựng nhà vườn sinh thái");
        var admin = await factory.SignInAsync("quantri.toanquoc");
        Assert.Equal(RecommendationStatus.Assigned, StatusOf(id));

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, id, "Respond", new() { ["Respond.Kind"] = "InProgress", ["Respond.Content"] = "Phòng Nông nghiệp đang khảo sát" })).StatusCode);
        Assert.Equal(RecommendationStatus.InProgress, StatusOf(id));
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, id, "Respond", new() { ["Respond.Kind"] = "Explained", ["Respond.Content"] = "Đã hướng dẫn quy trình" })).StatusCode);
        Assert.Equal(RecommendationStatus.Answered, StatusOf(id));

        var refused = await ActAsync(admin, id, "Judge", new() { ["satisfied"] = "false", ["Reason.Text"] = "" });
        Assert.Contains("Hãy nêu lý do.", await PageTextAsync(refused), StringComparison.Ordinal);
        Assert.Equal(RecommendationStatus.Answered, StatusOf(id));
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, id, "Judge", new() { ["satisfied"] = "false", ["Reason.Text"] = "Hướng dẫn chưa cụ thể" })).StatusCode);
        Assert.Equal(RecommendationStatus.Assigned, StatusOf(id));

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, id, "Respond", new() { ["Respond.Kind"] = "Resolved", ["Respond.Content"] = "Đã cử cán bộ hỗ trợ từng hộ" })).StatusCode);
        Assert.Equal(RecommendationStatus.Resolved, StatusOf(id));
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, id, "Close", new() { ["Reason.Text"] = "" })).StatusCode);
        Assert.Equal(RecommendationStatus.Closed, StatusOf(id));
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, id, "Reopen", new() { ["Reason.Text"] = "Hộ dân phản ánh chưa được hỗ trợ" })).StatusCode);
        Assert.Equal(RecommendationStatus.Assigned, StatusOf(id));

        var page = await admin.GetHtmlAsync($"/Recommendations/{id}");
        var history = page.Node("//section[@class='history']").InnerText;
        foreach (var step in new[] { "Trả lời", "Chưa hài lòng", "Mở lại", "Đóng", "Hướng dẫn chưa cụ thể", "Hộ dân phản ánh chưa được hỗ trợ" })
        {
            Assert.Contains(step, HtmlAgilityPack.HtmlEntity.DeEntitize(history), StringComparison.Ordinal);
        }

        Assert.True(factory.WithDb(db => db.RecommendationEvents.Count(e => e.RecommendationId == id)) >= 8);
    }

    [Fact]
    public async Task An_action_refused_by_the_workflow_is_a_message_and_changes_nothing()
    {
        var id = RecommendationId("Công tác nhân sự BCH các chi hội");
        var tracker = await factory.SignInAsync("theodoi.kyphuong");
        var response = await ActAsync(tracker, id, "Close", new() { ["Reason.Text"] = "" });
        Assert.Contains("Chỉ đóng được kiến nghị đã giải quyết.", await PageTextAsync(response), StringComparison.Ordinal);
        Assert.Equal(RecommendationStatus.Answered, StatusOf(id));
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_a_message()
    {
        var id = RecommendationId("Nguồn kinh phí hoạt động của các chi hội");
        var tracker = await factory.SignInAsync("theodoi.kyphuong");
        var response = await ActAsync(tracker, id, "Reopen", new() { ["Reason.Version"] = "999", ["Reason.Text"] = "Thử" });
        Assert.Contains("vừa được người khác cập nhật", await PageTextAsync(response), StringComparison.Ordinal);
        Assert.Equal(RecommendationStatus.Answered, StatusOf(id));
    }

    [Fact]
    public async Task Roles_and_scope_decide_who_may_act()
    {
        var id = RecommendationId("Công tác tập hợp, thu hút hội viên");
        var leader = await factory.SignInAsync("lanhdao.kyphuong");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/Recommendations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(leader, id, "Reopen", new() { ["Reason.Text"] = "x" })).StatusCode);
        var outsider = await factory.SignInAsync("theodoi.tranphu");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Recommendations/{id}")).StatusCode);
        var otherBody = await factory.SignInAsync("traloi.tphatinh");
        Assert.Equal(HttpStatusCode.NotFound, (await otherBody.GetAsync($"/Recommendations/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_reopened_matter_reaches_the_responders_queue_and_is_answered_there()
    {
        var id = RecommendationId("Khó khăn trong các hoạt động phong trào thi đua");
        var tracker = await factory.SignInAsync("theodoi.kyphuong");
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(tracker, id, "Reopen", new() { ["Reason.Text"] = "Cần trả lời cụ thể" })).StatusCode);

        var responder = await factory.SignInAsync("traloi.kyphuong");
        var queue = await responder.GetHtmlAsync("/Recommendations/Queue");
        Assert.Contains("Khó khăn trong các hoạt động phong trào thi đua", queue.Text(), StringComparison.Ordinal);
        var form = queue.Node($"//article[h2[@id='item-{id}']]//form[contains(@class,'inline-answer')]");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(form.SelectSingleNode(".//input[@name='__RequestVerificationToken']")!.GetAttributeValue("value", "")),
            ["Respond.Version"] = form.SelectSingleNode(".//input[@name='Respond.Version']")!.GetAttributeValue("value", ""),
            ["Respond.Kind"] = "Accepted",
            ["Respond.Content"] = "Đảng ủy tiếp thu, giao UBND phường bố trí kinh phí thi đua.",
        };
        var answered = await responder.PostAsync(WebUtility.HtmlDecode(form.GetAttributeValue("action", "")), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(RecommendationStatus.Answered, StatusOf(id));
        Assert.Equal("Đảng ủy phường Kỳ Phương", factory.WithDb(db => db.Responses.Where(r => r.RecommendationId == id).OrderBy(r => r.Id).Select(r => r.Organisation!.Name).ToList()).Last());
        Assert.DoesNotContain("Khó khăn trong các hoạt động phong trào thi đua", (await responder.GetHtmlAsync("/Recommendations/Queue")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_responder_cannot_answer_for_another_body()
    {
        var id = RecommendationId("Công tác cán bộ của hội ở cơ sở");
        var other = await factory.SignInAsync("traloi.hatinh");
        var response = await ActAsync(other, id, "Respond", new() { ["Respond.Kind"] = "Accepted", ["Respond.Content"] = "x" });
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Assigning_without_a_date_counts_the_working_days_of_the_rules()
    {
        var id = RecommendationId("Một số lĩnh vưc có liên quan đến quyền lợi");
        var tracker = await factory.SignInAsync("theodoi.kyphuong");
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(tracker, id, "Reopen", new() { ["Reason.Text"] = "Giao lại cho UBND" })).StatusCode);
        var body = factory.WithDb(db => db.Organisations.Single(o => o.Name == "Ủy ban nhân dân phường Kỳ Phương").Id);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(tracker, id, "Assign", new() { ["Assign.OrganisationId"] = body.ToString(System.Globalization.CultureInfo.InvariantCulture) })).StatusCode);

        using var scope = factory.Services.CreateScope();
        var calendar = scope.ServiceProvider.GetRequiredService<MeetingPortal.Infrastructure.Persistence.CalendarService>();
        var expected = (await calendar.CalendarAsync(CancellationToken.None)).AddWorkingDays(calendar.Today, 15);
        Assert.Equal(expected, factory.WithDb(db => db.Recommendations.Single(r => r.Id == id).DueOn));
    }
}
