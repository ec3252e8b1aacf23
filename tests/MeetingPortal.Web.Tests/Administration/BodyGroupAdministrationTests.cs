using System.Net;
using HtmlAgilityPack;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Administration;

/// <summary>
/// Issue 16, deliver 4 (ADR 0020): administrators keep the groups of bodies of their units as they keep the
/// organisations: listed in scope, renamed, given their known members (bodies of the group's unit), deleted when no
/// meeting or task uses them. Outsiders and the missing role are refused by the POST scope matrix.
/// </summary>
public sealed class BodyGroupAdministrationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Administrator = "quantri.kyphuong";

    private int KyPhuongGroup(string name) => factory.WithDb(db => db.BodyGroups.Single(g => g.Unit!.Code == "p-ky-phuong" && g.Name == name).Id);

    private int Organisation(string unit, Func<Organisation, bool> which) =>
        factory.WithDb(db => db.Organisations.Where(o => o.Unit!.Code == unit).AsEnumerable().First(which).Id);

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<HtmlDocument> PageOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_list_shows_the_groups_of_the_units_in_scope_and_is_linked_from_administration_and_the_organisations()
    {
        var (ours, theirs) = factory.WithDb(db => (
            db.BodyGroups.Where(g => g.Unit!.Code == "p-ky-phuong").Select(g => g.Id).ToList(),
            db.BodyGroups.Where(g => g.Unit!.Code == "tx-hong-linh").Select(g => g.Id).ToList()));
        var client = await factory.SignInAsync(Administrator);

        var page = await client.GetHtmlAsync("/Admin/Organisations/Groups");

        var links = page.Nodes("//table//a").Select(a => a.GetAttributeValue("href", "")).ToList();
        Assert.All(ours, id => Assert.Contains($"/Admin/Organisations/Groups/{id}", links));
        Assert.All(theirs, id => Assert.DoesNotContain($"/Admin/Organisations/Groups/{id}", links));
        Assert.Equal(ours.Count, links.Count);
        foreach (var from in new[] { "/Admin", "/Admin/Organisations" })
        {
            var hrefs = (await client.GetHtmlAsync(from)).Nodes("//main//a").Select(a => a.GetAttributeValue("href", ""));
            Assert.Contains(hrefs, h => h.StartsWith("/Admin/Organisations/Groups", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_administrator_renames_a_group_and_sets_its_known_members()
    {
        var group = KyPhuongGroup("các chi hội, chi đoàn các tổ dân phố");
        var front = Organisation("p-ky-phuong", o => o.Kind == OrganisationKind.FatherlandFront);
        var other = Organisation("p-ky-phuong", o => o.Id != front);
        var client = await factory.SignInAsync(Administrator);
        var url = $"/Admin/Organisations/Groups/{group}";
        var page = await client.GetHtmlAsync(url);
        Assert.Equal("các chi hội, chi đoàn các tổ dân phố", page.Node("//input[@id='group-name']").GetAttributeValue("value", ""));

        var response = await client.PostFieldsAsync(url, url,
            ("Input.Name", "Các chi hội, chi đoàn các tổ dân phố"), ("Input.MemberIds", Id(front)), ("Input.MemberIds", Id(other)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (name, members, history) = factory.WithDb(db => (
            db.BodyGroups.Single(g => g.Id == group).Name,
            db.BodyGroups.Where(g => g.Id == group).SelectMany(g => g.Members.Select(m => m.OrganisationId)).OrderBy(i => i).ToList(),
            db.History.Count(h => h.EntityType == nameof(BodyGroup) && h.EntityId == group && h.Action == HistoryAction.Updated)));
        Assert.Equal("Các chi hội, chi đoàn các tổ dân phố", name);
        Assert.Equal(new[] { front, other }.Order(), members);
        Assert.Equal(1, history);

        var unticked = await client.PostFieldsAsync(url, url, ("Input.Name", "Các chi hội, chi đoàn các tổ dân phố"), ("Input.MemberIds", Id(other)));
        Assert.Equal(HttpStatusCode.Redirect, unticked.StatusCode);
        Assert.Equal([other], factory.WithDb(db => db.BodyGroups.Where(g => g.Id == group).SelectMany(g => g.Members.Select(m => m.OrganisationId)).ToList()));
    }

    [Fact]
    public async Task A_blank_name_or_a_body_of_another_unit_is_refused_beside_its_field_and_nothing_changes()
    {
        var group = KyPhuongGroup("MTTQ và các tổ chức đoàn thể");
        var before = factory.WithDb(db => db.BodyGroups.Where(g => g.Id == group).Select(g => new { g.Name, g.Version, Members = g.Members.Count }).Single());
        var district = Organisation("tx-ky-anh", _ => true);
        var client = await factory.SignInAsync(Administrator);
        var url = $"/Admin/Organisations/Groups/{group}";

        var blank = await PageOfAsync(await client.PostFieldsAsync(url, url, ("Input.Name", "  ")));
        Assert.Equal("Vui lòng nhập tên nhóm, khối.", HtmlEntity.DeEntitize(blank.Node("//*[@id='group-name-error']").InnerText).Trim());

        var outsider = await PageOfAsync(await client.PostFieldsAsync(url, url, ("Input.Name", "Tên mới của nhóm"), ("Input.MemberIds", Id(district))));
        Assert.Equal("Thành viên của nhóm phải là cơ quan, tổ chức thuộc đơn vị của nhóm.", HtmlEntity.DeEntitize(outsider.Node("//*[@id='group-members-error']").InnerText).Trim());
        // What was typed stays.
        Assert.Equal("Tên mới của nhóm", outsider.Node("//input[@id='group-name']").GetAttributeValue("value", ""));

        // A member id that is no number is not read as "no members".
        var unread = await PageOfAsync(await client.PostFieldsAsync(url, url, ("Input.Name", "Tên mới của nhóm"), ("Input.MemberIds", "abc")));
        Assert.NotEqual(string.Empty, HtmlEntity.DeEntitize(unread.Node("//*[@id='group-members-error']").InnerText).Trim());

        Assert.Equal(before, factory.WithDb(db => db.BodyGroups.Where(g => g.Id == group).Select(g => new { g.Name, g.Version, Members = g.Members.Count }).Single()));
    }

    [Fact]
    public async Task A_group_a_record_uses_is_not_deleted_an_unused_one_is()
    {
        var used = KyPhuongGroup("MTTQ và các tổ chức đoàn thể");
        var unitId = factory.WithDb(db => db.Units.Single(u => u.Code == "p-ky-phuong").Id);
        var unused = factory.WithDb(db =>
        {
            var group = db.BodyGroups.Add(new BodyGroup(unitId, "Nhóm nhập nhầm")).Entity;
            db.SaveChanges();
            return group.Id;
        });
        var client = await factory.SignInAsync(Administrator);

        var refused = await PageOfAsync(await client.PostFieldsAsync($"/Admin/Organisations/Groups/{used}", $"/Admin/Organisations/Groups/{used}?handler=Delete"));
        Assert.Contains("Không xóa được nhóm: nhóm đang được hội nghị hoặc nhiệm vụ sử dụng.", HtmlEntity.DeEntitize(refused.Node("//*[contains(@class,'error-summary')]").InnerText), StringComparison.Ordinal);
        Assert.True(factory.WithDb(db => db.BodyGroups.Any(g => g.Id == used)));

        var deleted = await client.PostFieldsAsync($"/Admin/Organisations/Groups/{unused}", $"/Admin/Organisations/Groups/{unused}?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(factory.WithDb(db => db.BodyGroups.Any(g => g.Id == unused)));
        Assert.Equal(1, factory.WithDb(db => db.History.Count(h => h.EntityType == nameof(BodyGroup) && h.EntityId == unused && h.Action == HistoryAction.Removed)));
    }
}
