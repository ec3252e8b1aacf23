using HtmlAgilityPack;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>
/// Issue 17, deliver 5: the portal reads as a person writes Vietnamese: no English enum names in the audit log, no
/// separator dangling after a breadcrumb's last link, and a search form's screen-reader label names what it filters.
/// </summary>
public sealed class WordingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] EnglishResponseKinds = Enum.GetNames<ResponseKind>();

    [Fact]
    public async Task The_audit_logs_reason_column_names_a_responses_kind_in_Vietnamese()
    {
        var client = await factory.SignInAsync("quantri.kyphuong");

        var page = await client.GetHtmlAsync("/Admin/Audit?What=recommendation");

        var reasons = page.Nodes("//table[contains(@class,'data-table')]/tbody/tr/td[last()]")
            .Select(td => HtmlEntity.DeEntitize(td.InnerText).Trim()).ToList();
        Assert.NotEmpty(reasons);
        Assert.DoesNotContain(reasons, r => EnglishResponseKinds.Contains(r));
        // The seed meetings' responses are logged: their kinds show by their labels.
        Assert.Contains(reasons, r => r is "Tiếp thu" or "Giải trình" or "Đang giải quyết" or "Đã giải quyết" or "Không chấp nhận");
    }

    [Fact]
    public async Task The_quarterly_reports_trail_has_no_separator_after_its_last_link()
    {
        var client = await factory.SignInAsync("lanhdao.kyanh");

        var page = await client.GetHtmlAsync("/Reports/Quarterly");

        var trail = page.Node("//nav[contains(@class,'breadcrumb')]");
        var children = trail.ChildNodes.Where(n => n.NodeType == HtmlNodeType.Element).ToList();
        Assert.NotEmpty(children);
        Assert.Equal("a", children[^1].Name);
        Assert.Equal("a", children[0].Name);
    }

    [Theory]
    [InlineData("lanhdao.kyphuong", "/Directives", "Lọc nhiệm vụ")]
    [InlineData("quantri.kyphuong", "/Admin/Users", "Lọc và tìm kiếm tài khoản")]
    [InlineData("quantri.kyphuong", "/Admin/Organisations", "Lọc và tìm kiếm tổ chức")]
    [InlineData("quantri.kyphuong", "/Admin/Organisations/Groups", "Lọc nhóm, khối")]
    [InlineData("quantri.kyphuong", "/Admin/Audit", "Lọc nhật ký thay đổi")]
    public async Task A_search_forms_label_names_what_it_filters(string user, string url, string label)
    {
        var client = await factory.SignInAsync(user);

        var page = await client.GetHtmlAsync(url);

        Assert.Equal(label, HtmlEntity.DeEntitize(page.Node("//form[@role='search']").GetAttributeValue("aria-label", "")));
    }
}
