using System.Net;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Directives;

/// <summary>
/// Issue 16, deliver 4 (ADR 0020): a task given to a group of bodies ("MTTQ và các đoàn thể chính trị - xã hội thành
/// phố", TP Hà Tĩnh, 16/3/2022) shows each member's latest progress; a Responder of a member reports for it; the host
/// side gives the task to groups of the meeting's unit and above, and a group of another branch answers 404.
/// </summary>
public sealed class DirectiveGroupTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string GroupName = "MTTQ và các đoàn thể chính trị - xã hội thành phố";

    private int Task => factory.WithDb(db => db.Directives.Single(d => d.Content.StartsWith("chủ động nắm bắt tâm tư")).Id);

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, int id, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await client.GetAntiforgeryTokenAsync($"/Directives/{id}");
        var version = factory.WithDb(db => db.Directives.Single(d => d.Id == id).Version);
        var form = fields.Concat([new("__RequestVerificationToken", token), new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        return await client.PostAsync($"/Directives/{id}?handler={handler}", new FormUrlEncodedContent(form));
    }

    private List<int> Groups(int id) =>
        factory.WithDb(db => db.Directives.Where(d => d.Id == id).SelectMany(d => d.GroupAssignees.Select(a => a.BodyGroupId)).ToList());

    [Fact]
    public async Task A_member_of_the_group_reports_and_the_task_shows_each_members_latest_progress()
    {
        var id = Task;
        // The city's Women's Union answers for itself: its Responder belongs to a member of the group.
        factory.WithDb(db =>
        {
            var union = db.Organisations.Single(o => o.Name == "Hội Liên hiệp Phụ nữ thành phố Hà Tĩnh").Id;
            db.Users.Single(u => u.UserName == "traloi.tphatinh").OrganisationId = union;
            return db.SaveChanges();
        });
        var responder = await factory.SignInAsync("traloi.tphatinh");
        var response = await PostAsync(responder, id, "Report", [new("Report.Text", "Hội đã gặp mặt hội viên ở 15 phường, xã")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await responder.GetHtmlAsync($"/Directives/{id}");
        var rows = page.Nodes("//section[@aria-labelledby='group-progress']//tbody/tr")
            .Select(r => HtmlAgilityPack.HtmlEntity.DeEntitize(r.InnerText)).ToList();
        Assert.Equal(6, rows.Count);
        Assert.Contains(rows, r => r.Contains("Hội Liên hiệp Phụ nữ thành phố Hà Tĩnh", StringComparison.Ordinal)
            && r.Contains("Hội đã gặp mặt hội viên ở 15 phường, xã", StringComparison.Ordinal));
        Assert.Equal(5, rows.Count(r => r.Contains("Chưa báo cáo", StringComparison.Ordinal)));
        Assert.Contains(GroupName, page.Node("//section[@aria-labelledby='group-progress']//h3").InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_side_gives_the_task_to_groups_of_its_lineage_and_another_branchs_group_is_not_found()
    {
        var id = Task;
        var own = factory.WithDb(db => db.BodyGroups.Single(g => g.Name == GroupName).Id);
        var elsewhere = factory.WithDb(db => db.BodyGroups.Single(g => g.Unit!.Code == "p-ky-phuong" && g.Name == "MTTQ và các tổ chức đoàn thể").Id);
        var tracker = await factory.SignInAsync("theodoi.tphatinh");
        var page = await tracker.GetHtmlAsync($"/Directives/{id}");
        Assert.Contains(page.Nodes("//input[@name='GroupIds']"), i => i.GetAttributeValue("value", "") == own.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(page.Nodes("//input[@name='GroupIds']"), i => i.GetAttributeValue("value", "") == elsewhere.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(tracker, id, "Groups", [new("GroupIds", own.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("GroupIds", elsewhere.ToString(System.Globalization.CultureInfo.InvariantCulture))])).StatusCode);
        Assert.Equal([own], Groups(id));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(tracker, id, "Groups", [])).StatusCode);
        Assert.Empty(Groups(id));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(tracker, id, "Groups", [new("GroupIds", own.ToString(System.Globalization.CultureInfo.InvariantCulture))])).StatusCode);
        Assert.Equal([own], Groups(id));
    }

    [Fact]
    public async Task An_empty_group_choice_is_refused_in_words_beside_the_field()
    {
        // Issue 16 trial: a hand-made post "GroupIds=" read "Vui lòng nhập ." (the field had no name).
        var id = Task;
        var tracker = await factory.SignInAsync("theodoi.tphatinh");
        var response = await PostAsync(tracker, id, "Groups", [new("GroupIds", "")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Html.Parse(await response.Content.ReadAsStringAsync()).Node("//*[@id='groups-error']").InnerText;
        Assert.Equal("Vui lòng chọn nhóm trong danh sách.", HtmlAgilityPack.HtmlEntity.DeEntitize(error).Trim());
    }
}
