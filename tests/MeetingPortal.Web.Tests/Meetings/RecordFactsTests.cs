using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HtmlAgilityPack;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Meetings;

/// <summary>
/// Issue 16: the facts of a biên bản the record holds: end time, the secretary, attendance (stated counts, and each
/// participant present or absent with the reason), and whether the record was rebuilt from a secondary source, which
/// the page says in a note outside the record's own text.
/// </summary>
public sealed class RecordFactsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Title = "Đối thoại có biên bản đầy đủ";

    private static string Fact(HtmlDocument page, string label) => NotStatedFactsTests.Fact(page, label);

    private int IdOf(string title) => factory.WithDb(db => db.Meetings.Single(m => m.Title == title).Id);

    private static void FillRecord(HtmlForm form, string title)
    {
        form["Input.Title"] = title;
        form["Input.HeldOn"] = "2026-11-20";
        form["Input.StartTime"] = "14:00";
        form["Input.EndTime"] = "16:30";
        form["Input.Format"] = "InPerson";
        form["Input.Location"] = "Hội trường Đảng ủy phường";
        form["Input.Host"] = "Đảng ủy phường Kỳ Phương";
        form["Input.StatedInvitedCount"] = "27";
        form["Input.StatedPresentCount"] = "25";
        form["Input.StatedAbsentCount"] = "2";
        form["Input.AttendanceNote"] = "vắng 2 đồng chí có lý do";
        form["Input.Participants[0].FullName"] = "Nguyễn Văn Chủ";
        form["Input.Participants[0].Role"] = "Chair";
        form["Input.Participants[0].Title"] = "Bí thư Đảng ủy phường";
        form["Input.Participants[0].Attendance"] = "Present";
        form["Input.Participants[1].FullName"] = "Lê Thị Ghi";
        form["Input.Participants[1].Role"] = "Secretary";
        form["Input.Participants[1].Title"] = "Văn phòng Đảng ủy";
        form["Input.Participants[1].Attendance"] = "Present";
        form["Input.Participants[2].FullName"] = "Trần Văn Vắng";
        form["Input.Participants[2].Role"] = "Attendee";
        form["Input.Participants[2].Attendance"] = "Absent";
        form["Input.Participants[2].AbsenceReason"] = "đi công tác";
        form["Input.Speeches[0].Content"] = "Ủy ban MTTQ phường báo cáo kết quả.";
    }

    [Fact]
    public async Task A_seed_record_says_outside_its_text_that_it_was_rebuilt_from_the_news_report_it_names()
    {
        var client = await factory.SignInAsync("lanhdao.toanquoc");
        var page = await client.GetHtmlAsync($"/Meetings/{factory.WithDb(db => db.Meetings.Single(m => m.Title == SeedTitles.KyPhuong).Id)}");

        var note = page.Node("//aside[contains(@class,'note')]");
        var text = HtmlEntity.DeEntitize(note.InnerText);
        Assert.Contains("dựng lại từ nguồn thứ cấp", text, StringComparison.Ordinal);
        Assert.Contains("Cổng thông tin phường Kỳ Phương", text, StringComparison.Ordinal);
        Assert.Contains("không phải biên bản gốc", text, StringComparison.Ordinal);
        // Outside the record's own text: not inside the facts, the summary or the speeches.
        Assert.Null(note.SelectSingleNode("ancestor::section"));
        Assert.Equal("Không nêu", Fact(page, "Giờ kết thúc"));
        Assert.Equal("Không nêu", Fact(page, "Thư ký"));
        Assert.Equal("Không nêu", Fact(page, "Thành phần dự họp"));
        Assert.True(factory.WithDb(db => db.Meetings.All(m => !m.Source!.Contains("seeds/") || m.RebuiltFromSecondarySource)));
    }

    [Fact]
    public async Task The_form_records_end_time_secretary_attendance_and_provenance_and_the_page_and_export_show_them()
    {
        var client = await factory.SignInAsync("thuky.kyphuong");
        var form = await HtmlForm.LoadAsync(client, "/Meetings/Create");
        FillRecord(form, Title);
        form["Input.Source"] = "Bản tin phường số 12/2026";
        form["Input.RebuiltFromSecondarySource"] = "true";

        var saved = await form.PostAsync(client, "save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetHtmlAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal("16:30", Fact(page, "Giờ kết thúc"));
        Assert.Equal("Trực tiếp", Fact(page, "Hình thức"));
        Assert.Equal("Nguyễn Văn Chủ, Bí thư Đảng ủy phường", Fact(page, "Chủ trì"));
        Assert.Equal("Lê Thị Ghi, Văn phòng Đảng ủy", Fact(page, "Thư ký"));
        Assert.Equal("Được mời: 27 · Có mặt: 25 · Vắng mặt: 2 · vắng 2 đồng chí có lý do", Fact(page, "Thành phần dự họp"));
        Assert.Contains("Trần Văn Vắng — Tham dự · vắng mặt, lý do: đi công tác", page.Text(), StringComparison.Ordinal);
        Assert.Contains("Bản tin phường số 12/2026", page.Node("//aside[contains(@class,'note')]").InnerText, StringComparison.Ordinal);

        var id = IdOf(Title);
        var editPage = await client.GetHtmlAsync($"/Meetings/{id}/Edit");
        var edit = HtmlForm.From(editPage, $"/Meetings/{id}/Edit");
        Assert.Equal("16:30", edit["Input.EndTime"]);
        Assert.Equal("27", edit["Input.StatedInvitedCount"]);
        Assert.Equal("Secretary", edit["Input.Participants[1].Role"]);
        Assert.Equal("Absent", edit["Input.Participants[2].Attendance"]);
        Assert.Equal("đi công tác", edit["Input.Participants[2].AbsenceReason"]);
        Assert.True(editPage.Node("//input[@id='rebuilt']").Attributes.Contains("checked"));

        var exported = JsonNode.Parse(await client.GetStringAsync($"/Meetings/Export?id={id}"))!["meetings"]![0]!;
        Assert.Equal("16:30:00", exported["endTime"]!.GetValue<string>());
        Assert.True(exported["rebuiltFromSecondarySource"]!.GetValue<bool>());
        Assert.Equal(27, exported["statedInvitedCount"]!.GetValue<int>());
        Assert.Equal("vắng 2 đồng chí có lý do", exported["attendanceNote"]!.GetValue<string>());
        Assert.Equal("secretary", exported["participants"]![1]!["role"]!.GetValue<string>());
        Assert.Equal("absent", exported["participants"]![2]!["attendance"]!.GetValue<string>());
        Assert.Equal("đi công tác", exported["participants"]![2]!["absenceReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_exported_record_with_its_facts_imports_again_with_them()
    {
        const string title = "Đối thoại nhập lại với thư ký";
        var client = await factory.SignInAsync("thuky.kyphuong");
        var json = $$"""
            {"formatVersion":2,"meetings":[{"unit":"p-ky-phuong","type":"dialogue","title":"{{title}}","heldOn":"2023-02-10",
              "startTime":"08:00","endTime":"11:00","source":"Báo địa phương","rebuiltFromSecondarySource":true,
              "statedInvitedCount":30,"statedPresentCount":28,"statedAbsentCount":2,
              "people":[{"key":"p1","fullName":"Phạm Thư Ký"},{"key":"p2","fullName":"Võ Văn Ốm"}],
              "participants":[{"person":"p1","role":"secretary","attendance":"present"},{"person":"p2","role":"attendee","attendance":"absent","absenceReason":"ốm"}]}]}
            """;
        var token = await client.GetAntiforgeryTokenAsync("/Meetings/Import");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Add(file, "files", "v2.json");
        Assert.True((await client.PostAsync("/Meetings/Import", content)).IsSuccessStatusCode);

        var meeting = factory.WithDb(db => db.Meetings.Include(m => m.Participants).Single(m => m.Title == title));
        Assert.Equal(new TimeOnly(11, 0), meeting.EndTime);
        Assert.True(meeting.RebuiltFromSecondarySource);
        Assert.Equal((30, 28, 2), (meeting.StatedInvitedCount, meeting.StatedPresentCount, meeting.StatedAbsentCount));
        Assert.Equal([ParticipantRole.Secretary, ParticipantRole.Attendee], meeting.Participants.OrderBy(p => p.Order).Select(p => p.Role));
        Assert.Equal([Attendance.Present, Attendance.Absent], meeting.Participants.OrderBy(p => p.Order).Select(p => p.Attendance));
        Assert.Equal("ốm", meeting.Participants.Single(p => p.Attendance == Attendance.Absent).AbsenceReason);
    }

    /// <summary>
    /// Issue 16, deliver 4: "Thường trực Tỉnh ủy tổ chức Hội nghị giao ban" was recorded as the whole committee. The host
    /// stays the committee (its documents bear its name) and the record says its Thường trực convened the meeting.
    /// </summary>
    [Theory]
    [InlineData(SeedTitles.Hue, "Thường trực Tỉnh ủy Thừa Thiên Huế")]
    [InlineData(SeedTitles.TpHaTinh, "Thường trực Thành ủy Hà Tĩnh")]
    [InlineData(SeedTitles.KyPhuong, "Đảng ủy phường Kỳ Phương")]
    public async Task The_host_reads_as_the_standing_members_of_the_committee_where_the_report_says_so(string title, string host)
    {
        var client = await factory.SignInAsync("lanhdao.toanquoc");
        var page = await client.GetHtmlAsync($"/Meetings/{IdOf(title)}");
        Assert.Equal(host, Fact(page, "Cơ quan tổ chức"));
    }

    [Theory]
    [InlineData("Input.Host", "", "host-error", "Nêu cấp ủy mà Thường trực")]
    [InlineData("Input.EndTime", "13:00", "end-time-error", "Giờ kết thúc phải sau giờ bắt đầu")]
    [InlineData("Input.StatedPresentCount", "30", "stated-invited-error", "không được vượt số được mời")]
    [InlineData("Input.Participants[0].AbsenceReason", "ốm", "participant-0-reason-error", "Chỉ ghi lý do vắng cho người vắng mặt")]
    [InlineData("Input.RebuiltFromSecondarySource", "true", "source-error", "phải nêu nguồn")]
    public async Task A_fact_that_cannot_be_true_is_refused_beside_its_field_and_nothing_is_saved(string field, string value, string errorId, string message)
    {
        var title = "Biên bản sai " + errorId;
        var client = await factory.SignInAsync("thuky.kyphuong");
        var form = await HtmlForm.LoadAsync(client, "/Meetings/Create");
        FillRecord(form, title);
        form["Input.HostBoard"] = "Standing";
        form[field] = value;

        var response = await form.PostAsync(client, "save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, HtmlEntity.DeEntitize(page.Node($"//*[@id='{errorId}']").InnerText), StringComparison.Ordinal);
        if (field == "Input.RebuiltFromSecondarySource")
        {
            Assert.True(page.Node("//input[@id='rebuilt']").Attributes.Contains("checked"));
        }
        else
        {
            Assert.Equal(value, HtmlForm.From(page, "/Meetings/Create")[field]);
        }

        Assert.False(factory.WithDb(db => db.Meetings.Any(m => m.Title == title)));
    }
}
