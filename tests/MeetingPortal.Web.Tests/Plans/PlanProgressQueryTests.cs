using System.Net;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Plans;

/// <summary>
/// Issue 18, deliver 1: a leader sees planned against held for the scope, per unit and quarter, and who is late; the
/// summary of the period carries the same figures (one definition each, ADR 0015).
/// </summary>
public sealed class PlanProgressQueryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Planned_held_and_late_per_unit_and_quarter_and_the_late_ones_by_name()
    {
        var kyAnh = factory.Unit("tx-ky-anh");
        factory.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Quarter, 2022, 2), "Đối thoại về công tác cán bộ cơ sở", factory.KyPhuongMeeting());
        factory.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Month, 2022, 8), "Đối thoại về giải phóng mặt bằng");
        factory.AddEntry("tx-ky-anh", new ReviewPeriod(PeriodKind.Quarter, 2022, 2), "Đối thoại với Nhân dân về cải cách hành chính");
        var cancelled = factory.AddEntry("tx-ky-anh", new ReviewPeriod(PeriodKind.Quarter, 2022, 4), "Đối thoại bị hủy");
        factory.WithDb(db =>
        {
            db.PlannedDialogues.Single(p => p.Id == cancelled).Cancel("Gộp với hội nghị quý III", new DateOnly(2022, 9, 1));
            return db.SaveChanges();
        });

        var leader = await factory.SignInAsync("lanhdao.kyanh");
        var page = await leader.GetHtmlAsync($"/Plans/Progress?unitId={kyAnh}&year=2022");
        var rows = page.Nodes("//main//table/tbody/tr").Select(r => Html.Parse(r.InnerHtml).Text().Replace("\n", " ", StringComparison.Ordinal)).ToList();
        string Row(string start) => rows.Single(r => r.TrimStart().StartsWith(start, StringComparison.Ordinal));

        // Own plan: quarter II planned, not held. Kỳ Phương: II held, III (August) late. The cancelled one counts nowhere.
        Assert.Matches(@"0/1 đã tổ chức\s*· 1 chậm\s*—\s*—\s*0/1 đã tổ chức\s*· 1 chậm", Row("Kế hoạch của chính Thị xã Kỳ Anh"));
        Assert.Matches(@"—\s*1/1 đã tổ chức\s*0/1 đã tổ chức\s*· 1 chậm\s*—\s*1/2 đã tổ chức\s*· 1 chậm", Row("Phường Kỳ Phương"));
        Assert.Matches(@"1/2 đã tổ chức\s*· 1 chậm\s*0/1 đã tổ chức\s*· 1 chậm\s*—\s*1/3 đã tổ chức\s*· 2 chậm", Row("Toàn bộ"));
        Assert.Contains("Đã tổ chức 1/3 cuộc đối thoại theo kế hoạch; chậm tổ chức 2", page.Text(), StringComparison.Ordinal);
        var late = page.Nodes("//section[h2[@id='late']]//li").Select(li => li.InnerText).ToList();
        Assert.Equal(2, late.Count);
        Assert.Contains("Đối thoại với Nhân dân về cải cách hành chính", late[0], StringComparison.Ordinal);
        Assert.Contains("Đối thoại về giải phóng mặt bằng", late[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Đối thoại bị hủy", page.Text(), StringComparison.Ordinal);

        // The summary of the year carries the same three figures.
        var summary = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={kyAnh}&year=2022");
        Assert.Equal("1 / 3 (33%)", summary.Cell("Đối thoại đã tổ chức / theo kế hoạch"));
        Assert.Equal("2", summary.Cell("Đối thoại chậm tổ chức"));

        // The ward's leader sees the ward's figures only; the district's view is out of the ward's scope.
        var ward = await factory.SignInAsync("lanhdao.kyphuong");
        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync($"/Plans/Progress?unitId={kyAnh}&year=2022")).StatusCode);
        Assert.Contains("Đã tổ chức 1/2", (await ward.GetHtmlAsync("/Plans/Progress?year=2022")).Text(), StringComparison.Ordinal);
    }
}

/// <summary>Issue 18, deliver 1: the leader's and the recorder's homes carry this year's plans in scope, as the view counts them.</summary>
public sealed class PlansOnHomeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_leader_and_the_recorder_see_this_years_plans_held_over_planned()
    {
        using var scope = factory.Services.CreateScope();
        var today = scope.ServiceProvider.GetRequiredService<MeetingPortal.Infrastructure.Persistence.CalendarService>().Today;
        factory.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Month, today.Year, 12), "Đối thoại cuối năm");
        factory.AddEntry("tx-ky-anh", new ReviewPeriod(PeriodKind.Month, today.Year, 12), "Đối thoại của thị xã");
        factory.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Quarter, 2022, 2), "Năm khác", factory.KyPhuongMeeting());

        var district = await (await factory.SignInAsync("lanhdao.kyanh")).GetHtmlAsync("/");
        Assert.Equal("0/2/0", district.Node("//*[@data-count='plans']").GetAttributeValue("data-value", ""));
        Assert.Contains($"Kế hoạch đối thoại năm {today.Year}: đã tổ chức 0/2; chậm tổ chức 0", district.Text(), StringComparison.Ordinal);
        var ward = await (await factory.SignInAsync("thuky.kyphuong")).GetHtmlAsync("/");
        Assert.Equal("0/1/0", ward.Node("//*[@data-count='plans']").GetAttributeValue("data-value", ""));
    }
}
