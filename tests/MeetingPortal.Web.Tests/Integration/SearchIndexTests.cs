using MeetingPortal.Domain.Meetings;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>The full-text index follows the meetings' text however it changes: added, edited, removed.</summary>
public sealed class SearchIndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<IReadOnlyList<string>> FindAsync(string query)
    {
        var client = await factory.SignInAsync("thuky.kyphuong");
        return (await client.GetHtmlAsync("/Meetings?q=" + Uri.EscapeDataString(query))).MeetingTitles();
    }

    [Fact]
    public async Task A_meeting_is_found_by_its_new_words_once_saved_and_no_longer_once_they_are_gone()
    {
        var id = factory.WithDb(db =>
        {
            var ward = db.Units.Single(u => u.Code == "p-ky-phuong");
            var meeting = new Meeting(ward.Id, MeetingType.Dialogue, "Đối thoại về thủy lợi nội đồng", new DateOnly(2026, 4, 2));
            meeting.RaiseRecommendation(null, "Đề nghị nạo vét kênh Trục Tây trước mùa mưa.", null, null);
            meeting.RefreshSearchText();
            db.Meetings.Add(meeting);
            db.SaveChanges();
            return meeting.Id;
        });
        Assert.Equal(["Đối thoại về thủy lợi nội đồng"], await FindAsync("\"kenh truc tay\""));
        Assert.Equal(["Đối thoại về thủy lợi nội đồng"], await FindAsync("nao vet"));

        factory.WithDb(db =>
        {
            // Its recommendations are loaded: the search text is made from the whole record.
            var meeting = db.Meetings.Include(m => m.Recommendations).Single(m => m.Id == id);
            meeting.Title = "Đối thoại về đường giao thông nông thôn";
            meeting.RefreshSearchText();
            return db.SaveChanges();
        });
        Assert.Equal(["Đối thoại về đường giao thông nông thôn"], await FindAsync("giao thong nong thon"));
        Assert.Empty(await FindAsync("\"thuy loi noi dong\""));
        Assert.Equal(["Đối thoại về đường giao thông nông thôn"], await FindAsync("\"kenh truc tay\""));

        factory.WithDb(db =>
        {
            db.Meetings.Remove(db.Meetings.Single(m => m.Id == id));
            return db.SaveChanges();
        });
        Assert.Empty(await FindAsync("\"kenh truc tay\""));
        Assert.Empty(await FindAsync("giao thong nong thon"));
    }

    [Fact]
    public async Task Query_syntax_typed_by_a_user_is_only_text()
    {
        // FTS5 operators and quotes typed into the box are folded away to words; none is an error.
        foreach (var query in new[] { "kinh* OR phi", "NEAR(kinh phi)", "\"unterminated", "-kinh", "kinh^phi", "\"\"", "col:kinh", "* ( ) :" })
        {
            var client = await factory.SignInAsync("thuky.kyphuong");
            var response = await client.GetAsync("/Meetings?q=" + Uri.EscapeDataString(query));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(await FindAsync("kinh phi"), await FindAsync("kinh* phi"));
    }
}
