using System.Net;
using MeetingPortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Reports;

/// <summary>What a leader's trial of issue 15 found, each input as it was tried.</summary>
public sealed class SummaryReviewFindingsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>"months=6" and "half=1" are the same days: they were frozen as two official reports, both current.</summary>
    [Theory]
    [InlineData("half=1", "months=6", "6 tháng đầu năm 2022")]
    [InlineData("months=12", "months=12", "Năm 2022")]
    [InlineData("month=1", "months=1", "Tháng 1/2022")]
    [InlineData("quarter=1", "months=3", "Quý I/2022")]
    public async Task One_stretch_of_days_has_one_official_report_whatever_name_it_was_asked_under(string first, string second, string name)
    {
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "tp-ha-tinh").Id);
        var leader = await factory.SignInAsync("lanhdao.hatinh");
        var before = factory.WithDb(db => db.Snapshots.Count(s => s.UnitId == unit));
        var summary = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={unit}&year=2022&{second}");
        Assert.Contains($"— {name}", summary.Node("//h1").InnerText, StringComparison.Ordinal);

        var frozen = await leader.FreezeAsync($"/Reports/Quarterly?unit={unit}&year=2022&{first}");
        Assert.Equal(HttpStatusCode.Redirect, frozen.StatusCode);
        var again = await HtmlForm.LoadAsync(leader, $"/Reports/Quarterly?unit={unit}&year=2022&{second}&confirmFreeze=true", "//form[@method='post' and contains(@class,'freeze-form')]");
        var refused = await leader.PostAsync(again.Action, new FormUrlEncodedContent(again.Fields));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("hãy ghi lý do", Html.Parse(await refused.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(before + 1, factory.WithDb(db => db.Snapshots.Count(s => s.UnitId == unit)));
    }

    [Fact]
    public async Task An_export_of_a_period_that_is_not_one_says_so_instead_of_exporting_the_year_and_an_unknown_format_is_not_found()
    {
        var leader = await factory.SignInAsync("lanhdao.kyphuong");
        var bad = await leader.GetAsync("/Reports/Quarterly?year=2022&quarter=9&handler=Export&format=csv");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.StartsWith("text/html", bad.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains("Kỳ báo cáo không hợp lệ", Html.Parse(await bad.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync("/Reports/Quarterly?year=2022&handler=Export&format=pdf")).StatusCode);
    }

    [Fact]
    public async Task A_file_name_falls_back_to_its_words_without_diacritics()
    {
        var leader = await factory.SignInAsync("lanhdao.kyphuong");
        var response = await leader.GetAsync("/Reports/Quarterly?year=2022&quarter=2&handler=Export&format=xlsx");
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("tong-hop-phuong-ky-phuong-quy-ii-2022.xlsx", disposition.FileName?.Trim('"'));
        Assert.Equal("Tổng hợp - Phường Kỳ Phương - Quý II-2022.xlsx", disposition.FileNameStar);
    }

    [Theory]
    [InlineData("from=05/03/2022&to=30/06/2022", "Từ 05/03/2022 đến 30/06/2022")]
    [InlineData("from=2022-03-05&to=2022-06-30", "Từ 05/03/2022 đến 30/06/2022")]
    public async Task A_range_typed_the_Vietnamese_way_is_day_first(string query, string name)
    {
        var page = await (await factory.SignInAsync("lanhdao.kyphuong")).GetHtmlAsync($"/Reports/Quarterly?{query}");
        Assert.Contains(name, page.Node("//h1").InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ward_with_no_meeting_is_told_so_first_and_not_that_its_units_below_all_met()
    {
        var page = await (await factory.SignInAsync("lanhdao.kyphuong")).GetHtmlAsync("/Reports/Quarterly?year=2022&quarter=1");
        var attention = page.Node("//section[@aria-labelledby='attention']").InnerText;
        Assert.Contains("Không có hội nghị nào đã công bố trong kỳ", attention, StringComparison.Ordinal);
        Assert.DoesNotContain("đơn vị cấp dưới", attention, StringComparison.Ordinal);
        // It stands before the forms that choose the period: the first thing on a phone.
        Assert.True(page.DocumentNode.InnerHtml.IndexOf("aria-labelledby=\"attention\"", StringComparison.Ordinal) < page.DocumentNode.InnerHtml.IndexOf("class=\"filters", StringComparison.Ordinal));
    }
}

/// <summary>Issue 15, deliver 8: the summary begins with the reports the units below have not sent up.</summary>
public sealed class ReportsNotSentUpTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_ended_period_names_the_units_below_whose_report_has_not_gone_up_and_a_running_one_does_not()
    {
        var province = factory.WithDb(db => db.Units.Single(u => u.Code == "ha-tinh").Id);
        var leader = await factory.SignInAsync("lanhdao.hatinh");

        var ended = (await leader.GetHtmlAsync($"/Reports/Quarterly?unit={province}&year=2022")).Node("//section[@aria-labelledby='attention']");
        Assert.Contains("đơn vị cấp dưới chưa gửi báo cáo chính thức kỳ này lên", ended.InnerText, StringComparison.Ordinal);
        Assert.Contains("Thị xã Kỳ Anh", ended.InnerText, StringComparison.Ordinal);
        Assert.Contains("/Reports/Received", ended.InnerHtml, StringComparison.Ordinal);

        var thisYear = factory.Services.GetRequiredService<MeetingPortal.Infrastructure.Persistence.CalendarService>().Today.Year;
        var running = (await leader.GetHtmlAsync($"/Reports/Quarterly?unit={province}&year={thisYear}")).Node("//section[@aria-labelledby='attention']");
        Assert.DoesNotContain("chưa gửi báo cáo", running.InnerText, StringComparison.Ordinal);
    }
}
