using System.Net;
using MeetingPortal.Infrastructure.Seeding;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Results;

/// <summary>
/// Issue 18, deliver 5 on a first start in Development (ADR 0024): the demo history publishes one dialogue's results of
/// Kỳ Phương with some items public and others kept off, so the public page and its link on the notice show at once.
/// </summary>
public sealed class DemoPublicResultsTests(DemoHistoryPortalFactory factory) : IClassFixture<DemoHistoryPortalFactory>
{
    [Fact]
    public async Task Kỳ_Phương_has_one_dialogue_published_with_some_items_public_and_others_not()
    {
        var (meeting, publicId, marked, all) = factory.WithDb(db => db.PublicResults.AsNoTracking()
            .Where(p => p.IsPublished && p.Meeting!.Unit!.Code == DemoHistorySeeder.UnitWithPublicResults)
            .Select(p => new { p.MeetingId, p.PublicId, Marked = p.Items.Count, All = p.Meeting!.Recommendations.Count })
            .AsEnumerable().Select(p => (p.MeetingId, p.PublicId, p.Marked, p.All)).Single());
        Assert.InRange(marked, 1, all - 1);

        var recorder = await factory.SignInAsync("thuky.kyphuong");
        var notice = await recorder.GetHtmlAsync($"/Meetings/{meeting}/Results");
        Assert.NotNull(notice.DocumentNode.SelectSingleNode($"//a[@href='/Public/Results/{publicId}']"));
        var response = await factory.CreateBrowserLikeClient().GetAsync($"/Public/Results/{publicId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(marked, Html.Parse(await response.Content.ReadAsStringAsync()).Nodes("//li[@data-result-item]").Count);
    }
}
