using System.Net;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class MeetingEditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Recorder = "thuky.kyphuong";

    private int UnitId(string code) => factory.WithDb(db => db.Units.Single(u => u.Code == code).Id);

    private async Task<(HttpClient Client, HtmlForm Form)> NewMeetingFormAsync(string user = Recorder)
    {
        var client = await factory.SignInAsync(user);
        var form = await HtmlForm.LoadAsync(client, "/Meetings/Create");
        form["Input.Title"] = "Đối thoại quý III/2026 với Hội Nông dân";
        form["Input.HeldOn"] = "2026-09-15";
        form["Input.Host"] = "Đảng ủy phường Kỳ Phương";
        form["Input.Speeches[0].Kind"] = "Recommendation";
        form["Input.Speeches[0].Speaker"] = "Nguyễn Văn Mới";
        form["Input.Speeches[0].SpeakerTitle"] = "Chủ tịch Hội Nông dân phường";
        form["Input.Speeches[0].Content"] = "Đề nghị hỗ trợ kinh phí mua giống lúa cho hội viên.";
        return (client, form);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string id)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        return HtmlAgilityPack.HtmlEntity.DeEntitize(page.Node($"//*[@id='{id}']").InnerText).Trim();
    }

    private static async Task<HtmlForm> FormAfterAsync(HttpResponseMessage response, string url)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return HtmlForm.From(Html.Parse(await response.Content.ReadAsStringAsync()), url);
    }

    private int MeetingCount() => factory.WithDb(db => db.Meetings.Count());

    [Fact]
    public async Task A_recorder_saves_a_draft_with_a_new_person_and_a_recommendation()
    {
        var (client, form) = await NewMeetingFormAsync();
        var added = await FormAfterAsync(await form.PostAsync(client, "add-rec:0"), "/Meetings/Create");
        Assert.Equal("Đối thoại quý III/2026 với Hội Nông dân", added["Input.Title"]);
        added["Input.Speeches[0].Recommendations[0].Content"] = "Hỗ trợ kinh phí mua giống lúa";
        added["Input.Speeches[0].Recommendations[0].RaisedBy"] = "Ủy ban MTTQ phường Kỳ Phương";
        added["Input.Speeches[0].Recommendations[0].AddressedTo"] = "Ủy ban nhân dân phường Kỳ Phương";
        added["Input.Speeches[0].Recommendations[0].Theme"] = "production-support";

        var response = await added.PostAsync(client, "save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        factory.WithDb(db =>
        {
            var meeting = db.Meetings.Include(m => m.Speeches).Include(m => m.Recommendations).AsSplitQuery().Single(m => m.Id == id);
            Assert.Equal(MeetingStatus.Draft, meeting.Status);
            Assert.Equal("Nguyễn Văn Mới", db.People.Single(p => p.Id == meeting.Speeches.Single().SpeakerId).FullName);
            var recommendation = meeting.Recommendations.Single();
            Assert.Equal(RecommendationStatus.Assigned, recommendation.Status);
            Assert.Equal(meeting.Speeches.Single().Id, recommendation.SpeechId);
            Assert.Contains(" ho tro kinh phi", db.Set<Meeting>().Where(m => m.Id == id).Select(m => m.Search.Text).Single(), StringComparison.Ordinal);
            Assert.Equal(HistoryAction.Created, db.History.Single(h => h.EntityId == id && h.EntityType == "Meeting").Action);
            return 0;
        });
        var detail = await client.GetHtmlAsync($"/Meetings/{id}");
        Assert.Contains("Đã lưu bản nháp.", detail.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_needs_a_host_and_records_the_event()
    {
        var (client, form) = await NewMeetingFormAsync();
        form["Input.Host"] = "";
        var refused = await form.PostAsync(client, "publish");
        Assert.Contains("cơ quan tổ chức", await ErrorAsync(refused, "host-error"), StringComparison.Ordinal);

        form["Input.Host"] = "Đảng ủy phường Kỳ Phương";
        form["Input.Title"] = "Đối thoại công bố ngay";
        var response = await form.PostAsync(client, "publish");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        factory.WithDb(db =>
        {
            var meeting = db.Meetings.Single(m => m.Title == "Đối thoại công bố ngay");
            Assert.Equal(MeetingStatus.Published, meeting.Status);
            Assert.Contains(db.History.Where(h => h.EntityId == meeting.Id).Select(h => h.Action), a => a == HistoryAction.Published);
            return 0;
        });
    }

    [Theory]
    [InlineData("Input.HeldOn", "2099-01-01", "held-on-error", "không được sau ngày hôm nay")]
    [InlineData("Input.Speeches[0].Content", "", "speech-0-content-error", "Vui lòng nhập nội dung phát biểu.")]
    [InlineData("Input.ConnectedPoints", "5", "connected-points-error", "Chỉ hội nghị trực tuyến hoặc kết hợp mới có điểm cầu")]
    [InlineData("Input.Title", "", "title-error", "Vui lòng nhập tên hội nghị.")]
    [InlineData("Input.Host", "Hội Không Có Thật", "host-error", "Chưa có tổ chức «Hội Không Có Thật»")]
    public async Task Bad_input_gets_a_message_beside_its_field_keeps_what_was_typed_and_saves_nothing(string field, string value, string errorId, string expected)
    {
        var (client, form) = await NewMeetingFormAsync();
        form[field] = value;
        var before = MeetingCount();

        var response = await form.PostAsync(client, "save");

        Assert.Contains(expected, await ErrorAsync(response, errorId), StringComparison.Ordinal);
        var again = await FormAfterAsync(response, "/Meetings/Create");
        Assert.Equal("Chủ tịch Hội Nông dân phường", again["Input.Speeches[0].SpeakerTitle"]);
        Assert.Equal(value, again[field]);
        Assert.Equal(before, MeetingCount());
    }

    [Fact]
    public async Task Text_over_its_limit_is_refused()
    {
        var (client, form) = await NewMeetingFormAsync();
        form["Input.Title"] = new string('Đ', Meeting.TitleMaxLength + 1);
        Assert.Contains("500", await ErrorAsync(await form.PostAsync(client, "save"), "title-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recommendation_without_a_raising_organisation_is_refused()
    {
        var (client, form) = await NewMeetingFormAsync();
        form = await FormAfterAsync(await form.PostAsync(client, "add-rec:0"), "/Meetings/Create");
        form["Input.Speeches[0].Recommendations[0].Content"] = "Tăng phụ cấp";
        form["Input.Speeches[0].Recommendations[0].RaisedBy"] = "";
        var message = await ErrorAsync(await form.PostAsync(client, "save"), "speech-0-rec-0-raised-by-error");
        // Issue 17, deliver 5: the error uses the label's words ("Đơn vị kiến nghị").
        Assert.Equal("Vui lòng nhập đơn vị kiến nghị.", message);
    }

    [Fact]
    public async Task Duplicate_order_numbers_are_refused()
    {
        var (client, form) = await NewMeetingFormAsync();
        form = await FormAfterAsync(await form.PostAsync(client, "add-speech"), "/Meetings/Create");
        form["Input.Speeches[1].Content"] = "Ý kiến thứ hai";
        form["Input.Speeches[1].Order"] = "1";
        var message = await ErrorAsync(await form.PostAsync(client, "save"), "speech-1-order-error");
        Assert.Equal("Số thứ tự bị trùng với phát biểu khác.", message);
    }

    [Fact]
    public async Task A_unit_outside_the_scope_is_refused_beside_the_unit_field()
    {
        var (client, form) = await NewMeetingFormAsync();
        form["Input.UnitId"] = UnitId("tp-ha-tinh").ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = await ErrorAsync(await form.PostAsync(client, "save"), "unit-error");
        Assert.Equal("Đơn vị này nằm ngoài phạm vi của bạn.", message);
    }

    [Fact]
    public async Task A_new_organisation_listed_with_its_kind_is_created_in_the_unit()
    {
        var (client, form) = await NewMeetingFormAsync();
        form = await FormAfterAsync(await form.PostAsync(client, "add-org"), "/Meetings/Create");
        form["Input.Organisations[0].Name"] = "Chi hội Nông dân tổ dân phố 5";
        form["Input.Organisations[0].Kind"] = "VillageBranch";
        form["Input.Speeches[0].Organisation"] = "chi hội nông dân  tổ dân phố 5";
        form["Input.Title"] = "Đối thoại có tổ chức mới";
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(client, "save")).StatusCode);
        factory.WithDb(db =>
        {
            var organisation = db.Organisations.Single(o => o.Name == "Chi hội Nông dân tổ dân phố 5");
            Assert.Equal(UnitId("p-ky-phuong"), organisation.UnitId);
            Assert.Equal(organisation.Id, db.Meetings.Include(m => m.Speeches).Single(m => m.Title == "Đối thoại có tổ chức mới").Speeches.Single().OrganisationId);
            return 0;
        });
    }

    [Fact]
    public async Task Rows_are_added_moved_and_removed_without_losing_what_was_typed()
    {
        var (client, form) = await NewMeetingFormAsync();
        form = await FormAfterAsync(await form.PostAsync(client, "add-speech"), "/Meetings/Create");
        form["Input.Speeches[1].Content"] = "Phát biểu thứ hai";
        form = await FormAfterAsync(await form.PostAsync(client, "up-speech:1"), "/Meetings/Create");
        Assert.Equal("Phát biểu thứ hai", form["Input.Speeches[0].Content"]);
        Assert.Equal("1", form["Input.Speeches[0].Order"]);
        Assert.Equal("Đề nghị hỗ trợ kinh phí mua giống lúa cho hội viên.", form["Input.Speeches[1].Content"]);
        form = await FormAfterAsync(await form.PostAsync(client, "remove-speech:0"), "/Meetings/Create");
        Assert.False(form.Fields.ContainsKey("Input.Speeches[1].Content"));
        Assert.Equal("Đề nghị hỗ trợ kinh phí mua giống lúa cho hội viên.", form["Input.Speeches[0].Content"]);
        Assert.Equal("Đối thoại quý III/2026 với Hội Nông dân", form["Input.Title"]);
    }

    [Fact]
    public async Task A_user_without_the_recorder_role_cannot_create()
    {
        var client = await factory.SignInAsync("lanhdao.kyphuong");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Meetings/Create")).StatusCode);
    }

    [Fact]
    public async Task Edit_answers_404_out_of_scope_and_403_for_a_missing_role_in_scope()
    {
        var tpHaTinh = factory.WithDb(db => db.Meetings.Single(m => m.Title == SeedTitles.TpHaTinh).Id);
        var kyPhuong = factory.WithDb(db => db.Meetings.Single(m => m.Title == SeedTitles.KyPhuong).Id);
        var recorder = await factory.SignInAsync(Recorder);
        Assert.Equal(HttpStatusCode.NotFound, (await recorder.GetAsync($"/Meetings/{tpHaTinh}/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await recorder.GetAsync($"/Meetings/{kyPhuong}/Edit")).StatusCode);
        var leader = await factory.SignInAsync("lanhdao.kyphuong");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync($"/Meetings/{kyPhuong}/Edit")).StatusCode);
        var outsider = await factory.SignInAsync("lanhdao.tranphu");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Meetings/{kyPhuong}/Edit")).StatusCode);
    }

    [Fact]
    public async Task A_published_record_changes_only_with_a_reason_and_keeps_its_answered_recommendations()
    {
        var id = factory.WithDb(db => db.Meetings.Single(m => m.Title == SeedTitles.KyPhuong).Id);
        var before = factory.WithDb(db => db.Recommendations.Where(r => r.MeetingId == id).Select(r => new { r.Id, Responses = r.Responses.Count() }).OrderBy(r => r.Id).ToList());
        var client = await factory.SignInAsync("quantri.kyphuong");
        var form = await HtmlForm.LoadAsync(client, $"/Meetings/{id}/Edit");
        form["Input.Location"] = "Hội trường Đảng ủy phường";

        var refused = await form.PostAsync(client, "save");
        Assert.Equal("Hồ sơ đã công bố: hãy nêu lý do sửa.", await ErrorAsync(refused, "change-reason-error"));
        Assert.Null(factory.WithDb(db => db.Meetings.Single(m => m.Id == id).Location));

        form["Input.ChangeReason"] = "Bổ sung địa điểm theo biên bản gốc";
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(client, "save")).StatusCode);

        factory.WithDb(db =>
        {
            Assert.Equal("Hội trường Đảng ủy phường", db.Meetings.Single(m => m.Id == id).Location);
            var after = db.Recommendations.Where(r => r.MeetingId == id).Select(r => new { r.Id, Responses = r.Responses.Count() }).OrderBy(r => r.Id).ToList();
            Assert.Equal(before, after);
            var entry = db.History.Where(h => h.EntityId == id && h.Action == HistoryAction.Updated).OrderBy(h => h.Id).Last();
            Assert.Equal("Bổ sung địa điểm theo biên bản gốc", entry.Reason);
            Assert.Contains("\"Location\"", entry.Changes, StringComparison.Ordinal);
            return 0;
        });
        var detail = await client.GetHtmlAsync($"/Meetings/{id}");
        Assert.Contains("Bổ sung địa điểm theo biên bản gốc", detail.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answered_recommendation_cannot_be_removed_by_leaving_it_out()
    {
        var id = factory.WithDb(db => db.Meetings.Single(m => m.Title == SeedTitles.TpHaTinh).Id);
        var client = await factory.SignInAsync("quantri.tphatinh");
        var form = await HtmlForm.LoadAsync(client, $"/Meetings/{id}/Edit");
        foreach (var key in form.Fields.Keys.Where(k => k.StartsWith("Input.Speeches[6].Recommendations[0]", StringComparison.Ordinal)).ToList())
        {
            form.Fields.Remove(key);
        }

        form["Input.ChangeReason"] = "Thử xóa";
        var response = await form.PostAsync(client, "save");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kiến nghị đã có trả lời nên không thể xóa.", Html.Parse(await response.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(3, factory.WithDb(db => db.Recommendations.Count(r => r.MeetingId == id)));
    }

    [Fact]
    public async Task The_second_of_two_editors_is_told_what_changed_and_loses_nothing_typed()
    {
        var (creator, form) = await NewMeetingFormAsync();
        form["Input.Title"] = "Hội nghị sửa đồng thời";
        var created = await form.PostAsync(creator, "save");
        var id = created.Headers.Location!.OriginalString.Split('/')[^1];

        var first = await factory.SignInAsync(Recorder);
        var second = await factory.SignInAsync("quantri.kyphuong");
        var firstForm = await HtmlForm.LoadAsync(first, $"/Meetings/{id}/Edit");
        var secondForm = await HtmlForm.LoadAsync(second, $"/Meetings/{id}/Edit");

        firstForm["Input.Location"] = "Nhà văn hóa tổ dân phố 3";
        Assert.Equal(HttpStatusCode.Redirect, (await firstForm.PostAsync(first, "save")).StatusCode);

        secondForm["Input.Summary"] = "Tóm tắt do người thứ hai nhập";
        var conflict = await secondForm.PostAsync(second, "save");
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = Html.Parse(await conflict.Content.ReadAsStringAsync());
        Assert.Contains("vừa được người khác lưu", page.Text(), StringComparison.Ordinal);
        Assert.Contains("Nhà văn hóa tổ dân phố 3", page.Node("//section[@class='conflict']").InnerText, StringComparison.Ordinal);
        var kept = HtmlForm.From(page, $"/Meetings/{id}/Edit");
        Assert.Equal("Tóm tắt do người thứ hai nhập", kept["Input.Summary"]);
        Assert.Null(factory.WithDb(db => db.Meetings.Single(m => m.Id == int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).Summary));

        // Saving again is a deliberate overwrite with the second editor's version of the record.
        Assert.Equal(HttpStatusCode.Redirect, (await kept.PostAsync(second, "save")).StatusCode);
        factory.WithDb(db =>
        {
            var meeting = db.Meetings.Single(m => m.Id == int.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("Tóm tắt do người thứ hai nhập", meeting.Summary);
            Assert.Equal(3, meeting.Version);
            return 0;
        });
    }
}
