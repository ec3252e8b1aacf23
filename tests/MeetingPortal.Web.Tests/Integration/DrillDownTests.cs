using System.Globalization;
using System.Net;
using System.Reflection;
using MeetingPortal.Application.Directives;
using MeetingPortal.Application.Meetings;
using MeetingPortal.Application.Recommendations;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>
/// Issue 15, item 6 ("drill-down that holds"): the lists a summary figure opens show every criterion they apply as a
/// removable chip, and no refinement (their form, status counts, paging, exports, removing a chip) drops another.
/// </summary>
public sealed class DrillDownTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int Unit(string code) => factory.WithDb(db => db.Units.Single(u => u.Code == code).Id);

    /// <summary>
    /// The reported case: "Đã trả lời 9" on the national summary of 2022, then the theme "Kinh phí hoạt động" chosen in
    /// the tracker's form, showed 2 (the form had dropped "answered") where 1 is right.
    /// </summary>
    [Fact]
    public async Task Choosing_a_theme_after_the_answered_figure_keeps_answered()
    {
        const string theme = "Kinh phí hoạt động";
        var unit = Unit("viet-nam");
        var (answered, all) = factory.WithDb(db =>
        {
            var path = db.Units.Single(u => u.Id == unit).Path;
            var ofTheme = db.Recommendations.Where(r => r.Theme!.Name == theme && r.Meeting!.Unit!.Path.StartsWith(path)
                && r.Meeting.HeldOn >= new DateOnly(2022, 1, 1) && r.Meeting.HeldOn <= new DateOnly(2022, 12, 31));
            return (ofTheme.Count(r => r.FirstAnsweredOn != null), ofTheme.Count());
        });
        Assert.True(answered != all, "the seeds must tell the two apart");

        var leader = await factory.SignInAsync("lanhdao.toanquoc");
        var summary = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={unit}&year=2022");
        var figure = summary.Nodes("//table[contains(@class,'figures')]/tbody/tr")
            .Single(tr => HtmlAgilityPack.HtmlEntity.DeEntitize(tr.SelectSingleNode("th")!.InnerText).Trim() == "Đã trả lời")
            .SelectSingleNode(".//a[contains(@class,'figure')]")!;
        var href = WebUtility.HtmlDecode(figure.GetAttributeValue("href", ""));
        var tracker = await leader.GetHtmlAsync(href);
        Assert.Equal(figure.GetAttributeValue("data-count", ""), tracker.Total());

        var form = GetForm.From(tracker, href);
        form.Choose("theme", theme);
        var refined = await leader.GetHtmlAsync(form.Url);

        Assert.Equal(answered.ToString(CultureInfo.InvariantCulture), refined.Total());
        Assert.Contains(refined.Chips(), c => c.Key == "answered" && c.Text == "Đã trả lời");
        Assert.Contains(refined.Chips(), c => c.Key == "theme" && c.Text == $"Lĩnh vực: {theme}");
    }

    /// <summary>Each chip's link opens the list without that criterion (and a year without its quarter), keeping the others and the order.</summary>
    [Theory]
    [InlineData("/Recommendations?unit={ha-tinh}&theme=2&answered=true&resolved=false&withDue=true&from=2022-01-01&to=2022-12-31&sort=Newest&p=1")]
    [InlineData("/Meetings?q=kinh+phi&unit={ha-tinh}&type=Dialogue&status=Published&year=2022&quarter=2&sort=Title")]
    [InlineData("/Directives?unit={tx-ky-anh}&from=2022-01-01&to=2022-12-31&status=Open&overdue=true")]
    public async Task Removing_one_chip_keeps_the_others(string template)
    {
        var url = template.Replace("{ha-tinh}", Unit("ha-tinh").ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{tx-ky-anh}", Unit("tx-ky-anh").ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var client = await factory.SignInAsync("lanhdao.hatinh");
        var list = await client.GetHtmlAsync(url);
        var chips = list.Chips();
        var criteria = DrillDown.Query(url).Keys.Except(["sort", "p"]).ToList();
        Assert.Equal(criteria.Order(), chips.Select(c => c.Key).Order());

        foreach (var chip in chips)
        {
            var without = await client.GetHtmlAsync(chip.Href);
            var gone = chip.Key == "year" ? new[] { "year", "quarter" } : [chip.Key];
            Assert.Equal(chips.Where(c => !gone.Contains(c.Key)).Select(c => c.Text).Order(), without.Chips().Select(c => c.Text).Order());
            Assert.DoesNotContain("p", DrillDown.Query(chip.Href).Keys);
            if (DrillDown.Query(url).TryGetValue("sort", out var sort))
            {
                Assert.Equal(sort, GetForm.From(without, chip.Href)["sort"]);
            }
        }
    }

    [Fact]
    public async Task A_criterion_that_cannot_be_named_shows_its_raw_value_and_is_removable()
    {
        var client = await factory.SignInAsync("lanhdao.hatinh");
        var tracker = await client.GetHtmlAsync("/Recommendations?theme=98765&answered=false");
        var chip = Assert.Single(tracker.Chips(), c => c.Key == "theme");
        Assert.Equal("Lĩnh vực: 98765", chip.Text);
        Assert.Contains(tracker.Chips(), c => c.Key == "answered" && c.Text == "Chưa trả lời");
        Assert.Equal("98765", GetForm.From(tracker, "/Recommendations")["theme"]);
        Assert.Equal(new Dictionary<string, string> { ["answered"] = "false" }, DrillDown.Query(chip.Href));

        var meetings = await client.GetHtmlAsync("/Meetings?organisation=98765");
        Assert.Equal("Tổ chức tham gia: 98765", Assert.Single(meetings.Chips()).Text);
        Assert.Equal("98765", GetForm.From(meetings, "/Meetings")["organisation"]);
    }

    /// <summary>
    /// Every property of each list's filter set at once: each becomes a chip with a label (a criterion added to a
    /// filter fails here until it has one in ListCriteria), the form sends each once with its value, and the tracker's
    /// status counts and exports keep them all.
    /// </summary>
    [Theory]
    [InlineData("/Recommendations", typeof(RecommendationFilter))]
    [InlineData("/Meetings", typeof(MeetingFilter))]
    [InlineData("/Directives", typeof(DirectiveFilter))]
    public async Task Every_criterion_of_a_filter_is_named_and_carried(string list, Type filterType)
    {
        var values = RouteValuesOfEverything(filterType, Unit("ha-tinh"), factory.WithDb(db => db.Organisations.First(o => o.Unit!.Code == "p-ky-phuong").Id));
        var url = list + "?" + string.Join("&", values.Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value)}"));
        var client = await factory.SignInAsync("lanhdao.hatinh");
        var page = await client.GetHtmlAsync(url);

        var chips = page.Chips();
        Assert.Equal(values.Keys.Where(k => k != "sort").Order(), chips.Select(c => c.Key).Order());
        foreach (var chip in chips)
        {
            Assert.False(chip.Text.StartsWith(chip.Key + ":", StringComparison.Ordinal), $"{list}: {chip.Key} has no label");
            Assert.DoesNotMatch(@"\b[A-Z][A-Za-z]+\.[A-Z]", chip.Text);
        }

        var form = GetForm.From(page, url);
        Assert.Empty(form.DuplicateNames);
        foreach (var (key, value) in values)
        {
            Assert.True(value == form[key], $"{list}: the form sends {key}={form[key]}, not {value}");
        }

        foreach (var link in page.Nodes("//nav[contains(@class,'status-counts')]//a | //a[contains(@href,'handler=Export')] | //a[starts-with(@href,'/Meetings/Export')]"))
        {
            var query = DrillDown.Query(WebUtility.HtmlDecode(link.GetAttributeValue("href", "")));
            Assert.All(values.Where(v => v.Key != "status"), v => Assert.Equal(v.Value, query.GetValueOrDefault(v.Key)));
        }
    }

    /// <summary>
    /// A filter with each of its settable properties given a value other than its default (a yes/no that may be unset
    /// as "no", so that its "not" phrase is read), as its <c>RouteValues()</c>.
    /// </summary>
    private static Dictionary<string, string> RouteValuesOfEverything(Type filterType, int unit, int organisation)
    {
        var filter = Activator.CreateInstance(filterType)!;
        foreach (var property in filterType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            object value = type switch
            {
                _ when type == typeof(bool) => property.PropertyType == typeof(bool?) ? false : true,
                _ when type == typeof(DateOnly) => new DateOnly(2022, 6, 28),
                _ when type == typeof(string) => "kinh phi",
                _ when type.IsEnum => Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1)!,
                _ when type == typeof(int) => property.Name switch
                {
                    "Year" => 2022,
                    "Unit" => unit,
                    "RaisedBy" or "AddressedTo" or "Organisation" or "Assignee" => organisation,
                    _ => 1,
                },
                _ => throw new InvalidOperationException($"{filterType.Name}.{property.Name}: a type this test does not know."),
            };
            property.SetValue(filter, value);
        }

        return (Dictionary<string, string>)filterType.GetMethod("RouteValues")!.Invoke(filter, null)!;
    }
}
