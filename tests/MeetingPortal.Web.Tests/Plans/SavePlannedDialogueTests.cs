using System.Net;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Plans;

/// <summary>
/// Issue 18, deliver 1: a ward's recorder writes its yearly dialogue plan (month or quarter, host, counterparts, topic,
/// planned format); bad input is said beside its field with nothing saved; only the unit's writers in scope may.
/// </summary>
public sealed class SavePlannedDialogueTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Form = "//form[@method='post' and contains(@class,'action-form')]";

    private int Count => factory.WithDb(db => db.PlannedDialogues.Count());

    [Fact]
    public async Task A_recorder_adds_a_dialogue_to_the_plan_and_it_is_listed_with_its_bodies()
    {
        var ward = factory.Unit("p-ky-phuong");
        var front = factory.Body("p-ky-phuong", OrganisationKind.FatherlandFront);
        var committee = factory.Body("p-ky-phuong", OrganisationKind.PartyCommittee);
        var recorder = await factory.SignInAsync("thuky.kyphuong");
        var form = await HtmlForm.LoadAsync(recorder, $"/Plans/Edit?unitId={ward}&year=2027", Form);
        // The ward's Party committee hosts unless chosen otherwise.
        Assert.Equal(PlanFixtures.Id(committee), form["Input.HostOrganisationId"]);
        var fields = form.Fields.Where(f => f.Key != "Input.WithPeople").ToList();
        fields.RemoveAll(f => f.Key is "Input.Period" or "Input.Topic" or "Input.Format");
        fields.AddRange([new("Input.Period", "Month-5"), new("Input.Topic", "Đối thoại với đoàn viên, hội viên về xây dựng đô thị văn minh"),
            new("Input.Format", "Hybrid"), new("Input.CounterpartIds", PlanFixtures.Id(front)), new("Input.WithPeople", "true")]);

        var response = await recorder.PostAsync(form.Action, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await recorder.GetHtmlAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Đã lưu đối thoại trong kế hoạch.", entry.Text(), StringComparison.Ordinal);
        Assert.Contains("Tháng 5/2027", entry.Text(), StringComparison.Ordinal);
        Assert.Contains("Ủy ban MTTQ phường Kỳ Phương, Nhân dân", entry.Text(), StringComparison.Ordinal);
        Assert.Contains("Trực tiếp kết hợp trực tuyến", entry.Text(), StringComparison.Ordinal);
        Assert.Contains("Thêm vào kế hoạch", entry.Text(), StringComparison.Ordinal);
        var list = await (await factory.SignInAsync("lanhdao.kyphuong")).GetHtmlAsync($"/Plans?unitId={ward}&year=2027");
        Assert.Contains("Đối thoại với đoàn viên, hội viên về xây dựng đô thị văn minh", list.Text(), StringComparison.Ordinal);
        Assert.Contains("Kế hoạch: 1 cuộc đối thoại; đã tổ chức 0; chậm tổ chức 0.", list.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_said_beside_its_field_what_was_typed_stays_and_nothing_is_saved()
    {
        var ward = factory.Unit("p-ky-phuong");
        // A body of the city, a branch of the tree that is not the ward's lineage.
        var neighbour = factory.WithDb(db => db.Organisations.First(o => o.Unit!.Code == "tp-ha-tinh").Id);
        var recorder = await factory.SignInAsync("thuky.kyphuong");
        var url = $"/Plans/Edit?unitId={ward}&year=2027";
        var before = Count;
        const string Topic = "Đối thoại về môi trường";
        var cases = new (string ErrorId, string Message, (string Name, string Value)[] Fields)[]
        {
            ("Input_Period-error", "Vui lòng chọn tháng hoặc quý", [("Input.Period", ""), ("Input.Topic", Topic)]),
            ("Input_Period-error", "Vui lòng chọn tháng hoặc quý", [("Input.Period", "HalfYear-1"), ("Input.Topic", Topic)]),
            ("Input_Period-error", "Vui lòng chọn tháng hoặc quý", [("Input.Period", "Month-13"), ("Input.Topic", Topic)]),
            ("Input_Topic-error", "Vui lòng nhập chuyên đề, nội dung đối thoại.", [("Input.Period", "Quarter-2"), ("Input.Topic", "   ")]),
            ("Input_CounterpartIds-error", "không thuộc đơn vị", [("Input.Period", "Quarter-2"), ("Input.Topic", Topic), ("Input.CounterpartIds", PlanFixtures.Id(neighbour))]),
            ("Input_CounterpartIds-error", "không thuộc đơn vị", [("Input.Period", "Quarter-2"), ("Input.Topic", Topic), ("Input.CounterpartIds", "abc")]),
            ("Input_HostOrganisationId-error", "không thuộc đơn vị", [("Input.Period", "Quarter-2"), ("Input.Topic", Topic), ("Input.HostOrganisationId", PlanFixtures.Id(neighbour))]),
        };
        foreach (var (errorId, message, fields) in cases)
        {
            var response = await recorder.PostFieldsAsync(url, url, [.. fields, ("version", "0")]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(page.Node($"//*[@id='{errorId}']").InnerText.Contains(message, StringComparison.Ordinal), $"{string.Join("&", fields)}: {page.Node("//main").InnerText}");
            // What was typed stays (a topic of spaces only binds as nothing, which is all it said).
            var topic = fields.First(f => f.Name == "Input.Topic").Value.Trim();
            Assert.Equal(topic, System.Net.WebUtility.HtmlDecode(page.Node("//textarea[@id='Input_Topic']").InnerText).TrimStart('\n', '\r'));
            var period = fields.First(f => f.Name == "Input.Period").Value;
            if (period.StartsWith("Quarter", StringComparison.Ordinal))
            {
                Assert.Single(page.Nodes($"//select[@id='Input_Period']/option[@selected and @value='{period}']"));
            }
            Assert.Equal(before, Count);
        }
    }

    [Fact]
    public async Task A_hand_made_year_or_value_is_refused_in_words_and_saves_nothing()
    {
        var ward = factory.Unit("p-ky-phuong");
        var recorder = await factory.SignInAsync("thuky.kyphuong");
        var before = Count;
        var url = $"/Plans/Edit?unitId={ward}&year=1800";
        var year = await recorder.PostFieldsAsync(url, url, ("Input.Period", "Quarter-1"), ("Input.Topic", "Đối thoại"), ("version", "0"));
        Assert.Equal(HttpStatusCode.OK, year.StatusCode);
        Assert.Contains("Năm kế hoạch không hợp lệ.", Html.Parse(await year.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);

        url = $"/Plans/Edit?unitId={ward}&year=2027";
        var format = await recorder.PostFieldsAsync(url, url, ("Input.Period", "Quarter-1"), ("Input.Topic", "Đối thoại"), ("Input.Format", "abc"), ("version", "0"));
        Assert.Equal(HttpStatusCode.OK, format.StatusCode);
        var error = Html.Parse(await format.Content.ReadAsStringAsync()).Node("//*[@id='Input_Format-error']").InnerText;
        Assert.Contains("Hình thức dự kiến", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Format", error, StringComparison.Ordinal);
        Assert.Equal(before, Count);
    }

    [Fact]
    public async Task A_leader_may_not_write_the_plan_and_another_wards_recorder_cannot_reach_it()
    {
        var ward = factory.Unit("p-ky-phuong");
        var url = $"/Plans/Edit?unitId={ward}&year=2027";
        var before = Count;
        var fields = new[] { ("Input.Period", "Quarter-3"), ("Input.Topic", "Đối thoại về an sinh xã hội"), ("version", "0") };

        var leader = await factory.SignInAsync("lanhdao.kyphuong");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostFieldsAsync("/Account/ChangePassword", url, fields)).StatusCode);
        var neighbour = await factory.SignInAsync("thuky.tranphu");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostFieldsAsync("/Account/ChangePassword", url, fields)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/Plans?unitId={ward}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/Plans/Progress?unitId={ward}")).StatusCode);
        Assert.Equal(before, Count);

        // The district above writes its ward's plan, as it writes its records.
        var district = await factory.SignInAsync("thuky.kyanh");
        Assert.Equal(HttpStatusCode.Redirect, (await district.PostFieldsAsync("/Account/ChangePassword", url, fields)).StatusCode);
        Assert.Equal(before + 1, Count);
    }

    [Fact]
    public async Task A_change_made_from_an_older_page_is_refused_and_saves_nothing()
    {
        var id = factory.AddEntry("p-ky-phuong", new MeetingPortal.Domain.Meetings.ReviewPeriod(MeetingPortal.Domain.Meetings.PeriodKind.Quarter, 2027, 4), "Đối thoại về chuyển đổi số");
        var recorder = await factory.SignInAsync("thuky.kyphuong");
        var url = $"/Plans/Edit/{id}";
        // Two tabs open on the same entry: the first saves, the second saves from what it read before.
        var form = await HtmlForm.LoadAsync(recorder, url, Form);
        var older = await HtmlForm.LoadAsync(recorder, url, Form);
        Assert.Equal("Quarter-4", form["Input.Period"]);
        form.Fields["Input.Topic"] = "Đối thoại về chuyển đổi số trong cải cách hành chính";
        Assert.Equal(HttpStatusCode.Redirect, (await recorder.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields))).StatusCode);
        Assert.Equal("Đối thoại về chuyển đổi số trong cải cách hành chính", factory.Stored(id).Topic);

        // The older tab first saves with the topic left empty: it is told it is stale, and its form keeps the version it
        // saw, so saving again with a topic is refused too (the trial's tab B overwrote tab A silently).
        older.Fields["Input.Topic"] = "";
        var emptied = await recorder.PostAsync(older.Action, new FormUrlEncodedContent(older.Fields));
        Assert.Equal(HttpStatusCode.OK, emptied.StatusCode);
        var emptiedPage = Html.Parse(await emptied.Content.ReadAsStringAsync());
        Assert.Contains("vừa được người khác sửa", emptiedPage.Text(), StringComparison.Ordinal);
        var again = HtmlForm.From(emptiedPage, older.Action, Form);
        Assert.Equal(older["version"], again["version"]);
        again.Fields["Input.Topic"] = "Bản cũ";
        var stale = await recorder.PostAsync(again.Action, new FormUrlEncodedContent(again.Fields));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("vừa được người khác sửa", Html.Parse(await stale.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal("Đối thoại về chuyển đổi số trong cải cách hành chính", factory.Stored(id).Topic);
        Assert.Equal(1, factory.WithDb(db => db.History.Count(h => h.EntityType == "PlannedDialogue" && h.EntityId == id)));
    }
}
