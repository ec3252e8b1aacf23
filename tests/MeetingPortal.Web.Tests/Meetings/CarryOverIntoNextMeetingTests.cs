using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using HtmlAgilityPack;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Meetings;

/// <summary>
/// Issue 18, deliver 6: opening a new meeting of a unit offers the unresolved recommendations of its earlier dialogues as
/// the first item ("kết quả giải quyết kiến nghị kỳ trước"); what the recorder keeps is saved with the state it had, the
/// record's page shows it, and only the unit's earlier open recommendations are accepted, whatever is posted.
/// </summary>
public sealed class CarryOverIntoNextMeetingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Recorder = "thuky.kyphuong";
    private const string Field = "Input.CarriedOver";

    /// <summary>
    /// What the report of a Kỳ Phương meeting held on <paramref name="day"/> may hold, found here without the portal's
    /// query: the open recommendations of the ward's published meetings held before that day, the latest raising of each matter.
    /// </summary>
    private List<int> OpenEarlierOfKyPhuong(DateOnly day) => factory.WithDb(db =>
    {
        var open = RecommendationStatuses.Open.ToList();
        return db.Recommendations.AsNoTracking()
            .Where(r => r.Meeting!.Unit!.Code == "p-ky-phuong" && r.Meeting.Status == MeetingStatus.Published && r.Meeting.HeldOn < day && open.Contains(r.Status))
            .Select(r => new { r.Id, Matter = r.RecurrenceOfId ?? r.Id, r.Meeting!.HeldOn }).AsEnumerable()
            .GroupBy(r => r.Matter).Select(g => g.OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id).First().Id)
            .Order().ToList();
    });

    private List<(int RecommendationId, int Order, RecommendationStatus Status)> ReportOf(int meetingId) => factory.WithDb(db =>
        db.CarriedOverRecommendations.AsNoTracking().Where(c => c.MeetingId == meetingId).OrderBy(c => c.Order).AsEnumerable()
            .Select(c => (c.RecommendationId, c.Order, c.ReportedStatus)).ToList());

    private static int IdFrom(HttpResponseMessage saved) =>
        int.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);

    private static async Task<string> ErrorsOfAsync(HttpResponseMessage response) =>
        string.Join(" | ", Html.Parse(await response.Content.ReadAsStringAsync()).Nodes("//*[contains(@class,'field-error')]").Select(n => n.InnerText.Trim()).Where(t => t.Length > 0));

    private static async Task<HtmlForm> NewFormAsync(HttpClient client, string title, string heldOn = "2026-11-20")
    {
        var form = await HtmlForm.LoadAsync(client, "/Meetings/Create");
        form["Input.Title"] = title;
        form["Input.HeldOn"] = heldOn;
        form["Input.Speeches[0].Content"] = "Ủy ban MTTQ phường báo cáo kết quả giải quyết kiến nghị kỳ trước.";
        return form;
    }

    [Fact]
    public async Task A_new_meeting_offers_every_unresolved_earlier_recommendation_of_its_unit_chosen_first()
    {
        var client = await factory.SignInAsync(Recorder);
        var expected = OpenEarlierOfKyPhuong(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)));
        Assert.NotEmpty(expected);

        var page = await client.GetHtmlAsync("/Meetings/Create");
        var boxes = page.Nodes("//fieldset[@id='carried-over']//input[@type='checkbox']");

        Assert.Equal(expected, boxes.Select(b => int.Parse(b.GetAttributeValue("value", ""), CultureInfo.InvariantCulture)).Order());
        Assert.All(boxes, b => Assert.True(b.Attributes.Contains("checked")));
        // The report comes before the speeches: it is the meeting's first item.
        var legends = page.Nodes("//form[contains(@class,'meeting-form')]/fieldset/legend").Select(l => HtmlEntity.DeEntitize(l.InnerText.Trim())).ToList();
        Assert.True(legends.IndexOf("Kết quả giải quyết kiến nghị kỳ trước") < legends.IndexOf("Diễn biến hội nghị"), string.Join(" | ", legends));
    }

    [Fact]
    public async Task What_the_recorder_keeps_is_saved_with_its_state_then_shown_on_the_record_and_changed_by_editing()
    {
        var client = await factory.SignInAsync(Recorder);
        var form = await NewFormAsync(client, "Đối thoại có báo cáo kỳ trước");
        var offered = form.Checked(Field);
        Assert.True(offered.Count >= 2, "The seed ward has at least two open recommendations.");
        form.Check(Field, offered.Skip(1));

        var saved = await form.PostAsync(client, "save");

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await ErrorsOfAsync(saved));
        var meetingId = IdFrom(saved);
        var ids = offered.Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList();
        var chosen = ids.Skip(1).ToList();
        var statuses = factory.WithDb(db => db.Recommendations.Where(r => ids.Contains(r.Id)).ToDictionary(r => r.Id, r => r.Status));
        Assert.Equal(chosen.Select((id, i) => (id, i + 1, statuses[id])), ReportOf(meetingId));

        var record = await client.GetHtmlAsync($"/Meetings/{meetingId}");
        var lines = record.Nodes("//section[@aria-labelledby='carried-over']//li");
        Assert.Equal(chosen.Count, lines.Count);
        Assert.All(lines.Zip(chosen), l => Assert.NotNull(l.First.SelectSingleNode($".//a[@href='/Recommendations/{l.Second}']")));

        // The first chosen moves on after the meeting: the report keeps what it said, and the page says what is true now.
        factory.WithDb(db => db.Recommendations.Where(r => r.Id == chosen[0]).ExecuteUpdate(u => u.SetProperty(r => r.Status, RecommendationStatus.Resolved)));
        var edit = await HtmlForm.LoadAsync(client, $"/Meetings/{meetingId}/Edit");
        Assert.Equal(offered.Skip(1), edit.Checked(Field).Take(chosen.Count));
        edit.Check(Field, edit.Checked(Field).Take(1).Append(offered[0]));
        var again = await edit.PostAsync(client, "save");

        Assert.True(again.StatusCode == HttpStatusCode.Redirect, await ErrorsOfAsync(again));
        Assert.Equal([(chosen[0], 1, statuses[chosen[0]]), (ids[0], 2, statuses[ids[0]])], ReportOf(meetingId));
        var shown = HtmlEntity.DeEntitize((await client.GetHtmlAsync($"/Meetings/{meetingId}")).Node("//section[@aria-labelledby='carried-over']//li").InnerText);
        Assert.Contains("nay: Đã giải quyết", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_minutes_print_the_report_as_the_first_item_of_the_proceedings_with_the_state_it_had()
    {
        var client = await factory.SignInAsync(Recorder);
        var form = await NewFormAsync(client, "Đối thoại in biên bản có báo cáo kỳ trước");
        var line = int.Parse(form.Checked(Field)[0], CultureInfo.InvariantCulture);
        form.Check(Field, [line.ToString(CultureInfo.InvariantCulture)]);
        var saved = await form.PostAsync(client, "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var reported = factory.WithDb(db => db.Recommendations.Where(r => r.Id == line).Select(r => new { r.Content, r.Status, Body = r.AddressedToOrganisation!.Name, r.Meeting!.HeldOn }).Single());
        // After the meeting it is resolved: the minutes still say what the meeting heard.
        factory.WithDb(db => db.Recommendations.Where(r => r.Id == line).ExecuteUpdate(u => u.SetProperty(r => r.Status, RecommendationStatus.Resolved)));

        var response = await client.GetAsync($"/Meetings/{IdFrom(saved)}/Minutes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        var proceedings = paragraphs.SkipWhile(p => p != "II. DIỄN BIẾN HỘI NGHỊ").ToList();
        Assert.Equal("1. Báo cáo kết quả giải quyết kiến nghị kỳ trước", proceedings[1]);
        var state = reported.Status switch
        {
            RecommendationStatus.New => "Mới",
            RecommendationStatus.Assigned => "Đã giao",
            RecommendationStatus.InProgress => "Đang xử lý",
            _ => "Đã trả lời",
        };
        Assert.Equal(
            $"- {reported.Content.TrimEnd('.', ';', ',', ' ', ':')} (cơ quan nhận: {reported.Body}; nêu 1 lần, lần đầu ngày {reported.HeldOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}; tình trạng khi báo cáo: {state}).",
            proceedings[2]);
        Assert.StartsWith("2. ", proceedings[3], StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Refused => new()
    {
        // Hà Tĩnh city's recommendation, not the ward's; a meeting dated before the ward's seed meeting; a made-up id.
        { "another unit's", "2026-11-20" },
        { "the ward's own, for a meeting held before it", "2022-01-10" },
        { "an id that does not exist", "2026-11-20" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_recommendation_the_form_does_not_offer_is_refused_beside_the_field_and_nothing_is_saved(string what, string heldOn)
    {
        var client = await factory.SignInAsync(Recorder);
        var form = await NewFormAsync(client, "Đối thoại với kiến nghị không được đưa ra", heldOn);
        var id = what switch
        {
            "another unit's" => factory.WithDb(db => db.Recommendations.Where(r => r.Meeting!.Unit!.Code == "tp-ha-tinh").OrderBy(r => r.Id).First().Id),
            "an id that does not exist" => 999_999,
            _ => OpenEarlierOfKyPhuong(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)))[0],
        };
        form.Check(Field, [id.ToString(CultureInfo.InvariantCulture)]);
        var meetings = factory.WithDb(db => db.Meetings.Count());

        var refused = await form.PostAsync(client, "save");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("không phải kiến nghị chưa giải quyết", HtmlEntity.DeEntitize(page.Node("//*[@id='carried-error']").InnerText), StringComparison.Ordinal);
        Assert.Equal("Đối thoại với kiến nghị không được đưa ra", page.Node("//input[@name='Input.Title']").GetAttributeValue("value", ""));
        Assert.Equal(meetings, factory.WithDb(db => db.Meetings.Count()));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999999")]
    [InlineData("<script>alert(1)</script>")]
    public async Task A_value_that_is_no_id_is_a_message_beside_the_field_and_nothing_is_saved(string value)
    {
        var client = await factory.SignInAsync(Recorder);
        var form = await NewFormAsync(client, "Đối thoại với giá trị lạ");
        form.Check(Field, form.Checked(Field).Append(value));
        var meetings = factory.WithDb(db => db.Meetings.Count());

        var refused = await form.PostAsync(client, "save");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.NotEqual(string.Empty, HtmlEntity.DeEntitize(page.Node("//*[@id='carried-error']").InnerText).Trim());
        Assert.DoesNotContain("is not valid", page.DocumentNode.InnerText, StringComparison.Ordinal);
        Assert.Equal("Đối thoại với giá trị lạ", page.Node("//input[@name='Input.Title']").GetAttributeValue("value", ""));
        Assert.Equal(meetings, factory.WithDb(db => db.Meetings.Count()));
    }

    [Fact]
    public async Task Taking_the_list_again_offers_what_the_new_date_allows_and_keeps_what_was_typed()
    {
        var client = await factory.SignInAsync(Recorder);
        var form = await NewFormAsync(client, "Đối thoại dời ngày", heldOn: "2022-01-10");

        var again = await form.PostAsync(client, "carried-refresh");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = Html.Parse(await again.Content.ReadAsStringAsync());
        Assert.Empty(page.Nodes("//fieldset[@id='carried-over']//input[@type='checkbox']"));
        Assert.Equal("Đối thoại dời ngày", page.Node("//input[@name='Input.Title']").GetAttributeValue("value", ""));
        Assert.Equal("carried-refresh", page.Node("//*[@autofocus]").Id);
    }

    [Fact]
    public async Task Taking_the_list_again_keeps_the_lines_the_recorder_unticked_and_ticks_only_new_ones()
    {
        var client = await factory.SignInAsync(Recorder);
        var form = await NewFormAsync(client, "Đối thoại bỏ chọn một dòng");
        var offered = form.Checked(Field);
        form.Check(Field, offered.Skip(1));

        var again = await form.PostAsync(client, "carried-refresh");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var redrawn = HtmlForm.From(Html.Parse(await again.Content.ReadAsStringAsync()), "/Meetings/Create");
        Assert.Equal(offered.Skip(1), redrawn.Checked(Field));
    }

    [Fact]
    public async Task Moving_the_meeting_before_a_kept_line_names_that_line_beside_the_list_and_saves_nothing()
    {
        var client = await factory.SignInAsync(Recorder);
        var form = await NewFormAsync(client, "Đối thoại dời ngày sau khi lưu");
        var line = int.Parse(form.Checked(Field)[0], CultureInfo.InvariantCulture);
        form.Check(Field, [line.ToString(CultureInfo.InvariantCulture)]);
        var saved = await form.PostAsync(client, "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var meetingId = IdFrom(saved);
        var raisedOn = factory.WithDb(db => db.Recommendations.Where(r => r.Id == line).Select(r => r.Meeting!.HeldOn).Single());

        var edit = await HtmlForm.LoadAsync(client, $"/Meetings/{meetingId}/Edit");
        edit["Input.HeldOn"] = raisedOn.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var refused = await edit.PostAsync(client, "save");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var message = HtmlEntity.DeEntitize(Html.Parse(await refused.Content.ReadAsStringAsync()).Node("//*[@id='carried-error']").InnerText);
        Assert.Contains($"({raisedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)})", message, StringComparison.Ordinal);
        Assert.Contains("Hãy bỏ chọn hoặc sửa ngày họp", message, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 11, 20), factory.WithDb(db => db.Meetings.Single(m => m.Id == meetingId).HeldOn));
    }

    [Fact]
    public async Task A_recommendation_a_later_meeting_reported_on_cannot_be_removed_from_its_record()
    {
        var client = await factory.SignInAsync(Recorder);
        var form = await NewFormAsync(client, "Đối thoại báo cáo một kiến nghị");
        // Its answers go first: an answered recommendation is never removed anyway, and every seed one was answered.
        var reported = int.Parse(form.Checked(Field)[^1], CultureInfo.InvariantCulture);
        factory.WithDb(db => db.Responses.Where(x => x.RecommendationId == reported).ExecuteDelete());
        form.Check(Field, [reported.ToString(CultureInfo.InvariantCulture)]);
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(client, "save")).StatusCode);
        var earlier = factory.WithDb(db => db.Recommendations.Where(r => r.Id == reported).Select(r => r.MeetingId).Single());
        var rows = factory.WithDb(db => db.Recommendations.Count(r => r.MeetingId == earlier));

        var edit = await HtmlForm.LoadAsync(client, $"/Meetings/{earlier}/Edit");
        var place = edit.Fields.Single(f => f.Key.EndsWith("].Id", StringComparison.Ordinal) && f.Key.Contains(".Recommendations[", StringComparison.Ordinal) && f.Value == reported.ToString(CultureInfo.InvariantCulture)).Key;
        var (speech, item) = (place.Split('[')[1].Split(']')[0], place.Split('[')[2].Split(']')[0]);
        var removed = HtmlForm.From(Html.Parse(await (await edit.PostAsync(client, $"remove-rec:{speech}:{item}")).Content.ReadAsStringAsync()), $"/Meetings/{earlier}/Edit");
        removed["Input.ChangeReason"] = "Ghi nhầm";
        var refused = await removed.PostAsync(client, "save");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("báo cáo trong kết quả giải quyết kiến nghị kỳ trước", HtmlEntity.DeEntitize(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(rows, factory.WithDb(db => db.Recommendations.Count(r => r.MeetingId == earlier)));
    }
}
