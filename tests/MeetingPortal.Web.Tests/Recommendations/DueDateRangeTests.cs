using System.Globalization;
using System.Net;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Recommendations;

/// <summary>
/// Found by a tester after issue 13's first pass: a due date of 31/12/9999 was accepted and the recommendation's
/// page then answered 500 for everyone; the meeting form took a due date years before the meeting. A due date a
/// person gives is one kind of date everywhere (Deadline.IsAcceptable).
/// </summary>
public sealed class DueDateRangeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2101-01-01")]
    public async Task A_due_date_beyond_the_calendar_is_a_message_and_the_page_still_opens(string dueOn)
    {
        var id = factory.WithDb(db => db.Recommendations.Where(r => r.Meeting!.Unit!.Code == "p-ky-phuong").OrderBy(r => r.Id).Select(r => r.Id).First());
        var tracker = await factory.SignInAsync("theodoi.kyphuong");
        var page = await tracker.GetHtmlAsync($"/Recommendations/{id}");
        if (page.Nodes("//form[contains(@action,'handler=Reopen')]").Count > 0)
        {
            // The seed's answered recommendation is taken up again so that it can be given to a body.
            var reopen = HtmlForm.From(page, $"/Recommendations/{id}", "//form[contains(@action,'handler=Reopen')]");
            reopen["Reason.Text"] = "Giao lại";
            await tracker.PostAsync(reopen.Action, new FormUrlEncodedContent(reopen.Fields));
        }

        var assign = HtmlForm.From(await tracker.GetHtmlAsync($"/Recommendations/{id}"), $"/Recommendations/{id}", "//form[contains(@action,'handler=Assign')]");
        assign["Assign.OrganisationId"] = factory.WithDb(db => db.Organisations.Single(o => o.Name == "Ủy ban nhân dân phường Kỳ Phương").Id).ToString(CultureInfo.InvariantCulture);
        assign["Assign.DueOn"] = dueOn;

        var response = await tracker.PostAsync(assign.Action, new FormUrlEncodedContent(assign.Fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Html.Parse(await response.Content.ReadAsStringAsync()).Node("//*[@id='assign-due-error']").InnerText;
        Assert.Contains("không được sau năm 2100", HtmlAgilityPack.HtmlEntity.DeEntitize(error), StringComparison.Ordinal);
        Assert.NotEqual(DateOnly.Parse(dueOn, CultureInfo.InvariantCulture), factory.WithDb(db => db.Recommendations.Single(r => r.Id == id).DueOn));
        Assert.Equal(HttpStatusCode.OK, (await tracker.GetAsync($"/Recommendations/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("2020-01-01")]
    [InlineData("9999-12-31")]
    public async Task The_meeting_form_refuses_a_due_date_before_the_meeting_or_beyond_the_calendar(string dueOn)
    {
        var client = await factory.SignInAsync("thuky.kyphuong");
        var form = await HtmlForm.LoadAsync(client, "/Meetings/Create");
        form["Input.Title"] = $"Đối thoại có hạn {dueOn}";
        form["Input.HeldOn"] = "2026-11-20";
        form["Input.Host"] = "Đảng ủy phường Kỳ Phương";
        form["Input.Speeches[0].Kind"] = "Recommendation";
        form["Input.Speeches[0].Content"] = "Ý kiến";
        var added = HtmlForm.From(Html.Parse(await (await form.PostAsync(client, "add-rec:0")).Content.ReadAsStringAsync()), "/Meetings/Create");
        added["Input.Speeches[0].Recommendations[0].Content"] = "Kiến nghị có hạn lạ";
        added["Input.Speeches[0].Recommendations[0].RaisedBy"] = "Ủy ban MTTQ phường Kỳ Phương";
        added["Input.Speeches[0].Recommendations[0].AddressedTo"] = "Đảng ủy phường Kỳ Phương";
        added["Input.Speeches[0].Recommendations[0].DueOn"] = dueOn;

        var response = await added.PostAsync(client, "publish");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("từ ngày hội nghị trở đi", HtmlAgilityPack.HtmlEntity.DeEntitize(page.Node("//*[@id='speech-0-rec-0-due-error']").InnerText), StringComparison.Ordinal);
        Assert.False(factory.WithDb(db => db.Meetings.Any(m => m.Title == $"Đối thoại có hạn {dueOn}")));
    }

    [Theory]
    [InlineData("lanhdao.kyphuong", false)]
    [InlineData("theodoi.kyphuong", false)]
    [InlineData("thuky.kyphuong", true)]
    public async Task The_meeting_list_offers_new_and_import_only_to_those_who_write_records(string userName, bool offered)
    {
        var page = await (await factory.SignInAsync(userName)).GetHtmlAsync("/Meetings");
        Assert.Equal(offered, page.Nodes("//a[@href='/Meetings/Create' or @href='/Meetings/Import']").Count == 2);
        Assert.Equal(offered, page.Nodes("//a[@href='/Meetings/Create' or @href='/Meetings/Import']").Count > 0);
    }
}
