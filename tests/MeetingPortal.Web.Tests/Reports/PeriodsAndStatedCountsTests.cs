using System.Net;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Reports;

/// <summary>Issue 15, items 5 and 6: every period the rules ask for, and stated counts beside recorded ones.</summary>
public sealed class PeriodsAndStatedCountsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("year=2022&month=6", "Tháng 6/2022", "Tháng 5/2022")]
    [InlineData("year=2022&quarter=2", "Quý II/2022", "Quý I/2022")]
    [InlineData("year=2022&half=1", "6 tháng đầu năm 2022", "6 tháng cuối năm 2021")]
    [InlineData("year=2022&months=9", "9 tháng đầu năm 2022", "9 tháng đầu năm 2021")]
    [InlineData("year=2022&period=f9", "9 tháng đầu năm 2022", "9 tháng đầu năm 2021")]
    [InlineData("year=2022", "Năm 2022", "Năm 2021")]
    [InlineData("from=2022-06-01&to=2022-06-30", "Từ 01/06/2022 đến 30/06/2022", "Từ 02/05/2022 đến 31/05/2022")]
    public async Task Every_period_kind_is_offered_with_its_comparison(string query, string period, string previous)
    {
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "p-ky-phuong").Id);
        var page = await (await factory.SignInAsync("lanhdao.kyphuong")).GetHtmlAsync($"/Reports/Quarterly?unit={unit}&{query}");

        Assert.Contains($"Tổng hợp Phường Kỳ Phương — {period}", page.Node("//h1").InnerText, StringComparison.Ordinal);
        var header = page.Nodes("//table[contains(@class,'figures')]/thead/tr/th").Select(th => HtmlAgilityPack.HtmlEntity.DeEntitize(th.InnerText).Trim()).ToList();
        Assert.Equal(["Chỉ tiêu", period, previous, "Thay đổi"], header);
        // Kỳ Phương's dialogue of 28/6/2022 falls in each of these periods.
        Assert.Equal("1", page.Cell("Hội nghị"));
        Assert.Equal(8, page.Nodes("//table[contains(@class,'trend')]/tbody/tr").Count);
    }

    [Theory]
    [InlineData("year=1945&month=1")]
    [InlineData("year=1945&quarter=1")]
    [InlineData("year=1945&half=1")]
    [InlineData("year=1945&months=9")]
    [InlineData("year=1945")]
    [InlineData("from=1945-01-01&to=2200-12-31")]
    [InlineData("from=1945-01-01&to=1945-01-01")]
    public async Task The_earliest_years_have_a_comparison_and_a_trend_without_failing(string query)
    {
        var page = await (await factory.SignInAsync("lanhdao.kyphuong")).GetAsync($"/Reports/Quarterly?{query}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("year=2022&month=13", "Kỳ báo cáo không hợp lệ")]
    [InlineData("year=2022&period=q9", "Kỳ báo cáo không hợp lệ")]
    [InlineData("year=2022&month=2&quarter=1", "Kỳ báo cáo không hợp lệ")]
    [InlineData("from=2022-06-01", "Khoảng ngày cần cả ngày bắt đầu và ngày kết thúc")]
    [InlineData("from=2022-06-30&to=2022-06-01", "Khoảng ngày không hợp lệ")]
    [InlineData("from=2022-13-45&to=2022-06-01", "Ngày của khoảng không đọc được")]
    public async Task A_period_that_is_not_one_is_named_on_the_page(string query, string message)
    {
        var response = await (await factory.SignInAsync("lanhdao.kyphuong")).GetAsync($"/Reports/Quarterly?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Html.Parse(await response.Content.ReadAsStringAsync()).Node("//div[@class='error-summary']").InnerText, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 15, item 5: Kỳ Phương's dialogue of 28/6/2022 reports "13 ý kiến, 34 kiến nghị" and its record keeps the
    /// six groups its report lists; the summary said "Kiến nghị 6" with no word of the 34.
    /// </summary>
    [Fact]
    public async Task Stated_counts_stand_beside_the_recorded_ones_and_the_page_says_which_it_sums()
    {
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "p-ky-phuong").Id);
        var page = await (await factory.SignInAsync("lanhdao.kyphuong")).GetHtmlAsync($"/Reports/Quarterly?unit={unit}&year=2022&quarter=2");

        Assert.Equal("6", page.Cell("Kiến nghị"));
        Assert.Equal("34", page.Cell("Kiến nghị theo báo cáo của hội nghị"));
        Assert.Equal("6", page.Cell("Kiến nghị ghi trong hồ sơ của các hội nghị đó"));
        Assert.Equal("13", page.Cell("Ý kiến theo báo cáo của hội nghị"));
        Assert.Equal("1", page.Cell("Hội nghị có nêu số ý kiến, kiến nghị"));
        Assert.Contains("Các chỉ tiêu khác cộng kiến nghị ghi trong hồ sơ", page.Node("//dl[@class='definitions']").InnerText, StringComparison.Ordinal);
    }
}
