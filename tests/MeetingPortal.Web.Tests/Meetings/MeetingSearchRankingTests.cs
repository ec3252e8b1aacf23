using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Meetings;

/// <summary>
/// Issue 17, deliver 6: the meeting search listed what it found newest first, nothing marked. Now the best match comes
/// first (FTS5's bm25 rank on SQLite) unless another order is chosen, and the words found are marked in the titles.
/// </summary>
public sealed class MeetingSearchRankingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<List<int>> IdsAsync(string query)
    {
        var client = await factory.SignInAsync("lanhdao.toanquoc");
        var page = await client.GetHtmlAsync("/Meetings?" + query);
        return page.Nodes("//table[contains(@class,'data-table')]/tbody/tr/td[2]/a")
            .Select(a => int.Parse(a.GetAttributeValue("href", "").Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    [Fact]
    public async Task The_best_match_comes_first_unless_another_order_is_chosen()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        // What FTS5 itself ranks for "kien" (its bm25: how often, how rare, in how long a text), best first.
        var ranked = await db.Database.SqlQueryRaw<int>(
            "SELECT rowid AS \"Value\" FROM \"MeetingSearchIndex\" WHERE \"MeetingSearchIndex\" MATCH '\"kien\"*' ORDER BY rank").ToListAsync();
        var newestFirst = await db.Meetings.Where(m => ranked.Contains(m.Id)).OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).Select(m => m.Id).ToListAsync();
        Assert.True(ranked.Count > 1);
        Assert.NotEqual(newestFirst, ranked);

        Assert.Equal(ranked, await IdsAsync("q=kien"));
        Assert.Equal(ranked, await IdsAsync("q=kien&sort=Relevance"));
        Assert.Equal(newestFirst, await IdsAsync("q=kien&sort=DateDescending"));
        // Without a search, newest first as before.
        var all = await db.Meetings.OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).Select(m => m.Id).ToListAsync();
        Assert.Equal(all, await IdsAsync(string.Empty));
    }

    [Fact]
    public async Task Ha_tinh_finds_every_meeting_with_both_words_and_those_saying_Ha_Tinh_come_first()
    {
        // Unquoted, "ha tinh" asks for a word starting "ha" and one starting "tinh" anywhere in a record's own text (title,
        // summary, speeches, recommendations, conclusion, tasks; not its unit's name): "hai", "hàng", "tỉnh", "tính" are
        // common, so most records hold both. Those saying "Hà Tĩnh" now lead the list.
        var texts = factory.WithDb(db => db.Meetings.Select(m => new { m.Id, m.Search.Text }).ToList());
        var expected = texts.Where(m => m.Text.Contains(" ha", StringComparison.Ordinal) && m.Text.Contains(" tinh", StringComparison.Ordinal)).Select(m => m.Id).Order().ToList();
        var saying = texts.Where(m => m.Text.Contains(" ha tinh", StringComparison.Ordinal)).Select(m => m.Id).Order().ToList();
        Assert.Equal(3, saying.Count);
        Assert.True(expected.Count > saying.Count);

        var found = await IdsAsync("q=ha+tinh");
        Assert.Equal(expected, found.Order());
        Assert.Equal(saying, found.Take(saying.Count).Order());
        // Quoted, the words must stand together: only those three.
        Assert.Equal(saying, (await IdsAsync("q=%22ha+tinh%22")).Order());
    }

    [Fact]
    public async Task The_words_found_are_marked_in_the_titles_and_a_script_in_a_title_stays_text()
    {
        factory.WithDb(db =>
        {
            db.Meetings.Single(m => m.Unit!.Code == "p-ky-phuong" && m.Title.StartsWith("Đảng ủy phường Kỳ Phương")).Title =
                "<script>alert(1)</script> Đảng ủy phường Kỳ Phương đối thoại với MTTQ";
            return db.SaveChanges();
        });
        var client = await factory.SignInAsync("lanhdao.toanquoc");
        var html = await (await client.GetAsync("/Meetings?q=" + Uri.EscapeDataString("ĐỐI THOẠI"))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Đảng ủy phường Kỳ Phương <mark>đối</mark> <mark>thoại</mark> với MTTQ", html, StringComparison.Ordinal);
        // The relevance order is the one shown as chosen.
        var page = Html.Parse(html);
        Assert.Equal("Relevance", page.Node("//select[@id='sort']/option[@selected]").GetAttributeValue("value", ""));
    }

    [Fact]
    public async Task Every_meeting_found_shows_what_matched_in_its_title_or_in_a_passage_of_its_text()
    {
        // Issue 17 trial: "ha tinh" found meetings whose titles say neither word, and nothing on the row showed why.
        var client = await factory.SignInAsync("lanhdao.toanquoc");
        var page = await client.GetHtmlAsync("/Meetings?q=ha+tinh");
        var rows = page.Nodes("//table[contains(@class,'data-table')]/tbody/tr/td[2]");
        Assert.True(rows.Count > 3);
        var withPassage = 0;
        foreach (var cell in rows)
        {
            var titleMarked = cell.SelectNodes("./a/mark") is { Count: > 0 };
            var passage = cell.SelectSingleNode("./p[@class='search-excerpt']");
            Assert.True(titleMarked || passage?.SelectNodes("./mark") is { Count: > 0 }, $"nothing marked for {cell.InnerText.Trim()}");
            Assert.True(titleMarked == (passage is null), "a passage is shown exactly when the title does not match");
            withPassage += passage is null ? 0 : 1;
        }

        Assert.True(withPassage > 0);
    }
}
