using System.Globalization;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Meetings;

/// <summary>
/// Issue 17, deliver 6: the meeting list "by title" (<see cref="MeetingPortal.Application.Meetings.MeetingSort.Title"/>) is ordered and paged by the
/// database, which on SQLite put every title starting with Đ after those starting with T. It now follows the
/// Vietnamese collation (ADR 0021), ties by id, so walking the pages neither repeats nor loses a meeting.
/// </summary>
public sealed class MeetingListByTitleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Titles =
    [
        "Đối thoại với thanh niên", "Tiếp xúc cử tri", "Ủy ban gặp gỡ doanh nghiệp", "Hội nghị đối thoại", "ăn ở của công nhân",
        "Âm thanh khu dân cư", "an ninh trật tự", "Bàn về thủy lợi", "Cải cách hành chính", "Dân vận khéo", "đất đai và nhà ở",
        "Em và trường học", "Ê-đê và đồng bào", "Gặp mặt đầu xuân", "Thủy lợi nội đồng", "Ưu đãi người có công", "Ý kiến nhân dân",
        "Đối thoại với thanh niên", "Tiếp xúc cử tri", "Đối thoại với thanh niên",
    ];

    [Fact]
    public async Task The_list_by_title_follows_Vietnamese_order_and_its_pages_neither_repeat_nor_lose_a_meeting()
    {
        factory.WithDb(db =>
        {
            var ward = db.Units.Single(u => u.Code == "p-ky-phuong").Id;
            var day = new DateOnly(2025, 3, 3);
            foreach (var (title, i) in Titles.Select((t, i) => (t, i)))
            {
                // Several the same day with the same title: only the id tells them apart.
                db.Meetings.Add(new Meeting(ward, MeetingType.Dialogue, title, day.AddDays(i % 3)));
            }

            return db.SaveChanges();
        });
        var expected = factory.WithDb(db => db.Meetings.Select(m => new { m.Id, m.Title }).ToList())
            .OrderBy(m => m.Title, VietnameseOrder.NamesIgnoringCase).ThenBy(m => m.Id).Select(m => m.Id).ToList();
        Assert.True(expected.Count > Pages.MeetingsIndexPageSize, "the test needs more than one page");
        var client = await factory.SignInAsync("lanhdao.toanquoc");

        var shown = new List<int>();
        for (var page = 1; page <= (expected.Count + Pages.MeetingsIndexPageSize - 1) / Pages.MeetingsIndexPageSize; page++)
        {
            var html = await client.GetHtmlAsync($"/Meetings?sort=Title&p={page}");
            shown.AddRange(html.Nodes("//table[contains(@class,'data-table')]/tbody/tr/td[2]/a")
                .Select(a => int.Parse(a.GetAttributeValue("href", "").Split('/')[^1], CultureInfo.InvariantCulture)));
        }

        Assert.Equal(expected, shown);
        var titles = factory.WithDb(db => db.Meetings.ToDictionary(m => m.Id, m => m.Title));
        var first = shown.Select(id => titles[id]).ToList();
        Assert.True(first.IndexOf("Đối thoại với thanh niên") < first.IndexOf("Em và trường học"));
        Assert.True(first.IndexOf("Thủy lợi nội đồng") < first.IndexOf("Ưu đãi người có công"));
        Assert.True(first.IndexOf("an ninh trật tự") < first.IndexOf("ăn ở của công nhân"));
        Assert.True(first.IndexOf("ăn ở của công nhân") < first.IndexOf("Âm thanh khu dân cư"));
    }

    private static class Pages
    {
        public const int MeetingsIndexPageSize = MeetingPortal.Web.Pages.Meetings.IndexModel.PageSize;
    }
}
