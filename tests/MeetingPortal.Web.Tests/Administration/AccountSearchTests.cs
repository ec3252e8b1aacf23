using System.Text;
using HtmlAgilityPack;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Administration;

/// <summary>
/// Issue 17, deliver 6: the account search on /Admin/Users matched letters exactly ("toàn quốc", "TOÀN QUỐC", "toan quoc"
/// and the decomposed form a Mac sends found nothing; "THEODOI" found nothing). It folds like the meeting search
/// (TextNormalizer.FoldForSearch), in SQL, through the account's stored folded text (ADR 0021).
/// </summary>
public sealed class AccountSearchTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<List<string>> AccountsAsync(HttpClient client, string q)
    {
        var page = await client.GetHtmlAsync("/Admin/Users?q=" + Uri.EscapeDataString(q));
        return page.Nodes("//table//tbody/tr/td[1]").Select(td => HtmlEntity.DeEntitize(td.InnerText).Trim()).ToList();
    }

    [Theory]
    [InlineData("toàn quốc")]
    [InlineData("TOÀN QUỐC")]
    [InlineData("toan quoc")]
    [InlineData("  Toan   Quoc ")]
    [InlineData("nfd")]
    public async Task Every_way_of_typing_a_name_finds_the_same_accounts(string typed)
    {
        var client = await factory.SignInAsync("quantri.toanquoc");
        var expected = await AccountsAsync(client, "Toàn quốc");
        // The country's demo accounts: one per role, the raising side's included (ADR 0026).
        Assert.Equal(6, expected.Count);

        var q = typed == "nfd" ? "Toàn quốc".Normalize(NormalizationForm.FormD) : typed;
        Assert.Equal(expected, await AccountsAsync(client, q));
    }

    [Fact]
    public async Task A_user_name_is_found_whatever_its_case()
    {
        var client = await factory.SignInAsync("quantri.toanquoc");
        var lower = await AccountsAsync(client, "theodoi");
        Assert.Equal(6, lower.Count);
        Assert.Equal(lower, await AccountsAsync(client, "THEODOI"));
        Assert.Equal(["theodoi.kyphuong"], await AccountsAsync(client, "Theodoi.KyPhuong"));
    }

    [Fact]
    public async Task A_renamed_account_is_found_by_its_new_name_folded()
    {
        // The folded text is kept on save, whichever door changes the name (here the context itself, as Identity does).
        factory.WithDb(db =>
        {
            db.Users.Single(u => u.UserName == "traloi.tranphu").FullName = "Nguyễn Thị Đào";
            return db.SaveChanges();
        });
        var client = await factory.SignInAsync("quantri.toanquoc");
        Assert.Equal(["traloi.tranphu"], await AccountsAsync(client, "NGUYEN THI DAO"));
    }

    [Fact]
    public async Task A_search_that_matches_nothing_lists_nothing()
    {
        var client = await factory.SignInAsync("quantri.toanquoc");
        Assert.Empty(await AccountsAsync(client, "không có ai tên này"));
    }
}
