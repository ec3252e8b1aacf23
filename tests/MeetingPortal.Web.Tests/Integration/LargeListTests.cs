using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>Lists that grow with a province's history stay a page long.</summary>
public sealed class LargeListTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_responders_queue_shows_a_page_at_a_time_overdue_first()
    {
        var body = factory.WithDb(db => db.Users.Where(u => u.UserName == "traloi.kyphuong").Select(u => u.OrganisationId!.Value).Single());
        factory.WithDb(db =>
        {
            var ward = db.Units.Single(u => u.Code == "p-ky-phuong");
            var meeting = new Meeting(ward.Id, MeetingType.Dialogue, "Hội nghị nhiều kiến nghị", new DateOnly(2026, 1, 15)) { HostOrganisationId = body };
            meeting.AddSpeech(SpeechKind.Recommendation, "Các ý kiến của hội viên", null, null, null);
            meeting.Publish(DateTime.UtcNow);
            var by = new Actor("test", DateTime.UtcNow);
            for (var i = 0; i < 40; i++)
            {
                var r = meeting.RaiseRecommendation(null, $"Kiến nghị số {i:00}", body, null);
                // Ten are overdue (due in the past), thirty due later, in an order unlike their numbers.
                r.AssignTo(body, i < 10 ? new DateOnly(2026, 2, 1).AddDays(i) : new DateOnly(2099, 1, 1).AddDays(40 - i), by);
            }

            meeting.RefreshSearchText();
            db.Meetings.Add(meeting);
            return db.SaveChanges();
        });
        var waiting = factory.WithDb(db => db.Recommendations.Count(r => r.AddressedToOrganisationId == body && (r.Status == RecommendationStatus.New || r.Status == RecommendationStatus.Assigned || r.Status == RecommendationStatus.InProgress)));

        var responder = await factory.SignInAsync("traloi.kyphuong");
        var first = await responder.GetHtmlAsync("/Recommendations/Queue");
        Assert.Equal(waiting.ToString(System.Globalization.CultureInfo.InvariantCulture), first.Node("//*[@data-total]").GetAttributeValue("data-total", ""));
        var items = first.Nodes("//article[contains(@class,'queue-item')]");
        Assert.Equal(25, items.Count);
        // Overdue first, earliest due date first, across the whole queue and not only this page.
        Assert.All(items.Take(10), a => Assert.Contains("is-overdue", a.GetAttributeValue("class", ""), StringComparison.Ordinal));
        Assert.Contains("Kiến nghị số 00", items[0].InnerText, StringComparison.Ordinal);

        var pages = (waiting + 24) / 25;
        var last = await responder.GetHtmlAsync($"/Recommendations/Queue?p={pages}");
        Assert.Equal(waiting - ((pages - 1) * 25), last.Nodes("//article[contains(@class,'queue-item')]").Count);
        Assert.Contains("Kiến nghị số 10", last.Text(), StringComparison.Ordinal);
        // A page number past the end shows the last page, not an empty one or an error.
        Assert.Equal(last.Nodes("//article").Count, (await responder.GetHtmlAsync("/Recommendations/Queue?p=9999")).Nodes("//article").Count);
    }

    [Fact]
    public async Task The_pager_keeps_the_filter_from_page_to_page()
    {
        var theme = factory.WithDb(db =>
        {
            var ward = db.Units.Single(u => u.Code == "p-ky-phuong");
            var body = db.Organisations.First(o => o.UnitId == ward.Id).Id;
            var themeId = db.Themes.OrderBy(t => t.Id).First().Id;
            var meeting = new Meeting(ward.Id, MeetingType.Dialogue, "Hội nghị phân trang", new DateOnly(2026, 3, 10));
            for (var i = 0; i < 30; i++)
            {
                meeting.RaiseRecommendation(null, $"Kiến nghị phân trang {i:00}", body, null).ThemeId = themeId;
            }

            meeting.RefreshSearchText();
            db.Meetings.Add(meeting);
            db.SaveChanges();
            return themeId;
        });
        var inTheme = factory.WithDb(db => db.Recommendations.Count(r => r.ThemeId == theme && r.Meeting!.Unit!.Code == "p-ky-phuong"));
        var tracker = await factory.SignInAsync("theodoi.kyphuong");

        var first = await tracker.GetHtmlAsync($"/Recommendations?theme={theme}");
        Assert.Contains($"Trang 1/{(inTheme + 24) / 25}", first.Text(), StringComparison.Ordinal);
        Assert.Empty(first.Nodes("//nav[@class='pager']/a[@rel='prev']"));
        var next = System.Net.WebUtility.HtmlDecode(first.Node("//nav[@class='pager']/a[@rel='next']").GetAttributeValue("href", ""));
        Assert.Contains($"theme={theme}", next, StringComparison.Ordinal);
        Assert.Contains("p=2", next, StringComparison.Ordinal);

        var second = await tracker.GetHtmlAsync(next);
        Assert.Contains($"Trang 2/{(inTheme + 24) / 25}", second.Text(), StringComparison.Ordinal);
        var previous = System.Net.WebUtility.HtmlDecode(second.Node("//nav[@class='pager']/a[@rel='prev']").GetAttributeValue("href", ""));
        Assert.Contains($"theme={theme}", previous, StringComparison.Ordinal);
        Assert.Contains("p=1", previous, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_meeting_lists_organisation_choice_follows_the_chosen_unit()
    {
        var leader = await factory.SignInAsync("lanhdao.hatinh");
        static IReadOnlyList<string> Options(HtmlAgilityPack.HtmlDocument page) =>
            page.Nodes("//select[@id='organisation']/option").Select(o => System.Net.WebUtility.HtmlDecode(o.InnerText)).ToList();

        // Without a unit: the province's own bodies and those one level down, not every ward's.
        var all = Options(await leader.GetHtmlAsync("/Meetings"));
        Assert.DoesNotContain("Ủy ban MTTQ phường Kỳ Phương", all);
        var ward = factory.WithDb(db => db.Units.Single(u => u.Code == "p-ky-phuong").Id);
        Assert.Contains("Ủy ban MTTQ phường Kỳ Phương", Options(await leader.GetHtmlAsync($"/Meetings?unit={ward}")));

        // An organisation already chosen stays chosen, and the filter works for it.
        var front = factory.WithDb(db => db.Organisations.Single(o => o.Name == "Ủy ban MTTQ phường Kỳ Phương").Id);
        var page = await leader.GetHtmlAsync($"/Meetings?organisation={front}");
        Assert.Equal("Ủy ban MTTQ phường Kỳ Phương", System.Net.WebUtility.HtmlDecode(page.Node("//select[@id='organisation']/option[@selected]").InnerText));
        Assert.Contains(SeedTitles.KyPhuong, page.MeetingTitles());
    }

    [Fact]
    public void The_database_has_planner_statistics_after_start()
    {
        // Without them SQLite starts the tracker's scoped query from the status index: 30 times slower at province scale.
        var statistics = factory.WithDb(db =>
        {
            var connection = db.Database.GetDbConnection();
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'Recommendations'";
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        });
        Assert.True(statistics > 0);
    }
}
