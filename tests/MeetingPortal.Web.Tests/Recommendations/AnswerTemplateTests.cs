using System.Net;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Recommendations;

/// <summary>
/// Issue 18, deliver 4 (ADR 0025 section 4): answer templates kept per unit, read by the unit and the units below it, kept by
/// its Trackers and Administrators, and used to start an answer on a recommendation's page and in bulk, without a script.
/// </summary>
public sealed class AnswerTemplateTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int Template(string unitCode, string name, string text) => factory.WithDb(db =>
    {
        var unitId = db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).Single();
        if (db.AnswerTemplates.FirstOrDefault(t => t.UnitId == unitId && t.Name == name) is { } existing)
        {
            return existing.Id;
        }

        var template = new AnswerTemplate(unitId, name, text);
        db.AnswerTemplates.Add(template);
        db.SaveChanges();
        return template.Id;
    });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string tokenPage, string url, params (string Name, string Value)[] fields)
    {
        var token = await client.GetAntiforgeryTokenAsync(tokenPage);
        return await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]));
    }

    [Fact]
    public async Task A_tracker_adds_a_template_that_the_units_below_read_and_bad_input_is_said_beside_its_field()
    {
        var tracker = await factory.SignInAsync("theodoi.kyanh");
        var unit = factory.WithDb(db => db.Units.Where(u => u.Code == "tx-ky-anh").Select(u => u.Id).Single()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string Text = "Thị ủy tiếp thu, giao UBND thị xã chỉ đạo các phòng, ban liên quan nghiên cứu, giải quyết.";

        var refused = await PostAsync(tracker, "/Recommendations/Templates", "/Recommendations/Templates?handler=Add", ("Input.UnitId", unit), ("Input.Name", " "), ("Input.Text", Text));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("tên mẫu", page.Node("//*[@id='template-name-error']").InnerText, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Text, HtmlAgilityPack.HtmlEntity.DeEntitize(page.Node("//textarea[@id='template-text']").InnerText));

        var added = await PostAsync(tracker, "/Recommendations/Templates", "/Recommendations/Templates?handler=Add", ("Input.UnitId", unit), ("Input.Name", "Tiếp thu, giao UBND thị xã"), ("Input.Text", Text));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var twice = await PostAsync(tracker, "/Recommendations/Templates", "/Recommendations/Templates?handler=Add", ("Input.UnitId", unit), ("Input.Name", "Tiếp thu, giao UBND thị xã"), ("Input.Text", Text));
        Assert.Contains("trùng tên", Html.Parse(await twice.Content.ReadAsStringAsync()).Node("//*[@id='template-name-error']").InnerText, StringComparison.Ordinal);
        Assert.Equal(1, factory.WithDb(db => db.AnswerTemplates.Count(t => t.Name == "Tiếp thu, giao UBND thị xã")));
        // In another case and spacing it is still the same name (a user trial saved both).
        var again = await PostAsync(tracker, "/Recommendations/Templates", "/Recommendations/Templates?handler=Add", ("Input.UnitId", unit), ("Input.Name", "  tiếp thu,  GIAO UBND thị xã "), ("Input.Text", Text));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("trùng tên", Html.Parse(await again.Content.ReadAsStringAsync()).Node("//*[@id='template-name-error']").InnerText, StringComparison.Ordinal);

        // The ward below reads it (its responder answers with the town's wording) and may not change it.
        var id = factory.WithDb(db => db.AnswerTemplates.Single(t => t.Name == "Tiếp thu, giao UBND thị xã").Id);
        var responder = await factory.SignInAsync("traloi.kyphuong");
        Assert.NotEmpty((await responder.GetHtmlAsync("/Recommendations/Templates")).Nodes($"//tr[@data-template='{id}']"));
        Assert.Equal(HttpStatusCode.OK, (await responder.GetAsync($"/Recommendations/Templates/{id}")).StatusCode);
        var wardTracker = await factory.SignInAsync("theodoi.kyphuong");
        var save = await PostAsync(wardTracker, $"/Recommendations/Templates/{id}", $"/Recommendations/Templates/{id}?handler=Save", ("Input.Name", "Đổi tên"), ("Input.Text", "Đổi"));
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);

        // Changed and deleted by its tracker.
        var version = factory.WithDb(db => db.AnswerTemplates.Single(t => t.Id == id).Version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(tracker, $"/Recommendations/Templates/{id}", $"/Recommendations/Templates/{id}?handler=Save",
            ("Input.Version", version), ("Input.Name", "Tiếp thu, giao UBND"), ("Input.Text", Text))).StatusCode);
        Assert.Equal("Tiếp thu, giao UBND", factory.WithDb(db => db.AnswerTemplates.Single(t => t.Id == id).Name));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(tracker, $"/Recommendations/Templates/{id}", $"/Recommendations/Templates/{id}?handler=Delete")).StatusCode);
        Assert.False(factory.WithDb(db => db.AnswerTemplates.Any(t => t.Id == id)));
    }

    [Fact]
    public async Task A_template_out_of_scope_is_404_on_its_page_and_cannot_be_used()
    {
        var outside = Template("tp-ha-tinh", "Tiếp thu, tìm phương án", "BTV Thành ủy tiếp thu và tiếp tục tìm các phương án giải quyết");
        var tracker = await factory.SignInAsync("theodoi.kyanh");
        Assert.Equal(HttpStatusCode.NotFound, (await tracker.GetAsync($"/Recommendations/Templates/{outside}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(tracker, "/Recommendations/Templates", $"/Recommendations/Templates/{outside}?handler=Save", ("Input.Name", "x"), ("Input.Text", "y"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(tracker, "/Recommendations/Templates", $"/Recommendations/Templates/{outside}?handler=Delete")).StatusCode);
        Assert.Empty((await tracker.GetHtmlAsync("/Recommendations/Templates")).Nodes($"//tr[@data-template='{outside}']"));

        // Asked for by hand in a bulk answer: said beside the choice, nothing of it shown.
        var ids = factory.WithDb(db => db.Recommendations.Where(r => r.Meeting!.Unit!.Code == "p-ky-phuong").OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToList());
        var used = await PostAsync(tracker, "/Recommendations/Bulk?act=answer", "/Recommendations/Bulk?handler=UseTemplate",
            ("ids", ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture)), ("TemplateId", outside.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.Content", ""));
        var page = Html.Parse(await used.Content.ReadAsStringAsync());
        Assert.NotNull(page.DocumentNode.SelectSingleNode("//*[@id='bulk-template-error']"));
        Assert.DoesNotContain("tìm các phương án", page.Text(), StringComparison.Ordinal);
        Assert.True(factory.WithDb(db => db.AnswerTemplates.Any(t => t.Id == outside)));
    }

    [Fact]
    public async Task Dung_mau_fills_the_answer_and_keeps_what_else_was_typed_on_the_item_page_and_in_bulk()
    {
        var id = Template("tx-ky-anh", "Tiếp thu, tiếp tục tìm phương án", "BTV Thị ủy tiếp thu và tiếp tục tìm các phương án giải quyết.");
        var recommendation = factory.WithDb(db => db.Recommendations.Where(r => r.Meeting!.Unit!.Code == "p-ky-phuong" && r.Meeting.Status == Domain.Meetings.MeetingStatus.Published)
            .OrderBy(r => r.Id).Select(r => r.Id).First());
        var tracker = await factory.SignInAsync("theodoi.kyanh");

        // The item page: the kind chosen and the date typed stay, the text comes from the template; nothing is saved.
        var url = $"/Recommendations/{recommendation}";
        var detail = await tracker.GetHtmlAsync(url);
        Assert.NotEmpty(detail.Nodes($"//select[@id='respond-template']//option[@value='{id}']"));
        var responses = factory.WithDb(db => db.Responses.Count(r => r.RecommendationId == recommendation));
        var kind = detail.Nodes("//select[@id='respond-kind']/option").Last().GetAttributeValue("value", "");
        var version = detail.Node("//input[@name='Respond.Version']").GetAttributeValue("value", "");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(await tracker.GetAntiforgeryTokenAsync(url)), "__RequestVerificationToken" },
            { new StringContent(version), "Respond.Version" },
            { new StringContent(kind), "Respond.Kind" },
            { new StringContent("2022-07-01"), "Respond.RespondedOn" },
            { new StringContent(id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "TemplateId" },
        };
        var filled = Html.Parse(await (await tracker.PostAsync($"{url}?handler=UseTemplate", content)).Content.ReadAsStringAsync());
        Assert.Equal("BTV Thị ủy tiếp thu và tiếp tục tìm các phương án giải quyết.", HtmlAgilityPack.HtmlEntity.DeEntitize(filled.Node("//textarea[@id='respond-content']").InnerText));
        Assert.Equal(kind, filled.Node("//select[@id='respond-kind']/option[@selected]").GetAttributeValue("value", ""));
        Assert.Equal("2022-07-01", filled.Node("//input[@id='respond-date']").GetAttributeValue("value", ""));
        Assert.Equal(responses, factory.WithDb(db => db.Responses.Count(r => r.RecommendationId == recommendation)));

        // In bulk: the selection and the kind are kept.
        var used = await PostAsync(tracker, "/Recommendations/Bulk?act=answer", "/Recommendations/Bulk?handler=UseTemplate",
            ("ids", recommendation.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.Kind", "Explained"), ("TemplateId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var bulk = Html.Parse(await used.Content.ReadAsStringAsync());
        Assert.Equal("BTV Thị ủy tiếp thu và tiếp tục tìm các phương án giải quyết.", HtmlAgilityPack.HtmlEntity.DeEntitize(bulk.Node("//textarea[@id='bulk-content']").InnerText));
        Assert.Equal("Explained", bulk.Node("//select[@id='bulk-kind']/option[@selected]").GetAttributeValue("value", ""));
        Assert.Single(bulk.Nodes($"//ul[@class='bulk-selection']/li/input[@checked and @value='{recommendation}']"));
        Assert.Equal(responses, factory.WithDb(db => db.Responses.Count(r => r.RecommendationId == recommendation)));
    }
}
