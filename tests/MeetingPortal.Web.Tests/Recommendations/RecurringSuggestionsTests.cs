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

/// <summary>
/// Issue 17 trial: a hand-typed <c>?link=</c> or <c>earlierId</c> could still link a neighbour of the same meeting or an
/// exact copy, which the suggestions leave out; the rule now lives in the domain's link, and the confirmation says so.
/// An empty earlier id read "Vui lòng nhập ." in the summary.
/// </summary>
public sealed class LinkRulesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Decree34 = "Do chế độ phụ cấp theo Nghị định 34";
    private const string SameMeeting = "Đây là kiến nghị khác của cùng hội nghị, không phải kiến nghị lặp lại.";
    private const string Copy = "Hai kiến nghị có nội dung giống hệt nhau: đây là bản nhập trùng, không phải kiến nghị lặp lại.";

    [Fact]
    public async Task A_neighbour_an_exact_copy_or_no_earlier_id_is_refused_in_words_and_nothing_is_linked()
    {
        var later = factory.WithDb(db => db.Recommendations.Single(r => r.Content.StartsWith(Decree34)).Id);
        var (neighbour, copy) = factory.WithDb(db =>
        {
            var r = db.Recommendations.Single(x => x.Id == later);
            var n = db.Recommendations.Where(x => x.MeetingId == r.MeetingId && x.Id != later).OrderBy(x => x.Id).First();
            var c = db.Recommendations.Where(x => x.MeetingId != r.MeetingId && x.Meeting!.Unit!.Code == "tp-ha-tinh").OrderBy(x => x.Id).First();
            c.Content = "  " + r.Content.ToUpperInvariant() + " ";
            db.SaveChanges();
            return (n.Id, c.Id);
        });
        var province = await factory.SignInAsync("theodoi.hatinh");

        foreach (var (earlier, message) in new[] { (neighbour, SameMeeting), (copy, Copy) })
        {
            var url = $"/Recommendations/{later}?link={earlier}";
            var confirm = await province.GetHtmlAsync(url);
            var panel = confirm.Node("//*[@id='link-confirm']");
            Assert.Contains(message, HtmlAgilityPack.HtmlEntity.DeEntitize(panel.InnerText), StringComparison.Ordinal);
            Assert.Null(panel.SelectSingleNode(".//form"));

            // Posted by hand all the same: the domain refuses it with the same words.
            var page = await province.GetHtmlAsync($"/Recommendations/{later}");
            var version = page.Node("//input[@name='Reason.Version']").GetAttributeValue("value", "");
            var response = await province.PostFieldsAsync($"/Recommendations/{later}", $"/Recommendations/{later}?handler=Link&earlierId={earlier}", ("Reason.Version", version));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            Assert.Null(factory.WithDb(db => db.Recommendations.Single(r => r.Id == later).RecurrenceOfId));
        }

        var before = factory.WithDb(db => db.Recommendations.Single(r => r.Id == later).Version);
        var empty = await province.PostFieldsAsync($"/Recommendations/{later}", $"/Recommendations/{later}?handler=Link&earlierId=", ("Reason.Version", before.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var text = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        Assert.Contains("Không tìm thấy kiến nghị để liên kết.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Vui lòng nhập .", text, StringComparison.Ordinal);
        Assert.Equal(before, factory.WithDb(db => db.Recommendations.Single(r => r.Id == later).Version));
    }
}
