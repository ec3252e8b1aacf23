using HtmlAgilityPack;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Recommendations;

/// <summary>
/// Issue 17, deliver 6: the tracker's organisation lists put "Đảng ủy phường Kỳ Phương" after "Tỉnh ủy …" (code-point
/// order: Đ is U+0110, after every ASCII letter). Names are listed in Vietnamese order (a ă â b c d đ e …), ADR 0021.
/// </summary>
public sealed class VietnameseOrderTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Ward = "Đảng ủy phường Kỳ Phương";

    private static readonly string[] AddedBodies = ["Tổ dân phố Hưng Phú", "Hội Cựu chiến binh phường Kỳ Phương", "Chi hội Phụ nữ tổ dân phố Tây Yên"];

    /// <summary>
    /// The demo ward's bodies all start with B, Đ or Ủ, which code-point order happens to list right; two bodies of
    /// the ward whose names start with a plain letter after D (as "Tỉnh ủy …" does) show the difference.
    /// </summary>
    private void AddBodiesAfterD() => factory.WithDb(db =>
    {
        var ward = db.Units.Single(u => u.Code == "p-ky-phuong").Id;
        foreach (var name in AddedBodies)
        {
            if (!db.Organisations.Any(o => o.UnitId == ward && o.Name == name))
            {
                db.Organisations.Add(new Organisation(ward, name, OrganisationKind.PeoplesCommittee));
            }
        }

        return db.SaveChanges();
    });

    [Fact]
    public void The_shared_order_is_Vietnamese_alphabetical()
    {
        string[] expected = ["Ban", "Các", "Cao", "Dân", "Đảng", "Em", "Ê", "Tỉnh"];
        Assert.Equal(expected, expected.Reverse().ByName(s => s));
        string[] vowels = ["an", "ăn", "ân", "bàn"];
        Assert.Equal(vowels, vowels.Reverse().ByName(s => s));
        // A name typed on a Mac (decomposed) sorts as the same name composed.
        Assert.Equal(0, VietnameseOrder.Names.Compare(Ward, Ward.Normalize(System.Text.NormalizationForm.FormD)));
    }

    [Fact]
    public async Task The_tracker_organisation_filter_lists_names_in_Vietnamese_order()
    {
        AddBodiesAfterD();
        var client = await factory.SignInAsync("lanhdao.kyphuong");
        var page = await client.GetHtmlAsync("/Recommendations");
        AssertVietnameseOrder(Options(page, "raised-by"));
        AssertVietnameseOrder(Options(page, "addressed-to"));
    }

    [Fact]
    public async Task The_assign_form_lists_bodies_in_Vietnamese_order()
    {
        AddBodiesAfterD();
        var id = factory.WithDb(db => db.Recommendations.Where(r => r.Meeting!.Unit!.Code == "p-ky-phuong").OrderBy(r => r.Id).Select(r => r.Id).First());
        var tracker = await factory.SignInAsync("theodoi.kyphuong");
        var page = await tracker.GetHtmlAsync($"/Recommendations/{id}");
        if (page.Nodes("//form[contains(@action,'handler=Reopen')]").Count > 0)
        {
            var reopen = HtmlForm.From(page, $"/Recommendations/{id}", "//form[contains(@action,'handler=Reopen')]");
            reopen["Reason.Text"] = "Giao lại";
            await tracker.PostAsync(reopen.Action, new FormUrlEncodedContent(reopen.Fields));
            page = await tracker.GetHtmlAsync($"/Recommendations/{id}");
        }

        AssertVietnameseOrder(Options(page, "assign-body"));
    }

    private static List<string> Options(HtmlDocument page, string selectId) =>
        page.Nodes($"//select[@id='{selectId}']/option[@value!='']").Select(o => HtmlEntity.DeEntitize(o.InnerText).Trim()).ToList();

    private static void AssertVietnameseOrder(List<string> names)
    {
        var ward = names.IndexOf(Ward);
        Assert.True(ward >= 0, string.Join(" | ", names));
        // Every name from E on (Ê, G, H … T, U) comes after the Đ; every name before D comes before it.
        Assert.All(names.Where(n => char.IsAsciiLetterUpper(n[0]) && n[0] > 'E'), n => Assert.True(names.IndexOf(n) > ward, $"{n} before {Ward}"));
        Assert.All(names.Where(n => n[0] is 'B' or 'C'), n => Assert.True(names.IndexOf(n) < ward, $"{n} after {Ward}"));
        Assert.Contains(names, n => char.IsAsciiLetterUpper(n[0]) && n[0] > 'E');
        Assert.Equal(names.ByName(n => n), names);
    }
}
