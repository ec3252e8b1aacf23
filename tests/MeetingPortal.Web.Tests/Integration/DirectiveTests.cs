using System.Net;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class DirectiveTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int KyPhuongDirective => factory.WithDb(db => db.Directives.Single(d => d.Content.StartsWith("yêu cầu MTTQ và các tổ chức đoàn thể xây dựng kế hoạch")).Id);

    /// <summary>Posts an action as the page's form does: with the version of the directive the user saw.</summary>
    private async Task<HttpResponseMessage> PostAsync(HttpClient client, int id, string handler, Dictionary<string, string>? fields = null)
    {
        var token = await client.GetAntiforgeryTokenAsync($"/Directives/{id}");
        var version = factory.WithDb(db => db.Directives.Single(d => d.Id == id).Version);
        var form = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = token, ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return await client.PostAsync($"/Directives/{id}?handler={handler}", new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task The_list_holds_the_directives_in_scope()
    {
        var province = await factory.SignInAsync("lanhdao.hatinh");
        var rows = (await province.GetHtmlAsync("/Directives")).Nodes("//table[contains(@class,'data-table')]/tbody/tr");
        Assert.Equal(9, rows.Count);
        var ward = await factory.SignInAsync("lanhdao.kyphuong");
        Assert.Single((await ward.GetHtmlAsync("/Directives")).Nodes("//table[contains(@class,'data-table')]/tbody/tr"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.SignInAsync("lanhdao.tranphu")).GetAsync($"/Directives/{KyPhuongDirective}")).StatusCode);
    }

    [Fact]
    public async Task A_tracker_reports_progress_completes_and_reopens_a_task()
    {
        var id = KyPhuongDirective;
        var tracker = await factory.SignInAsync("theodoi.kyphuong");
        var empty = await PostAsync(tracker, id, "Report", new() { ["Report.Text"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.NotEmpty(Html.Parse(await empty.Content.ReadAsStringAsync()).Node("//*[@id='report-text-error']").InnerText.Trim());

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(tracker, id, "Report", new() { ["Report.Text"] = "MTTQ đã xây dựng kế hoạch tháng 7" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(tracker, id, "Done")).StatusCode);
        Assert.Equal(DirectiveStatus.Done, factory.WithDb(db => db.Directives.Single(d => d.Id == id).Status));
        Assert.Contains("MTTQ đã xây dựng kế hoạch tháng 7", (await tracker.GetHtmlAsync($"/Directives/{id}")).Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(tracker, id, "Reopen")).StatusCode);
        Assert.Equal(DirectiveStatus.Open, factory.WithDb(db => db.Directives.Single(d => d.Id == id).Status));
    }

    [Fact]
    public async Task An_action_on_a_version_someone_else_changed_is_refused_with_a_message()
    {
        var id = KyPhuongDirective;
        var tracker = await factory.SignInAsync("theodoi.kyphuong");
        var token = await tracker.GetAntiforgeryTokenAsync($"/Directives/{id}");
        var stale = await tracker.PostAsync($"/Directives/{id}?handler=Done", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["version"] = "0",
        }));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("vừa được người khác cập nhật", Html.Parse(await stale.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(DirectiveStatus.Open, factory.WithDb(db => db.Directives.Single(d => d.Id == id).Status));
    }

    [Fact]
    public async Task A_responder_of_a_body_that_is_not_an_assignee_may_not_act()
    {
        var responder = await factory.SignInAsync("traloi.kyphuong");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(responder, KyPhuongDirective, "Done")).StatusCode);
    }

    [Theory]
    [InlineData("Report.ReportedOn", "2022-02-30")]
    [InlineData("Report.ReportedOn", "9999-12-31")]
    [InlineData("Report.ReportedOn", "0001-01-01")]
    [InlineData("Report.Text", "")]
    [InlineData("Report.Text", "   ")]
    [InlineData("Report.Text", null)]
    public async Task A_malformed_progress_report_is_a_message_and_records_nothing(string field, string? value)
    {
        var id = KyPhuongDirective;
        var tracker = await factory.SignInAsync("theodoi.kyphuong");
        var fields = new Dictionary<string, string> { ["Report.Text"] = "Báo cáo thử" };
        fields[field] = value ?? new string('x', 1024 * 1024);
        var before = factory.WithDb(db => db.Directives.Where(d => d.Id == id).SelectMany(d => d.Progress).Count());

        var response = await PostAsync(tracker, id, "Report", fields);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode}");
        Assert.Equal(before, factory.WithDb(db => db.Directives.Where(d => d.Id == id).SelectMany(d => d.Progress).Count()));
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.NotEmpty(Html.Parse(await response.Content.ReadAsStringAsync()).Nodes("//*[contains(@class,'error-summary')]"));
        }
    }
}
