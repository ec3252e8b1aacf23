using System.Net;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Recommendations;

/// <summary>
/// Issue 17, deliver 9: the recurring-matter suggestions listed other items of the same meeting and exact copies, each
/// with a one-click "Liên kết". The query now leaves both out, and linking first shows both texts side by side for
/// confirmation; the confirmation posts to the existing use case.
/// </summary>
public sealed class RecurringSuggestionsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Decree34 = "Do chế độ phụ cấp theo Nghị định 34";
    private const string CityAllowances = "hiện nay, đội ngũ cán bộ cơ sở phải kiêm nhiệm";

    private int Id(string start) => factory.WithDb(db => db.Recommendations.Single(r => r.Content.StartsWith(start)).Id);

    private static List<int> SuggestedIds(HtmlAgilityPack.HtmlDocument page) =>
        page.Nodes("//ul[@class='suggestions']/li/a[1]")
            .Select(a => int.Parse(a.GetAttributeValue("href", "").Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task Items_of_the_same_meeting_and_exact_copies_are_not_suggested()
    {
        var later = Id(Decree34);
        var (content, meetingId) = factory.WithDb(db => db.Recommendations.Where(r => r.Id == later).Select(r => new { r.Content, r.MeetingId }).Single() is var x ? (x.Content, x.MeetingId) : default);
        var earlier = Id(CityAllowances);
        // A neighbour in the same meeting saying nearly the same, and an exact copy (other case, other spacing) in an
        // earlier meeting: both the most alike of all, so the old list showed them first.
        var (neighbour, copy) = factory.WithDb(db =>
        {
            var n = db.Recommendations.Where(r => r.MeetingId == meetingId && r.Id != later).OrderBy(r => r.Id).First();
            n.Content = "Nhắc lại: " + content;
            var c = db.Recommendations.Where(r => r.MeetingId != meetingId && r.Meeting!.Unit!.Code == "tp-ha-tinh" && r.Id != earlier).OrderBy(r => r.Id).First();
            c.Content = "  " + content.ToUpperInvariant() + " ";
            db.SaveChanges();
            return (n.Id, c.Id);
        });

        var province = await factory.SignInAsync("theodoi.hatinh");
        var suggested = SuggestedIds(await province.GetHtmlAsync($"/Recommendations/{later}"));
        Assert.Contains(earlier, suggested);
        Assert.DoesNotContain(neighbour, suggested);
        Assert.DoesNotContain(copy, suggested);
    }

}

/// <summary>Issue 17, deliver 9: linking a suggested earlier recommendation is confirmed with both texts side by side.</summary>
public sealed class LinkConfirmationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Decree34 = "Do chế độ phụ cấp theo Nghị định 34";
    private const string CityAllowances = "hiện nay, đội ngũ cán bộ cơ sở phải kiêm nhiệm";

    private int Id(string start) => factory.WithDb(db => db.Recommendations.Single(r => r.Content.StartsWith(start)).Id);

    [Fact]
    public async Task Linking_asks_for_confirmation_with_both_texts_then_links()
    {
        var later = Id(Decree34);
        var earlier = Id(CityAllowances);
        var province = await factory.SignInAsync("theodoi.hatinh");
        var page = await province.GetHtmlAsync($"/Recommendations/{later}");
        // No one-click link: each suggestion opens the confirmation.
        Assert.Empty(page.Nodes("//ul[@class='suggestions']//form"));
        var open = page.Node($"//ul[@class='suggestions']//a[contains(@href,'link={earlier}')]");
        var confirmUrl = WebUtility.HtmlDecode(open.GetAttributeValue("href", ""));

        var confirm = await province.GetHtmlAsync(confirmUrl);
        var panel = confirm.Node("//*[@id='link-confirm']");
        Assert.Contains("Xác nhận liên kết", panel.InnerText, StringComparison.Ordinal);
        Assert.Contains(Decree34, HtmlAgilityPack.HtmlEntity.DeEntitize(panel.InnerText), StringComparison.Ordinal);
        Assert.Contains(CityAllowances, HtmlAgilityPack.HtmlEntity.DeEntitize(panel.InnerText), StringComparison.Ordinal);
        Assert.Null(factory.WithDb(db => db.Recommendations.Single(r => r.Id == later).RecurrenceOfId));

        var form = panel.SelectSingleNode(".//form")!;
        var action = WebUtility.HtmlDecode(form.GetAttributeValue("action", ""));
        var version = form.SelectSingleNode(".//input[@name='Reason.Version']")!.GetAttributeValue("value", "");
        var response = await province.PostFieldsAsync(confirmUrl, action, ("Reason.Version", version));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(earlier, factory.WithDb(db => db.Recommendations.Single(r => r.Id == later).RecurrenceOfId));
    }

    [Fact]
    public async Task The_confirmation_answers_404_out_of_scope_403_without_the_role_and_takes_hostile_ids()
    {
        var later = Id(Decree34);
        var earlier = Id(CityAllowances);
        // The ward's tracker sees the ward's recommendation but not the city's.
        var ward = await factory.SignInAsync("theodoi.kyphuong");
        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync($"/Recommendations/{later}?link={earlier}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync($"/Recommendations/{later}?link={int.MaxValue}")).StatusCode);
        // A leader reads it but does not link.
        var leader = await factory.SignInAsync("lanhdao.kyphuong");
        var sameWard = factory.WithDb(db => db.Recommendations.Where(r => r.Meeting!.Unit!.Code == "p-ky-phuong" && r.Id != later).Select(r => r.Id).First());
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync($"/Recommendations/{later}?link={sameWard}")).StatusCode);
        // Letters where an id belongs show the page without a confirmation, never a 500.
        var hostile = await ward.GetAsync($"/Recommendations/{later}?link=abc");
        Assert.Equal(HttpStatusCode.OK, hostile.StatusCode);
        Assert.DoesNotContain("id=\"link-confirm\"", await hostile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
