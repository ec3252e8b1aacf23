using System.Net;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>A ward sees its own records, a district its wards, a province all of its own; others answer 404.</summary>
public sealed class ScopeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string KyPhuong = SeedTitles.KyPhuong;
    private const string TpHaTinh = SeedTitles.TpHaTinh;
    private const string HongLinh = SeedTitles.HongLinh;

    [Fact]
    public async Task Ward_user_sees_only_their_ward()
    {
        var client = await factory.SignInAsync("thuky.kyphuong");
        var titles = (await client.GetHtmlAsync("/Meetings")).MeetingTitles();
        Assert.Equal([KyPhuong], titles);
    }

    [Fact]
    public async Task Ward_in_another_district_sees_none_of_Ky_Phuong()
    {
        var client = await factory.SignInAsync("thuky.tranphu");
        Assert.Empty((await client.GetHtmlAsync("/Meetings")).MeetingTitles());
    }

    [Fact]
    public async Task District_user_sees_its_wards_but_not_its_parent_or_siblings()
    {
        var client = await factory.SignInAsync("lanhdao.kyanh");
        Assert.Equal([KyPhuong], (await client.GetHtmlAsync("/Meetings")).MeetingTitles());
    }

    [Fact]
    public async Task Province_user_sees_every_meeting_of_the_province()
    {
        var client = await factory.SignInAsync("lanhdao.hatinh");
        var titles = (await client.GetHtmlAsync("/Meetings")).MeetingTitles();
        Assert.Equal(new[] { HongLinh, KyPhuong, TpHaTinh }.Order(), titles.Order());
    }

    [Fact]
    public async Task National_administrator_sees_all_five_seed_meetings()
    {
        var client = await factory.SignInAsync("quantri.toanquoc");
        var titles = (await client.GetHtmlAsync("/Meetings")).MeetingTitles();
        Assert.Equal(5, titles.Count);
        Assert.Equal(5, factory.WithDb(db => db.Meetings.Count()));
    }

    [Fact]
    public async Task Detail_in_scope_shows_speeches_in_order_and_recommendations()
    {
        var id = MeetingId(TpHaTinh);
        var client = await factory.SignInAsync("theodoi.tphatinh");
        var page = await client.GetHtmlAsync($"/Meetings/{id}");
        var text = page.Text();
        Assert.Contains("Trần Thị Phương", text, StringComparison.Ordinal);
        Assert.Contains("Đã trả lời", text, StringComparison.Ordinal);
        Assert.Equal(12, page.Nodes("//ol[@class='speeches']/li").Count);
        Assert.Equal(3, page.Nodes("//div[@class='recommendation']").Count);
    }

    [Theory]
    [InlineData("thuky.kyphuong")] // sibling district's ward
    [InlineData("lanhdao.tranphu")] // a ward below the meeting's unit does not see its parent's record
    [InlineData("lanhdao.kyanh")] // sibling district
    public async Task Detail_out_of_scope_answers_404(string userName)
    {
        var id = MeetingId(TpHaTinh);
        var client = await factory.SignInAsync(userName);
        var response = await client.GetAsync($"/Meetings/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_meeting_id_answers_404_like_an_out_of_scope_one()
    {
        var client = await factory.SignInAsync("quantri.toanquoc");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Meetings/999999")).StatusCode);
    }

    private int MeetingId(string title) => factory.WithDb(db => db.Meetings.AsNoTracking().Single(m => m.Title == title).Id);
}
