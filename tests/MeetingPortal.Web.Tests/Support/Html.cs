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

    /// <summary>
    /// The text of a summary table's cell as the user reads it (entities decoded, runs of white space as one space): the
    /// row whose header is <paramref name="rowLabel"/> in the table of class <paramref name="table"/>, data column
    /// <paramref name="column"/> counted from 1.
    /// </summary>
    public static string Cell(this HtmlDocument page, string rowLabel, int column = 1, string table = "figures")
    {
        var row = page.Nodes($"//table[contains(@class,'{table}')]/tbody/tr").Single(tr => HtmlEntity.DeEntitize(tr.SelectSingleNode("th")!.InnerText).Trim() == rowLabel);
        return System.Text.RegularExpressions.Regex.Replace(HtmlEntity.DeEntitize(row.SelectNodes("td")![column - 1].InnerText), @"\s+", " ").Trim();
    }

    /// <summary>Every body row of the table of class <paramref name="table"/>, a line each, its cells' text with spaces folded: a table compared whole.</summary>
    public static string TableText(this HtmlDocument page, string table) =>
        string.Join("\n", page.Nodes($"//table[contains(@class,'{table}')]/tbody/tr").Select(tr => System.Text.RegularExpressions.Regex.Replace(HtmlEntity.DeEntitize(tr.InnerText), @"\s+", " ").Trim()));
}
