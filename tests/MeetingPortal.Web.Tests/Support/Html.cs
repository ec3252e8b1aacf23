using HtmlAgilityPack;

namespace MeetingPortal.Web.Tests.Support;

public static class Html
{
    public static HtmlDocument Parse(string html)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        return document;
    }

    public static async Task<HtmlDocument> GetHtmlAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return Parse(await response.Content.ReadAsStringAsync());
    }

    public static HtmlNode Node(this HtmlDocument document, string xpath) =>
        document.DocumentNode.SelectSingleNode(xpath) ?? throw new Xunit.Sdk.XunitException($"Nothing matches {xpath}.");

    public static IReadOnlyList<HtmlNode> Nodes(this HtmlDocument document, string xpath) =>
        document.DocumentNode.SelectNodes(xpath)?.ToList() ?? [];

    public static string Text(this HtmlDocument document) => HtmlEntity.DeEntitize(document.DocumentNode.InnerText);

    /// <summary>Titles of the meetings listed on /Meetings, as the user reads them.</summary>
    public static IReadOnlyList<string> MeetingTitles(this HtmlDocument document) =>
        document.DocumentNode.SelectNodes("//table[contains(@class,'data-table')]/tbody/tr/td[2]/a")?
            .Select(a => HtmlEntity.DeEntitize(a.InnerText).Trim()).ToList() ?? [];
}
