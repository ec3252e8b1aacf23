using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Recommendations;

/// <summary>
/// Issue 15 trial: "/Recommendations?…&amp;sort=" listed "0 kiến nghị" without a word, because an empty value of a
/// non-nullable criterion (an enum, a yes/no) failed to bind. An empty criterion in a list's query is a criterion not
/// given, on every list.
/// </summary>
public sealed class EmptyCriteriaTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Total(HtmlAgilityPack.HtmlDocument page) =>
        page.Node("//p[@role='status' and @data-total]").GetAttributeValue("data-total", "");

    [Theory]
    [InlineData("/Recommendations?published=true", "/Recommendations?published=true&sort=")]
    [InlineData("/Recommendations?published=true", "/Recommendations?published=true&overdue=&open=&sort=")]
    [InlineData("/Recommendations", "/Recommendations?sort=&withDue=")]
    [InlineData("/Meetings", "/Meetings?sort=")]
    [InlineData("/Directives", "/Directives?overdue=&published=&withTarget=")]
    public async Task An_empty_criterion_in_a_list_query_lists_as_if_it_were_not_given(string plain, string withEmpty)
    {
        var client = await factory.SignInAsync("lanhdao.hatinh");
        var without = await client.GetHtmlAsync(plain);
        var with = await client.GetHtmlAsync(withEmpty);

        Assert.NotEqual("0", Total(without));
        Assert.Equal(Total(without), Total(with));
        Assert.Empty(with.Nodes("//div[contains(@class,'error-summary')]"));
    }

    [Fact]
    public async Task A_value_that_is_no_sort_still_says_so()
    {
        var client = await factory.SignInAsync("lanhdao.hatinh");
        var page = await client.GetHtmlAsync("/Recommendations?sort=zzz");
        Assert.Contains("zzz", page.Node("//div[contains(@class,'error-summary')]").InnerText);
    }
}
