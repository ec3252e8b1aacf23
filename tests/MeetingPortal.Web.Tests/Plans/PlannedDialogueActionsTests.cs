using System.Net;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Plans;

/// <summary>
/// Issue 18, deliver 1: the meeting that held a planned dialogue is linked to it (once, of the same unit, in scope), and
/// an entry is taken off the plan only with a reason; each refusal is said beside its field and changes nothing.
/// </summary>
public sealed class PlannedDialogueActionsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly ReviewPeriod Q2Of2022 = new(PeriodKind.Quarter, 2022, 2);

    private Task<HttpResponseMessage> PostAsync(HttpClient client, int id, string handler, params (string Name, string Value)[] fields) =>
        client.PostFieldsAsync($"/Plans/Entry/{id}", $"/Plans/Entry/{id}?handler={handler}", [.. fields, ("version", PlanFixtures.Id(factory.Stored(id).Version))]);

    [Fact]
    public async Task The_meeting_held_is_linked_once_and_the_entry_reads_held()
    {
        var meeting = factory.KyPhuongMeeting();
        var entry = factory.AddEntry("p-ky-phuong", Q2Of2022, "Đối thoại với đoàn viên, hội viên về công tác cán bộ cơ sở");
        var other = factory.AddEntry("p-ky-phuong", Q2Of2022, "Đối thoại về môi trường");
        var recorder = await factory.SignInAsync("thuky.kyphuong");

        var page = await recorder.GetHtmlAsync($"/Plans/Entry/{entry}");
        Assert.Contains("Chậm tổ chức", page.Node("//p[@class='eyebrow']").InnerText, StringComparison.Ordinal);
        Assert.NotEmpty(page.Nodes($"//select[@id='MeetingId']/option[@value='{meeting}']"));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(recorder, entry, "Link", ("MeetingId", PlanFixtures.Id(meeting)))).StatusCode);
        Assert.Equal(meeting, factory.Stored(entry).MeetingId);
        page = await recorder.GetHtmlAsync($"/Plans/Entry/{entry}");
        Assert.Contains("Đã tổ chức", page.Node("//p[@class='eyebrow']").InnerText, StringComparison.Ordinal);
        Assert.Contains("Gắn hội nghị: Đảng ủy phường Kỳ Phương", page.Text(), StringComparison.Ordinal);
        // The meeting's page names the dialogue it held.
        var meetingPage = await recorder.GetHtmlAsync($"/Meetings/{meeting}");
        Assert.NotEmpty(meetingPage.Nodes($"//dl[@class='facts']//a[@href='/Plans/Entry/{entry}']"));

        // The same meeting for a second entry: refused in words beside the choice, and nothing changes.
        var refused = await PostAsync(recorder, other, "Link", ("MeetingId", PlanFixtures.Id(meeting)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("đã được gắn với một đối thoại khác", Html.Parse(await refused.Content.ReadAsStringAsync()).Node("//*[@id='MeetingId-error']").InnerText, StringComparison.Ordinal);
        Assert.Null(factory.Stored(other).MeetingId);

        // Nothing chosen, or a value that is no number.
        foreach (var value in new[] { "", "abc" })
        {
            var empty = await PostAsync(recorder, other, "Link", ("MeetingId", value));
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("Vui lòng chọn hội nghị.", Html.Parse(await empty.Content.ReadAsStringAsync()).Node("//*[@id='MeetingId-error']").InnerText, StringComparison.Ordinal);
        }

        Assert.Null(factory.Stored(other).MeetingId);
    }

    [Fact]
    public async Task A_meeting_out_of_scope_answers_404_and_one_of_another_unit_in_scope_is_refused_in_words()
    {
        var entry = factory.AddEntry("p-ky-phuong", Q2Of2022, "Đối thoại về cải cách hành chính");
        var cityMeeting = factory.WithDb(db => db.Meetings.First(m => m.Unit!.Code == "tp-ha-tinh").Id);
        var recorder = await factory.SignInAsync("thuky.kyphuong");
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(recorder, entry, "Link", ("MeetingId", PlanFixtures.Id(cityMeeting)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(recorder, entry, "Link", ("MeetingId", "999999"))).StatusCode);

        // The province's recorder reaches both, but the city's meeting did not hold the ward's dialogue.
        var province = await factory.SignInAsync("thuky.hatinh");
        var refused = await PostAsync(province, entry, "Link", ("MeetingId", PlanFixtures.Id(cityMeeting)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Hội nghị đã chọn là của đơn vị khác.", Html.Parse(await refused.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        Assert.Null(factory.Stored(entry).MeetingId);
    }

    [Fact]
    public async Task An_entry_is_taken_off_the_plan_only_with_a_reason_and_may_be_put_back()
    {
        var entry = factory.AddEntry("p-ky-phuong", Q2Of2022, "Đối thoại về trật tự đô thị");
        var recorder = await factory.SignInAsync("thuky.kyphuong");

        var refused = await PostAsync(recorder, entry, "Cancel", ("Reason", "  "));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Vui lòng nêu lý do", Html.Parse(await refused.Content.ReadAsStringAsync()).Node("//*[@id='Reason-error']").InnerText, StringComparison.Ordinal);
        Assert.Null(factory.Stored(entry).CancelledOn);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(recorder, entry, "Cancel", ("Reason", "Gộp vào hội nghị quý III theo chỉ đạo của Thường trực"))).StatusCode);
        Assert.NotNull(factory.Stored(entry).CancelledOn);
        var page = await recorder.GetHtmlAsync($"/Plans/Entry/{entry}");
        Assert.Contains("Không tổ chức", page.Node("//p[@class='eyebrow']").InnerText, StringComparison.Ordinal);
        Assert.Contains("Gộp vào hội nghị quý III theo chỉ đạo của Thường trực", page.Text(), StringComparison.Ordinal);

        // The administrators' audit lists the plan's changes, each leading to the entry; another ward's does not.
        var audit = await (await factory.SignInAsync("quantri.kyphuong")).GetHtmlAsync("/Admin/Audit?what=plan");
        Assert.NotEmpty(audit.Nodes($"//main//table//a[@href='/Plans/Entry/{entry}']"));
        Assert.Contains("Gộp vào hội nghị quý III theo chỉ đạo của Thường trực", audit.Text(), StringComparison.Ordinal);
        var neighbour = await (await factory.SignInAsync("quantri.tranphu")).GetHtmlAsync("/Admin/Audit?what=plan");
        Assert.Empty(neighbour.Nodes($"//main//table//a[@href='/Plans/Entry/{entry}']"));

        // A leader reads it and may not put it back.
        var leader = await factory.SignInAsync("lanhdao.kyphuong");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(leader, entry, "Restore")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(recorder, entry, "Restore")).StatusCode);
        Assert.Null(factory.Stored(entry).CancelledOn);

        // Put back again (a second tab, a hand-made post): refused in words, and no second history line.
        var history = factory.WithDb(db => db.History.Count(h => h.EntityType == "PlannedDialogue" && h.EntityId == entry));
        var twice = await PostAsync(recorder, entry, "Restore");
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("Đối thoại này vẫn đang trong kế hoạch.", Html.Parse(await twice.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(history, factory.WithDb(db => db.History.Count(h => h.EntityType == "PlannedDialogue" && h.EntityId == entry)));
    }
}
