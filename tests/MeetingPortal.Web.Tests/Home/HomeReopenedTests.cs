using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Home;

/// <summary>
/// The tracker's "reopened" (issue 17): taken up again and not answered since. A reopened item the body has since
/// said it is working on (an "in progress" reply) awaits an answer still, but is no longer "reopened".
/// </summary>
public sealed class HomeReopenedTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly Actor By = new("test", DateTime.UtcNow);

    [Fact]
    public async Task Reopened_counts_items_taken_up_again_without_a_reply_since()
    {
        var (waiting, working) = factory.WithDb(db =>
        {
            var body = db.Organisations.Single(o => o.Name == "Đảng ủy phường Kỳ Phương").Id;
            var answered = db.Recommendations.Include(r => r.Meeting).Include(r => r.Responses)
                .Where(r => r.Meeting!.Unit!.Code == "p-ky-phuong" && r.Status == RecommendationStatus.Answered).OrderBy(r => r.Id).Take(2).ToList();
            var due = new DateOnly(2100, 1, 1);
            foreach (var r in answered)
            {
                r.Reopen("Xem xét lại", By);
                r.AssignTo(body, due, By);
            }

            answered[1].Respond(ResponseKind.InProgress, new DateOnly(2026, 11, 2), body, null, "Đang giải quyết", By);
            db.SaveChanges();
            return (answered[0].Id, answered[1].Id);
        });
        var client = await factory.SignInAsync("theodoi.kyphuong");

        var home = await client.GetHtmlAsync("/");
        var reopened = home.Node("//section[@data-part='tracker']/ul/li[@data-count='Reopened']");
        var list = await client.GetHtmlAsync(System.Net.WebUtility.HtmlDecode(reopened.SelectSingleNode(".//a")!.GetAttributeValue("href", string.Empty)));

        Assert.Equal(1, reopened.GetAttributeValue("data-value", -1));
        Assert.Equal(1, list.Node("//p[@data-total]").GetAttributeValue("data-total", -1));
        Assert.Single(home.Nodes($"//section[@data-part='tracker']/ul/li[@data-count='Reopened']//a[@href='/Recommendations/{waiting}']"));
        Assert.Empty(home.Nodes($"//section[@data-part='tracker']/ul/li[@data-count='Reopened']//a[@href='/Recommendations/{working}']"));
        Assert.Single(list.Nodes($"//main//a[@href='/Recommendations/{waiting}']"));
    }
}
