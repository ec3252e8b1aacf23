using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using HtmlAgilityPack;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Seeding;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Home;

/// <summary>
/// Issue 17, deliver 7 (ADR 0024): a first start in Development shows the product. With the demo history on, every
/// role's home of the demo accounts shows real figures, the responder's queue has items and answers from it, the
/// summary's default period is this year, the records say they are illustrations, and a second start adds nothing.
/// (Before, the seeds ended in 2024: those homes showed zeros and traloi.kyphuong's queue was empty.)
/// </summary>
public sealed partial class DemoHistoryTests(DemoHistoryPortalFactory factory) : IClassFixture<DemoHistoryPortalFactory>
{
    private static int Count(HtmlDocument page, string key) =>
        int.Parse(page.Node($"//li[@data-count='{key}'] | //p[@data-count='{key}']").GetAttributeValue("data-value", "-1"), CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_province_leader_sees_overdue_items_a_unit_without_a_meeting_and_awaited_reports()
    {
        var client = await factory.SignInAsync("lanhdao.hatinh");

        var page = await client.GetHtmlAsync("/");

        Assert.True(Count(page, "overdue") > 0, "overdue");
        // Overdue by unit below: a demo unit's own line.
        Assert.NotEmpty(page.Nodes("//li[@data-count='overdue']//li[@data-unit]"));
        Assert.True(Count(page, "without-meeting") > 0, "units without a meeting this quarter");
        Assert.True(Count(page, "reports-awaited") > 0, "reports awaited from below");
        var summary = SummaryFigures().Match(page.Node("//li[@data-count='summary']").InnerText);
        Assert.True(summary.Success && int.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture) > 0, "this quarter's meetings");
    }

    [Fact]
    public async Task The_district_leader_sees_its_ward_without_a_meeting_this_quarter()
    {
        var client = await factory.SignInAsync("lanhdao.kyanh");

        var page = await client.GetHtmlAsync("/");

        Assert.True(Count(page, "overdue") > 0, "overdue");
        Assert.Equal(1, Count(page, "without-meeting"));
        Assert.Contains("Kỳ Phương", page.Node("//li[@data-count='without-meeting']").InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_wards_and_districts_sent_their_last_quarters_report_but_Tran_Phu()
    {
        var kyAnh = await (await factory.SignInAsync("lanhdao.kyanh")).GetHtmlAsync("/");
        var city = await (await factory.SignInAsync("lanhdao.tphatinh")).GetHtmlAsync("/");

        Assert.Equal(0, Count(kyAnh, "reports-awaited"));
        Assert.Contains("Phường Trần Phú", city.Node("//li[@data-count='reports-awaited']").InnerText, StringComparison.Ordinal);
        var reports = factory.WithDb(db => db.Snapshots.AsNoTracking().Select(r => new { r.Status, r.Narrative, r.SignerName }).ToList());
        Assert.Equal(3, reports.Count);
        Assert.All(reports, r =>
        {
            Assert.Equal(Domain.Reports.ReportStatus.Sent, r.Status);
            Assert.StartsWith("Báo cáo minh họa", r.Narrative, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("theodoi.kyanh")]
    [InlineData("theodoi.hatinh")]
    public async Task The_tracker_sees_new_due_soon_overdue_and_reopened_items(string tracker)
    {
        var client = await factory.SignInAsync(tracker);

        var page = await client.GetHtmlAsync("/");

        foreach (var key in new[] { "New", "DueSoon", "Overdue", "Reopened" })
        {
            Assert.True(Count(page, key) > 0, key);
        }
    }

    [Theory]
    [InlineData("traloi.kyphuong")]
    [InlineData("traloi.kyanh")]
    [InlineData("traloi.tranphu")]
    [InlineData("traloi.hatinh")]
    [InlineData("traloi.tphatinh")]
    [InlineData("traloi.toanquoc")]
    public async Task The_responders_of_the_units_with_a_history_have_a_queue(string responder)
    {
        var client = await factory.SignInAsync(responder);

        var page = await client.GetHtmlAsync("/");

        Assert.True(Count(page, "queue") > 0, responder);
    }

    /// <summary>Issue 18, deliver 4: each demo unit has answer templates; a ward reads its own and those above it, not a sibling's.</summary>
    [Fact]
    public async Task The_ward_responder_reads_the_templates_of_its_ward_and_the_units_above_only()
    {
        var page = await (await factory.SignInAsync("traloi.kyphuong")).GetHtmlAsync("/Recommendations/Templates");
        var units = page.Nodes("//tr[@data-template]/td[2]").Select(td => HtmlAgilityPack.HtmlEntity.DeEntitize(td.InnerText).Trim()).Distinct().ToList();
        Assert.Equal(3, units.Count);
        Assert.Contains(units, u => u.Contains("Kỳ Phương", StringComparison.Ordinal));
        Assert.DoesNotContain(units, u => u.Contains("Trần Phú", StringComparison.Ordinal) || u.Contains("thành phố", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("tiếp tục tìm các phương án giải quyết", page.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ward_responder_answers_the_first_item_of_the_queue()
    {
        var client = await factory.SignInAsync("traloi.kyphuong");
        var queue = await client.GetHtmlAsync("/Recommendations/Queue");
        var first = queue.Nodes("//article[contains(@class,'queue-item')]/h2")
            .Select(h => int.Parse(h.GetAttributeValue("id", "")["item-".Length..], CultureInfo.InvariantCulture)).First();
        var form = queue.Node($"//article[h2[@id='item-{first}']]//form");

        var answered = await client.PostAsync(WebUtility.HtmlDecode(form.GetAttributeValue("action", "")), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(form.SelectSingleNode(".//input[@name='__RequestVerificationToken']")!.GetAttributeValue("value", "")),
            ["Respond.Version"] = form.SelectSingleNode(".//input[@name='Respond.Version']")!.GetAttributeValue("value", ""),
            ["Respond.Kind"] = "Accepted",
            ["Respond.Content"] = "Đảng ủy tiếp thu, giao Ủy ban nhân dân phường thực hiện trong quý.",
        }));

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(RecommendationStatus.Answered, factory.WithDb(db => db.Recommendations.Single(r => r.Id == first).Status));
    }

    [Fact]
    public async Task The_recorder_has_a_draft_to_finish()
    {
        var client = await factory.SignInAsync("thuky.tranphu");

        var page = await client.GetHtmlAsync("/");

        Assert.True(Count(page, "drafts") > 0);
    }

    /// <summary>Issue 18, deliver 6: the draft opens on its report of the ward's earlier recommendations still unresolved.</summary>
    [Fact]
    public async Task The_recorders_draft_reports_first_on_the_earlier_recommendations_still_unresolved()
    {
        var client = await factory.SignInAsync("thuky.kyphuong");
        var draft = factory.WithDb(db => db.Meetings.Where(m => m.Unit!.Code == "p-ky-phuong" && m.Status == MeetingStatus.Draft && m.Source != null)
            .OrderByDescending(m => m.HeldOn).Select(m => m.Id).First());

        var page = await client.GetHtmlAsync($"/Meetings/{draft}");

        var lines = page.Nodes("//section[@aria-labelledby='carried-over']//li//a").Select(a => int.Parse(a.GetAttributeValue("href", "").Split('/')[^1], CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(lines);
        var open = RecommendationStatuses.Open.ToList();
        Assert.Equal(lines.Count, factory.WithDb(db => db.Recommendations.Count(r => lines.Contains(r.Id) && r.Meeting!.Unit!.Code == "p-ky-phuong" && r.Meeting.Status == MeetingStatus.Published && open.Contains(r.Status))));
        // The latest dialogue raised the longest-standing matter again: one line for it, raised twice.
        Assert.Contains("Nêu 2 lần", page.Node("//section[@aria-labelledby='carried-over']").InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_opens_on_this_year()
    {
        var client = await factory.SignInAsync("lanhdao.hatinh");

        var page = await client.GetHtmlAsync("/Reports/Quarterly");

        // Without records this year the summary falls back to the latest year with some, and says so.
        Assert.DoesNotContain("Chưa chọn kỳ", page.Text(), StringComparison.Ordinal);
        Assert.Equal(DateTime.UtcNow.AddHours(7).Year.ToString(CultureInfo.InvariantCulture), page.Node("//input[@id='year']").GetAttributeValue("value", ""));
    }

    [Fact]
    public async Task Every_demo_record_says_it_is_an_illustration_and_the_real_seeds_stay_as_they_were()
    {
        var meetings = factory.WithDb(db => db.Meetings.AsNoTracking().Select(m => new { m.Id, m.Source, m.RebuiltFromSecondarySource }).ToList());
        var demo = meetings.Where(m => m.Source == DemoHistorySeeder.Source).ToList();
        Assert.True(demo.Count >= 40, $"{demo.Count} demo meetings");
        // The five seeds keep their own source: a news report the record was rebuilt from.
        Assert.Equal(5, meetings.Count(m => m.RebuiltFromSecondarySource && m.Source != DemoHistorySeeder.Source));

        var client = await factory.SignInAsync("lanhdao.hatinh");
        var detail = await client.GetHtmlAsync($"/Meetings/{demo[0].Id}");
        Assert.Contains("Dữ liệu minh họa, không phải hồ sơ thật", detail.Text(), StringComparison.Ordinal);
        var list = await client.GetHtmlAsync("/Meetings");
        Assert.NotEmpty(list.Nodes("//main//span[contains(@class,'demo-mark') and normalize-space()='Minh họa']"));
    }

    [Fact]
    public void The_history_spans_every_state_up_to_today()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var statuses = factory.WithDb(db => db.Recommendations.AsNoTracking().Where(r => r.Meeting!.Source == DemoHistorySeeder.Source)
            .Select(r => r.Status).Distinct().ToList());
        Assert.Equal(Enum.GetValues<RecommendationStatus>().Order(), statuses.Order());
        var held = factory.WithDb(db => db.Meetings.AsNoTracking().Where(m => m.Source == DemoHistorySeeder.Source && m.Status == MeetingStatus.Published)
            .Select(m => m.HeldOn).ToList());
        Assert.All(held, day => Assert.True(day <= today));
        Assert.Contains(held, day => day >= today.AddDays(-45));
        Assert.Contains(held, day => day <= today.AddMonths(-10));
        Assert.True(factory.WithDb(db => db.Recommendations.Any(r => r.Meeting!.Source == DemoHistorySeeder.Source && r.Hops.Any())), "a forwarded item");
        Assert.True(factory.WithDb(db => db.Directives.Any(d => d.DueOn < today && d.Status != Domain.Directives.DirectiveStatus.Done)), "an overdue task");
    }

    [Fact]
    public void A_second_start_adds_nothing()
    {
        var directory = Path.Combine(Path.GetTempPath(), "meetingportal-tests", "demo-history-" + Guid.NewGuid().ToString("N"));
        try
        {
            (int, int, int, int, int, int, int) Rows(PortalFactory portal) => portal.WithDb(db => (
                db.Meetings.Count(), db.Recommendations.Count(), db.Responses.Count(), db.Directives.Count(), db.Organisations.Count(), db.History.Count(),
                db.Snapshots.Count()));

            (int, int, int, int, int, int, int) first;
            using (var portal = new DemoHistoryPortalFactory(directory, keepData: true))
            {
                first = Rows(portal);
            }

            using (var again = new DemoHistoryPortalFactory(directory, keepData: true))
            {
                Assert.Equal(first, Rows(again));
            }

            Assert.True(first.Item1 > 5, "the first start wrote the history");
        }
        finally
        {
            TemporaryDataDirectory.Delete(directory);
        }
    }

    [GeneratedRegex(@"(\d+) hội nghị")]
    private static partial Regex SummaryFigures();
}
