using System.Net;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class RecurringMatterTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Decree34 = "Do chế độ phụ cấp theo Nghị định 34";
    private const string CityAllowances = "hiện nay, đội ngũ cán bộ cơ sở phải kiêm nhiệm";

    private int Id(string start) => factory.WithDb(db => db.Recommendations.Single(r => r.Content.StartsWith(start)).Id);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, int id, string handler, string query = "")
    {
        var html = await client.GetHtmlAsync($"/Recommendations/{id}");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(html.Node("//input[@name='__RequestVerificationToken']").GetAttributeValue("value", "")),
            // Every action form carries the record's version; a new item without suggestions has no reason form to read it from.
            ["Reason.Version"] = html.Node("//input[substring(@name, string-length(@name) - 7) = '.Version']").GetAttributeValue("value", ""),
        };
        return await client.PostAsync($"/Recommendations/{id}?handler={handler}{query}", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task An_earlier_raising_of_the_same_matter_is_suggested_linked_and_shown_on_both_within_scope()
    {
        var later = Id(Decree34);
        var earlier = Id(CityAllowances);
        var province = await factory.SignInAsync("theodoi.hatinh");
        var page = await province.GetHtmlAsync($"/Recommendations/{later}");
        var suggestions = page.Nodes("//ul[@class='suggestions']/li").Select(li => li.InnerText).ToList();
        Assert.Contains(suggestions, s => s.Contains("đội ngũ cán bộ cơ sở phải kiêm nhiệm", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(province, later, "Link", $"&earlierId={earlier}")).StatusCode);
        Assert.Equal(earlier, factory.WithDb(db => db.Recommendations.Single(r => r.Id == later).RecurrenceOfId));
        Assert.Contains("đã được nêu 2 lần", (await province.GetHtmlAsync($"/Recommendations/{earlier}")).Text(), StringComparison.Ordinal);
        Assert.Contains("đội ngũ cán bộ cơ sở", (await province.GetHtmlAsync($"/Recommendations/{later}")).Node("//section[@aria-labelledby='matter']").InnerText, StringComparison.Ordinal);

        // The province's summary of 2022 counts the matter once, with both raisings, units and quarters.
        var haTinh = factory.WithDb(db => db.Units.Single(u => u.Code == "ha-tinh").Id);
        var summary = await (await factory.SignInAsync("lanhdao.hatinh")).GetHtmlAsync($"/Reports/Quarterly?unit={haTinh}&year=2022");
        var listed = summary.Nodes("//section[@aria-labelledby='recurring']//tbody/tr");
        var row = Assert.Single(listed, tr => tr.InnerHtml.Contains($"/Recommendations/{earlier}\"", StringComparison.Ordinal));
        Assert.Equal(["2", "2", "2"], row.SelectNodes("td")!.Select(td => td.InnerText.Trim()));

        // The ward sees that the matter was raised elsewhere, not what was said there.
        var ward = await factory.SignInAsync("theodoi.kyphuong");
        var wardPage = await ward.GetHtmlAsync($"/Recommendations/{later}");
        var matter = wardPage.Node("//section[@aria-labelledby='matter']").InnerText;
        Assert.Contains("1 lần ở đơn vị ngoài phạm vi", matter, StringComparison.Ordinal);
        Assert.DoesNotContain("đội ngũ cán bộ cơ sở", matter, StringComparison.Ordinal);

        // A third raising, at the ward's next meeting (items of one meeting are never recurrences of each other), linked
        // to the second joins the first's chain (chains stay flat).
        var third = factory.WithDb(db =>
        {
            var ward = db.Units.Single(u => u.Code == "p-ky-phuong").Id;
            var host = db.Organisations.Single(o => o.Name == "Đảng ủy phường Kỳ Phương").Id;
            var next = new Meeting(ward, MeetingType.Dialogue, "Đối thoại tiếp theo về chế độ phụ cấp", new DateOnly(2022, 9, 20)) { HostOrganisationId = host };
            var raised = next.RaiseRecommendation(next.AddSpeech(SpeechKind.Recommendation, "Ý kiến về phụ cấp", null, null, null),
                "Tiếp tục đề nghị xem xét chế độ phụ cấp cho cán bộ chi hội", host, null);
            next.Publish(DateTime.UtcNow);
            db.Meetings.Add(next);
            db.SaveChanges();
            return raised.Id;
        });
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(province, third, "Link", $"&earlierId={later}")).StatusCode);
        Assert.Equal(earlier, factory.WithDb(db => db.Recommendations.Single(r => r.Id == third).RecurrenceOfId));

        // Unlinking the first makes the earliest remaining one the first: the ward's, raised before the district's.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(province, earlier, "Unlink")).StatusCode);
        var (first, other) = (later, third);
        factory.WithDb(db =>
        {
            Assert.Null(db.Recommendations.Single(r => r.Id == earlier).RecurrenceOfId);
            Assert.Null(db.Recommendations.Single(r => r.Id == first).RecurrenceOfId);
            Assert.Equal(first, db.Recommendations.Single(r => r.Id == other).RecurrenceOfId);
            return 0;
        });
    }

    [Fact]
    public async Task A_later_recommendation_cannot_be_linked_as_the_earlier_one()
    {
        var province = await factory.SignInAsync("theodoi.hatinh");
        var response = await PostAsync(province, Id(CityAllowances), "Link", $"&earlierId={Id("Một số lĩnh vưc có liên quan đến quyền lợi")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Chỉ liên kết với kiến nghị nêu trước đó.", Html.Parse(await response.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
    }
}
