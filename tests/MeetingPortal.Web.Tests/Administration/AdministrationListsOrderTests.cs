using HtmlAgilityPack;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Administration;

/// <summary>
/// Issue 17, deliver 6 ("not done if a list puts Đ after T"): the administrator's organisation and group lists are
/// ordered by the database, which on SQLite compared code points, so "Đảng ủy phường Kỳ Phương" (Đ is U+0110) came after
/// "Hội …" and "Tổ …". They now order by the Vietnamese collation (ADR 0021), within each unit, ties by id.
/// </summary>
public sealed class AdministrationListsOrderTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Administrator = "quantri.kyphuong";
    private const string Ward = "Đảng ủy phường Kỳ Phương";

    private static readonly string[] AddedBodies = ["Tổ dân phố Hưng Phú", "Hội Cựu chiến binh phường Kỳ Phương", "Ấp Tây Yên", "đoàn viên phường"];
    private static readonly string[] AfterDang = ["Hội Cựu chiến binh phường Kỳ Phương", "Tổ dân phố Hưng Phú"];
    private static readonly string[] AddedGroups = ["Tổ trưởng các tổ dân phố", "Đoàn viên thanh niên", "Hội viên phụ nữ", "ủy viên Ủy ban Mặt trận"];

    private int WardId() => factory.WithDb(db => db.Units.Single(u => u.Code == "p-ky-phuong").Id);

    private static List<string> FirstColumn(HtmlDocument page) =>
        page.Nodes("//table[contains(@class,'data-table')]/tbody/tr/td[1]/a").Select(a => HtmlEntity.DeEntitize(a.InnerText).Trim()).ToList();

    [Fact]
    public async Task The_organisation_list_of_a_unit_puts_Dang_uy_before_names_in_H_T_and_U()
    {
        // The demo ward's bodies start with B, Đ or Ủ, which code-point order happens to list right; bodies starting
        // with a plain letter after D (as "Tỉnh ủy …" does) show the difference.
        var ward = WardId();
        factory.WithDb(db =>
        {
            foreach (var name in AddedBodies)
            {
                db.Organisations.Add(new Organisation(ward, name, OrganisationKind.SocioPoliticalOrganisation));
            }

            return db.SaveChanges();
        });
        var client = await factory.SignInAsync(Administrator);

        var names = FirstColumn(await client.GetHtmlAsync($"/Admin/Organisations?unit={ward}"));

        var dang = names.IndexOf(Ward);
        Assert.True(dang >= 0, string.Join(" | ", names));
        Assert.All(AfterDang, n => Assert.True(names.IndexOf(n) > dang, string.Join(" | ", names)));
        Assert.All(names.Where(n => n.StartsWith('Ủ')), n => Assert.True(names.IndexOf(n) > dang, n));
        // "Ấp" (â with a tone) comes among the a ă â, before B and Đ; "đoàn …" in lower case comes among the Đ.
        Assert.True(names.IndexOf("Ấp Tây Yên") < dang);
        Assert.Equal(names.OrderBy(n => n, VietnameseOrder.NamesIgnoringCase), names);
    }

    [Fact]
    public async Task The_group_list_follows_Vietnamese_order()
    {
        var ward = WardId();
        factory.WithDb(db =>
        {
            foreach (var name in AddedGroups)
            {
                db.BodyGroups.Add(new BodyGroup(ward, name));
            }

            return db.SaveChanges();
        });
        var client = await factory.SignInAsync(Administrator);

        var names = FirstColumn(await client.GetHtmlAsync($"/Admin/Organisations/Groups?unit={ward}"));

        Assert.True(names.Count >= 5, string.Join(" | ", names));
        Assert.True(names.IndexOf("Đoàn viên thanh niên") < names.IndexOf("Hội viên phụ nữ"), string.Join(" | ", names));
        Assert.True(names.IndexOf("Hội viên phụ nữ") < names.IndexOf("Tổ trưởng các tổ dân phố"));
        Assert.True(names.IndexOf("Tổ trưởng các tổ dân phố") < names.IndexOf("ủy viên Ủy ban Mặt trận"));
        // The demo's groups start in lower case ("các chi hội …"): case does not put them after every capital.
        Assert.Equal(names.OrderBy(n => n, VietnameseOrder.NamesIgnoringCase), names);
    }
}
