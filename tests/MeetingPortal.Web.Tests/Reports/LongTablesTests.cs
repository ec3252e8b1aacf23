using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Web.Pages.Reports;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Reports;

/// <summary>
/// A national summary ranked some 2,500 bodies in one table (country benchmark, Q3/2026): a page of several megabytes
/// that no one reads. On screen a table shows its first <see cref="ReportView.RowsShown"/> rows, says how many there
/// are and links to itself whole; the exports keep every row.
/// </summary>
public sealed class LongTablesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const int Bodies = ReportView.RowsShown + 5;

    /// <summary>A published meeting of 3/2023 in Kỳ Phương with one recommendation to each of <see cref="Bodies"/> new bodies.</summary>
    private int PublishToManyBodies()
    {
        return factory.WithDb(db =>
        {
            var unit = db.Units.Single(u => u.Code == "p-ky-phuong");
            var bodies = Enumerable.Range(1, Bodies).Select(i => new Organisation(unit.Id, $"Tổ dân phố số {i:00}", OrganisationKind.PeoplesCommittee)).ToList();
            db.Organisations.AddRange(bodies);
            var held = new DateOnly(2023, 3, 10);
            var host = db.Organisations.Single(o => o.Name == "Đảng ủy phường Kỳ Phương").Id;
            var meeting = new Meeting(unit.Id, MeetingType.Dialogue, "Đối thoại với nhiều tổ dân phố", held) { HostOrganisationId = host };
            var speech = meeting.AddSpeech(SpeechKind.Opinion, "Ý kiến của đại biểu", null, null, null);
            var items = bodies.Select(b => meeting.RaiseRecommendation(speech, $"Kiến nghị gửi {b.Name}", null, null)).ToList();
            meeting.Publish(new DateTime(2023, 3, 10, 9, 0, 0, DateTimeKind.Utc));
            db.Meetings.Add(meeting);
            db.SaveChanges();
            var by = new Actor("test", new DateTime(2023, 3, 10, 9, 0, 0, DateTimeKind.Utc));
            foreach (var (item, body) in items.Zip(bodies))
            {
                item.AssignTo(body.Id, Deadline.None, by);
            }

            db.SaveChanges();
            return unit.Id;
        });
    }

    [Fact]
    public async Task A_table_longer_than_the_screen_shows_its_first_rows_says_how_many_and_opens_whole()
    {
        var unit = PublishToManyBodies();
        var client = await factory.SignInAsync("lanhdao.kyphuong");
        var url = $"/Reports/Quarterly?unit={unit}&year=2023&quarter=1";
        var page = await client.GetHtmlAsync(url);

        Assert.Equal(ReportView.RowsShown, page.Nodes("//table[contains(@class,'scorecards')]/tbody/tr").Count);
        // Breakdowns list every body too (they stopped at ten, silently): cut on screen, whole in the file.
        Assert.Equal(ReportView.RowsShown, page.Nodes("//table[contains(@class,'by-addressed-body')]/tbody/tr").Count);
        var cut = page.Node("//section[.//table[contains(@class,'scorecards')]]//p[contains(@class,'table-cut')]");
        Assert.Contains($"trong {Bodies} dòng", HtmlAgilityPack.HtmlEntity.DeEntitize(cut.InnerText));

        var whole = HtmlAgilityPack.HtmlEntity.DeEntitize(cut.SelectSingleNode("a")!.GetAttributeValue("href", ""));
        Assert.Contains("quarter=1", whole);
        var wholePage = await client.GetHtmlAsync(whole);
        Assert.Equal(Bodies, wholePage.Nodes("//table[contains(@class,'scorecards')]/tbody/tr").Count);
        Assert.Equal("1", wholePage.Cell("Tổ dân phố số 55", 2, "scorecards"));
        // Only the table asked for opens whole: the bodies' breakdown, as long, stays cut.
        Assert.Equal(ReportView.RowsShown, wholePage.Nodes("//table[contains(@class,'by-addressed-body')]/tbody/tr").Count);

        // The export keeps every body.
        var csv = System.Text.Encoding.UTF8.GetString(await client.GetByteArrayAsync(url + "&handler=Export&format=csv"));
        Assert.Contains("Tổ dân phố số 55", csv);
    }
}
