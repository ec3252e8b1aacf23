using System.Net;
using System.Text;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class MeetingListTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<IReadOnlyList<string>> TitlesAsync(string query, string user = "quantri.toanquoc")
    {
        var client = await factory.SignInAsync(user);
        return (await client.GetHtmlAsync("/Meetings?" + query)).MeetingTitles();
    }

    private static string Q(string text) => "q=" + Uri.EscapeDataString(text);

    [Theory]
    [InlineData("\"ha tinh\"")]
    [InlineData("\"Hà Tĩnh\"")]
    [InlineData("\"HÀ TĨNH\"")]
    public async Task A_phrase_is_found_with_or_without_diacritics_and_case(string query)
    {
        var titles = await TitlesAsync(Q(query));
        Assert.Equal(new[] { SeedTitles.TpHaTinh, SeedTitles.KyPhuong, SeedTitles.HongLinh }.Order(), titles.Order());
    }

    [Fact]
    public async Task Decomposed_input_finds_the_same_as_composed_input()
    {
        var composed = await TitlesAsync(Q("\"Đảng ủy phường\""));
        var decomposed = await TitlesAsync(Q("\"Đảng ủy phường\"".Normalize(NormalizationForm.FormD)));
        Assert.Equal([SeedTitles.KyPhuong], composed);
        Assert.Equal(composed, decomposed);
    }

    [Theory]
    [InlineData("kien nghi kinh phi")]
    [InlineData("kiến nghị kinh phí")]
    public async Task Words_need_not_stand_together(string query)
    {
        var titles = await TitlesAsync(Q(query));
        Assert.Equal(new[] { SeedTitles.KyPhuong, SeedTitles.District }.Order(), titles.Order());
    }

    [Fact]
    public async Task D_with_stroke_matches_d_and_words_match_from_their_start()
    {
        Assert.Equal([SeedTitles.KyPhuong], await TitlesAsync(Q("\"nghi dinh 34\"")));
        Assert.Equal([SeedTitles.District], await TitlesAsync(Q("quy khuyen hoc")));
        Assert.Empty(await TitlesAsync(Q("uyen hoc")));
    }

    [Fact]
    public async Task Search_stays_inside_the_users_scope()
    {
        Assert.Empty(await TitlesAsync(Q("quy khuyen hoc"), "thuky.kyphuong"));
    }

    [Fact]
    public async Task Unit_filter_takes_the_units_below_it()
    {
        var (haTinh, tpHaTinh) = factory.WithDb(db => (db.Units.Single(u => u.Code == "ha-tinh").Id, db.Units.Single(u => u.Code == "tp-ha-tinh").Id));
        Assert.Equal(3, (await TitlesAsync($"unit={haTinh}")).Count);
        Assert.Equal([SeedTitles.TpHaTinh], await TitlesAsync($"unit={tpHaTinh}"));
    }

    [Fact]
    public async Task A_unit_outside_the_scope_shows_nothing_rather_than_its_meetings()
    {
        var haTinh = factory.WithDb(db => db.Units.Single(u => u.Code == "ha-tinh").Id);
        Assert.Empty(await TitlesAsync($"unit={haTinh}", "thuky.kyphuong"));
    }

    [Fact]
    public async Task Type_quarter_date_status_and_organisation_filters()
    {
        Assert.Equal([SeedTitles.District], await TitlesAsync("type=WorkingSession"));
        Assert.Equal([SeedTitles.TpHaTinh], await TitlesAsync("year=2022&quarter=1"));
        Assert.Equal([SeedTitles.Hue], await TitlesAsync("year=2024"));
        Assert.Equal(new[] { SeedTitles.KyPhuong, SeedTitles.HongLinh }.Order(), (await TitlesAsync("from=2022-06-01&to=2022-07-31")).Order());
        Assert.Empty(await TitlesAsync("status=Draft"));
        var hccb = factory.WithDb(db => db.Organisations.Single(o => o.Name == "Hội Cựu chiến binh huyện").Id);
        Assert.Equal([SeedTitles.District], await TitlesAsync($"organisation={hccb}"));
    }

    [Fact]
    public async Task Sorting_by_date_ascending_puts_the_oldest_first()
    {
        var titles = await TitlesAsync("sort=DateAscending");
        Assert.Equal(SeedTitles.TpHaTinh, titles[0]);
        Assert.Equal(SeedTitles.Hue, titles[^1]);
    }

    [Theory]
    [InlineData("from=abc", "Từ ngày")]
    [InlineData("from=2022-08-01&to=2022-07-01", "«Đến ngày» phải sau hoặc bằng «Từ ngày».")]
    [InlineData("quarter=2", "Hãy chọn năm khi lọc theo quý.")]
    [InlineData("year=99999", "Năm")]
    [InlineData("type=Party", "Loại")]
    public async Task Bad_filter_values_get_a_Vietnamese_message_not_an_error_page(string query, string expected)
    {
        var client = await factory.SignInAsync("quantri.toanquoc");
        var response = await client.GetAsync("/Meetings?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        // The field is named inside the sentence ("… năm …"), in lower case since issue 17's wording.
        Assert.Contains(expected, HtmlAgilityPack.HtmlEntity.DeEntitize(page.Node("//div[@class='error-summary']").InnerText), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_search_over_its_length_limit_is_refused_with_a_message()
    {
        var client = await factory.SignInAsync("quantri.toanquoc");
        var response = await client.GetAsync("/Meetings?" + Q(new string('a', 500)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(Html.Parse(await response.Content.ReadAsStringAsync()).Node("//div[@class='error-summary']"));
    }
}
