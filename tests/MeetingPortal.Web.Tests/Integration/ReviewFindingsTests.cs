using System.Net;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>Inputs a fresh tester found answering 500 (issue 13's review): each kind now answers as the standards ask.</summary>
public sealed class ReviewFindingsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>
    /// A control character (Word's manual line break U+000B pasted into a field, or U+0001) made the tracker's XLSX
    /// export and the minutes answer 500 for everyone whose scope held the record. Text is stored without them.
    /// </summary>
    [Fact]
    public async Task Control_characters_are_dropped_at_storage_and_exports_open()
    {
        var client = await factory.SignInAsync("thuky.kyphuong");
        var form = await HtmlForm.LoadAsync(client, "/Meetings/Create");
        form["Input.Title"] = "Đối thoại có ký tự\u0001 điều khiển";
        form["Input.HeldOn"] = "2026-11-20";
        form["Input.Host"] = "Đảng ủy phường Kỳ Phương";
        form["Input.Speeches[0].Content"] = "Dòng một\u000BDòng hai";
        var saved = await form.PostAsync(client, "publish");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (title, content) = factory.WithDb(db => db.Meetings.Where(m => m.Title.StartsWith("Đối thoại có ký tự")).Select(m => new { m.Title, Content = m.Speeches.First().Content })
            .AsEnumerable().Select(m => (m.Title, m.Content)).Single());
        Assert.Equal(("Đối thoại có ký tự điều khiển", "Dòng một\nDòng hai"), (title, content));

        var tracker = await factory.SignInAsync("theodoi.kyphuong");
        Assert.Equal(HttpStatusCode.OK, (await tracker.GetAsync("/Recommendations?handler=Export&format=xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{saved.Headers.Location!.OriginalString}/Minutes")).StatusCode);
    }

    /// <summary>/Admin/Audit?from=0001-01-01 or ?to=9999-12-31 answered 500 (a Vietnam day's UTC bounds overflowed).</summary>
    [Theory]
    [InlineData("from=0001-01-01")]
    [InlineData("to=9999-12-31")]
    [InlineData("from=0001-01-01&to=9999-12-31")]
    public async Task The_audit_log_takes_any_date_range(string query)
    {
        var admin = await factory.SignInAsync("quantri.kyphuong");

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Admin/Audit?{query}")).StatusCode);
    }

    /// <summary>A post naming no handler the page has drew the page without loading it: 500 on every detail page.</summary>
    [Theory]
    [InlineData("/Recommendations/{recommendation}", "Bogus")]
    [InlineData("/Recommendations/{recommendation}", "")]
    [InlineData("/Meetings/{meeting}", "Bogus")]
    [InlineData("/Admin/Units/{unit}", "Bogus")]
    public async Task A_post_to_a_handler_the_page_does_not_have_answers_404(string page, string handler)
    {
        var (recommendation, meeting, unit) = factory.WithDb(db => (
            db.Recommendations.First(r => r.Meeting!.Unit!.Code == "p-ky-phuong").Id,
            db.Meetings.First(m => m.Unit!.Code == "p-ky-phuong").Id,
            db.Units.Single(u => u.Code == "p-ky-phuong").Id));
        var url = page.Replace("{recommendation}", recommendation.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{meeting}", meeting.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{unit}", unit.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var admin = await factory.SignInAsync("quantri.kyanh");

        var response = await admin.PostFieldsAsync(url, handler.Length == 0 ? url : $"{url}?handler={handler}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Issue 14, item 5: the first years the summary's year box allows answered 500 (their comparison periods could not be made).</summary>
    [Theory]
    [InlineData("year=1945")]
    [InlineData("year=1945&quarter=1")]
    [InlineData("year=1946&quarter=3")]
    [InlineData("year=1945&half=1")]
    [InlineData("year=1945&handler=Export&format=xlsx")]
    [InlineData("year=1945&quarter=1&handler=Export&format=csv")]
    public async Task The_summary_of_the_first_years_answers(string query)
    {
        var leader = await factory.SignInAsync("lanhdao.kyphuong");

        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/Reports/Quarterly?{query}")).StatusCode);
    }
}
