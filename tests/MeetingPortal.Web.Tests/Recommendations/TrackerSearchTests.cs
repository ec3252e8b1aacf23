using System.Net;
using System.Text;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Recommendations;

/// <summary>
/// Issue 17, deliver 6: the tracker had no text search. Its box <c>q</c> searches each recommendation's content and its
/// answers' text, folded as every search box folds (TextNormalizer), in SQL through stored folded columns (ADR 0021),
/// with the other filters, the paging and the exports.
/// </summary>
public sealed class TrackerSearchTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Decree34 = "Do chế độ phụ cấp theo Nghị định 34";

    private static async Task<List<int>> IdsAsync(HttpClient client, string query)
    {
        var page = await client.GetHtmlAsync("/Recommendations?" + query);
        // Each row's link to its recommendation (a tracker's rows begin with the bulk selection's checkbox).
        return page.Nodes("//table[contains(@class,'data-table')]/tbody/tr/td/a[starts-with(@href,'/Recommendations/')]")
            .Select(a => int.Parse(a.GetAttributeValue("href", "").Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
    }

    /// <summary>The ids of the recommendations in the whole country whose content or answers hold every folded word from a word's start.</summary>
    private List<int> Expected(params string[] foldedWords) => factory.WithDb(db =>
        db.Recommendations.Select(r => new { r.Id, r.Content, Answers = r.Responses.Select(x => x.Content).ToList() }).ToList()
            .Where(r => foldedWords.All(w => TextNormalizer.FoldForWordSearch(r.Content).Contains(" " + w, StringComparison.Ordinal)
                || r.Answers.Any(a => TextNormalizer.FoldForWordSearch(a).Contains(" " + w, StringComparison.Ordinal))))
            .Select(r => r.Id).Order().ToList());

    [Theory]
    [InlineData("nghi dinh 34")]
    [InlineData("NGHỊ ĐỊNH 34")]
    [InlineData("  Nghị   định 34 ")]
    [InlineData("nfd")]
    public async Task Every_way_of_typing_the_words_finds_the_same_recommendations(string typed)
    {
        var q = typed == "nfd" ? "Nghị định 34".Normalize(NormalizationForm.FormD) : typed;
        var expected = Expected("nghi", "dinh", "34");
        var decree34 = factory.WithDb(db => db.Recommendations.Single(r => r.Content.StartsWith(Decree34)).Id);
        Assert.Contains(decree34, expected);
        Assert.True(expected.Count < factory.WithDb(db => db.Recommendations.Count()));

        var client = await factory.SignInAsync("theodoi.toanquoc");
        Assert.Equal(expected, await IdsAsync(client, "q=" + Uri.EscapeDataString(q)));
    }

    [Fact]
    public async Task The_words_of_an_answer_find_its_recommendation_and_are_marked()
    {
        var id = factory.WithDb(db => db.Recommendations.Where(r => r.Meeting!.Unit!.Code == "p-ky-phuong").OrderBy(r => r.Id).Select(r => r.Id).First());
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
            var r = await db.Recommendations.Include(x => x.Meeting).Include(x => x.Responses).Include(x => x.Events).AsSplitQuery().SingleAsync(x => x.Id == id);
            var by = new Actor("test", DateTime.UtcNow);
            r.Reopen("kiểm tra", by);
            r.Respond(ResponseKind.Resolved, new DateOnly(2022, 8, 1), r.AddressedToOrganisationId, null, "Đã lắp đặt hệ thống Loa Truyền Thanh Thông Minh", by);
            await db.SaveChangesAsync();
        }

        var client = await factory.SignInAsync("theodoi.kyphuong");
        Assert.Equal([id], await IdsAsync(client, "q=" + Uri.EscapeDataString("LOA TRUYEN THANH thông minh")));
        // The words must all be found: one that stands nowhere finds nothing.
        Assert.Empty(await IdsAsync(client, "q=" + Uri.EscapeDataString("loa truyen thanh khongcodau")));
    }

    [Fact]
    public async Task The_search_keeps_to_the_scope_combines_with_the_filters_and_pages()
    {
        var expected = Expected("kinh", "phi");
        var ward = factory.WithDb(db => db.Recommendations.Where(r => r.Meeting!.Unit!.Code == "p-ky-phuong").Select(r => r.Id).ToList());
        var client = await factory.SignInAsync("theodoi.kyphuong");
        var found = await IdsAsync(client, "q=kinh+phi");
        Assert.NotEmpty(found);
        Assert.Equal(expected.Intersect(ward).Order(), found);

        // With a status filter, only the items of that status among those found.
        var status = factory.WithDb(db => db.Recommendations.Where(r => found.Contains(r.Id)).Select(r => r.Status).First());
        var withStatus = await IdsAsync(client, $"q=kinh+phi&status={status}");
        Assert.Equal(factory.WithDb(db => db.Recommendations.Where(r => found.Contains(r.Id) && r.Status == status).Select(r => r.Id).OrderBy(i => i).ToList()), withStatus);

        // The count says how many were found and the pager keeps the search.
        var page = await client.GetHtmlAsync("/Recommendations?q=kinh+phi");
        Assert.Equal(found.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Total());
        Assert.All(page.Nodes("//a[contains(@href,'handler=Export')]"), a => Assert.Contains("q=kinh", a.GetAttributeValue("href", ""), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_export_holds_only_what_was_found_and_says_what_was_searched()
    {
        var client = await factory.SignInAsync("theodoi.toanquoc");
        var response = await client.GetAsync("/Recommendations?handler=Export&format=csv&q=" + Uri.EscapeDataString("nghi dinh 34"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tìm kiếm: nghi dinh 34", csv, StringComparison.Ordinal);
        Assert.Contains(Decree34, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("hiện nay, đội ngũ cán bộ cơ sở phải kiêm nhiệm", csv, StringComparison.Ordinal);
        Assert.Contains($"{Expected("nghi", "dinh", "34").Count}", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_too_long_is_refused_beside_the_box_with_the_text_kept()
    {
        var client = await factory.SignInAsync("theodoi.kyphuong");
        var typed = string.Concat(Enumerable.Repeat("kinh phí ", 500));
        var response = await client.GetAsync("/Recommendations?unit=abc&q=" + Uri.EscapeDataString(typed));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("tìm kiếm", page.Node("//*[@id='q-error']").InnerText, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(typed, System.Net.WebUtility.HtmlDecode(page.Node("//input[@id='q']").GetAttributeValue("value", "")));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Recommendations?handler=Export&format=csv&q=" + Uri.EscapeDataString(typed))).StatusCode);
    }

    [Fact]
    public async Task What_matched_is_marked_and_a_script_in_the_text_stays_text()
    {
        var id = factory.WithDb(db => db.Recommendations.Where(r => r.Meeting!.Unit!.Code == "p-ky-phuong").OrderByDescending(r => r.Id).Select(r => r.Id).First());
        factory.WithDb(db =>
        {
            db.Recommendations.Single(r => r.Id == id).Content = "<script>alert(1)</script> Kiến nghị về Quỹ Khuyến học";
            return db.SaveChanges();
        });
        var client = await factory.SignInAsync("theodoi.kyphuong");
        var response = await client.GetAsync("/Recommendations?q=" + Uri.EscapeDataString("quy khuyen hoc script"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<mark>Quỹ</mark> <mark>Khuyến</mark> <mark>học</mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_saved_before_the_folded_columns_existed_are_folded_at_start_up()
    {
        var id = factory.WithDb(db => db.Recommendations.Single(r => r.Content.StartsWith(Decree34)).Id);
        // As the migration leaves them: empty folded text.
        factory.WithDb(db => db.Database.ExecuteSqlRaw("UPDATE \"Recommendations\" SET \"SearchText\" = '' WHERE \"Id\" = {0}", id)
            + db.Database.ExecuteSqlRaw("UPDATE \"Responses\" SET \"SearchText\" = ''"));
        var client = await factory.SignInAsync("theodoi.toanquoc");
        Assert.DoesNotContain(id, await IdsAsync(client, "q=nghi+dinh+34"));

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<MeetingPortal.Infrastructure.Seeding.DatabaseInitializer>().InitializeAsync();
        }

        Assert.Contains(id, await IdsAsync(client, "q=nghi+dinh+34"));
        Assert.Equal(0, factory.WithDb(db => db.Recommendations.Count(r => r.SearchText == "") + db.Responses.Count(r => r.SearchText == "")));
    }
}
