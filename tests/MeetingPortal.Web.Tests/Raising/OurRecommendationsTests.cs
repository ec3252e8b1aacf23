using System.Net;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Web.Tests.Plans;
using MeetingPortal.Web.Tests.Results;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Raising;

/// <summary>
/// Issue 18, deliver 5 (ADR 0026): "our recommendations" lists what the raiser's body raised, at its own committee and at
/// the one above, from published records only; another body's, or a draft's, is not found.
/// </summary>
public sealed class OurRecommendationsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_list_holds_what_the_body_raised_across_committees_and_nothing_else()
    {
        var front = factory.BodyOf(PortalRoutes.RaiserUser);
        var meeting = factory.KyPhuongMeeting();
        var ward = factory.WithDb(db => db.Recommendations.Where(r => r.MeetingId == meeting).OrderBy(r => r.Id).Select(r => r.Id).ToList());
        var city = factory.WithDb(db => db.Recommendations.Where(r => r.Meeting!.Unit!.Code == "tp-ha-tinh" && r.Meeting.Status == MeetingStatus.Published).OrderBy(r => r.Id).Select(r => r.Id).First());
        factory.RaisedBy(ward[0], front);
        factory.RaisedBy(ward[1], front);
        factory.RaisedBy(city, front);
        var draft = factory.WithDb(db =>
        {
            var m = new Meeting(db.Units.Single(u => u.Code == "p-ky-phuong").Id, MeetingType.Dialogue, "Đối thoại chưa công bố", new DateOnly(2026, 11, 20));
            var speech = m.AddSpeech(SpeechKind.Recommendation, "Ý kiến", null, null, front);
            var r = m.RaiseRecommendation(speech, "Kiến nghị trong bản nháp chưa công bố của Mặt trận", front, null);
            db.Meetings.Add(m);
            db.SaveChanges();
            return r.Id;
        });

        var raiser = await factory.SignInAsync(PortalRoutes.RaiserUser);
        var page = await raiser.GetHtmlAsync("/Raising");
        Assert.Equal("3", page.Node("//p[@data-total]").GetAttributeValue("data-total", ""));
        var links = page.Nodes("//main//h2/a").Select(a => a.GetAttributeValue("href", "")).ToHashSet();
        Assert.Equal([$"/Raising/Recommendation/{ward[0]}", $"/Raising/Recommendation/{ward[1]}", $"/Raising/Recommendation/{city}"], links);
        Assert.DoesNotContain("bản nháp chưa công bố", page.Text(), StringComparison.Ordinal);

        // Its answers and its committee show; another body's, a draft's or an unknown one are not found.
        var item = await raiser.GetHtmlAsync($"/Raising/Recommendation/{city}");
        Assert.Contains("Thành phố Hà Tĩnh", item.Text(), StringComparison.Ordinal);
        foreach (var id in new[] { ward[2], draft, 999999 })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await raiser.GetAsync($"/Raising/Recommendation/{id}")).StatusCode);
        }

        // The city's Front reaches none of them; the committees' staff are refused the raising side's pages.
        var cityFront = await factory.SignInAsync("mattran.tphatinh");
        Assert.Equal(HttpStatusCode.NotFound, (await cityFront.GetAsync($"/Raising/Recommendation/{ward[0]}")).StatusCode);
        Assert.Empty((await cityFront.GetHtmlAsync("/Raising")).Nodes($"//a[@href='/Raising/Recommendation/{ward[0]}' or @href='/Raising/Recommendation/{ward[1]}']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignInAsync("lanhdao.kyphuong")).GetAsync("/Raising")).StatusCode);
        // The committee's own page of the same item stays closed to the raiser.
        Assert.Equal(HttpStatusCode.Forbidden, (await raiser.GetAsync($"/Recommendations/{ward[0]}")).StatusCode);
    }

    [Fact]
    public async Task Open_only_leaves_out_the_settled_ones_and_overdue_come_first()
    {
        // Raised at other committees than those the other test gives to the ward's Front.
        var front = factory.BodyOf("mattran.tphatinh");
        var ids = factory.WithDb(db => db.Recommendations.Where(r => r.Meeting!.Unit!.Code != "tp-ha-tinh" && r.Meeting.Unit.Code != "p-ky-phuong" && r.Meeting.Status == MeetingStatus.Published)
            .OrderBy(r => r.Id).Select(r => r.Id).Take(3).ToList());
        foreach (var id in ids)
        {
            factory.RaisedBy(id, front);
        }

        // One made overdue: given to a body with a due date long past and no answer.
        factory.WithDb(db =>
        {
            var r = db.Recommendations.Single(x => x.Id == ids[2]);
            db.Entry(r).Property(x => x.Status).CurrentValue = Domain.Recommendations.RecommendationStatus.Assigned;
            db.Entry(r).Property(x => x.DueOn).CurrentValue = new DateOnly(2022, 5, 1);
            return db.SaveChanges();
        });

        var raiser = await factory.SignInAsync("mattran.tphatinh");
        var page = await raiser.GetHtmlAsync("/Raising");
        Assert.Equal($"/Raising/Recommendation/{ids[2]}", page.Nodes("//main//h2/a")[0].GetAttributeValue("href", ""));
        Assert.Contains("(quá hạn)", page.Nodes("//main//article")[0].InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_names_what_the_bodys_own_unit_published_to_the_public_and_nothing_else()
    {
        // The ward's Front belongs to Kỳ Phương: its unit's public page is listed, the city's is not, nor one taken down.
        var raiser = await factory.SignInAsync(PortalRoutes.RaiserUser);
        const string section = "//section[@aria-labelledby='unit-published']";
        Assert.Contains("chưa công khai", (await raiser.GetHtmlAsync("/Raising")).Node(section).InnerText, StringComparison.Ordinal);

        var kyPhuong = ResultsFixtures.Meeting(factory);
        var city = ResultsFixtures.Meeting(factory, SeedTitles.TpHaTinh);
        var shown = ResultsFixtures.Publish(factory, kyPhuong, [.. ResultsFixtures.Items(factory, kyPhuong).Take(2).Select(i => i.Id)]);
        var cityShown = ResultsFixtures.Publish(factory, city, ResultsFixtures.Items(factory, city)[0].Id);

        var page = await raiser.GetHtmlAsync("/Raising");
        var links = page.Nodes($"{section}//a").Select(a => a.GetAttributeValue("href", "")).ToList();
        Assert.Equal([$"/Public/Results/{shown}"], links);
        Assert.DoesNotContain(cityShown, page.Text(), StringComparison.Ordinal);
        var line = page.Node($"{section}//li").InnerText;
        Assert.Contains(SeedTitles.KyPhuong, line, StringComparison.Ordinal);
        Assert.Contains("28/06/2022", line, StringComparison.Ordinal);
        Assert.Contains("2 kiến nghị công khai", line, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await raiser.GetAsync(links[0])).StatusCode);

        // Taken down, it is no longer listed.
        factory.WithDb(db =>
        {
            var results = db.PublicResults.Include(p => p.Items).Single(p => p.MeetingId == kyPhuong);
            results.Set(false, [], MeetingStatus.Published, db.Recommendations.Where(r => r.MeetingId == kyPhuong).Select(r => r.Id).ToList(), DateTime.UtcNow);
            return db.SaveChanges();
        });
        var after = await raiser.GetHtmlAsync("/Raising");
        Assert.Empty(after.Nodes($"{section}//a"));
        Assert.Contains("chưa công khai", after.Node(section).InnerText, StringComparison.Ordinal);
    }
}
