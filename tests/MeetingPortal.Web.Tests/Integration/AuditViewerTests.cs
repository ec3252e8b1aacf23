using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class AuditViewerTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static List<string> Records(HtmlAgilityPack.HtmlDocument page) =>
        page.Nodes("//table[contains(@class,'data-table')]/tbody/tr/td[5]").Select(td => HtmlAgilityPack.HtmlEntity.DeEntitize(td.InnerText).Trim()).ToList();

    [Fact]
    public async Task An_administrator_reads_the_changes_in_their_scope_filtered_by_what_who_and_when()
    {
        var ward = await factory.SignInAsync("quantri.kyphuong");
        var all = Records(await ward.GetHtmlAsync("/Admin/Audit"));
        Assert.NotEmpty(all);
        Assert.Contains(all, r => r.StartsWith("Đảng ủy phường Kỳ Phương", StringComparison.Ordinal));
        Assert.DoesNotContain(all, r => r.StartsWith("Thường trực Thành ủy", StringComparison.Ordinal));

        var meetingsOnly = Records(await ward.GetHtmlAsync("/Admin/Audit?what=meeting"));
        Assert.NotEmpty(meetingsOnly);
        Assert.All(meetingsOnly, r => Assert.StartsWith("Đảng ủy phường Kỳ Phương đối thoại", r, StringComparison.Ordinal));
        Assert.Empty(Records(await ward.GetHtmlAsync("/Admin/Audit?who=nobody")));
        Assert.Empty(Records(await ward.GetHtmlAsync("/Admin/Audit?to=2000-01-01")));
        Assert.NotEmpty(Records(await ward.GetHtmlAsync("/Admin/Audit?who=system&what=recommendation")));

        var province = await factory.SignInAsync("quantri.hatinh");
        var tpHaTinh = factory.WithDb(db => db.Units.Single(u => u.Code == "tp-ha-tinh").Id);
        var filtered = Records(await province.GetHtmlAsync($"/Admin/Audit?unit={tpHaTinh}"));
        Assert.NotEmpty(filtered);
        Assert.DoesNotContain(filtered, r => r.StartsWith("Đảng ủy phường Kỳ Phương", StringComparison.Ordinal));
    }
}
