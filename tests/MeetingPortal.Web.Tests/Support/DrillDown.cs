using System.Net;
using HtmlAgilityPack;
using Microsoft.AspNetCore.WebUtilities;

namespace MeetingPortal.Web.Tests.Support;

/// <summary>A chip above a list: the criterion's key, what it says, its link's accessible name and address.</summary>
public sealed record Chip(string Key, string Text, string Name, string Href);

/// <summary>The drill-down from a summary's figures to the lists they count, and the chips those lists show (issue 15, item 6).</summary>
public static class DrillDown
{
    /// <summary>Query keys that order or page a list rather than choose what it holds.</summary>
    private static readonly string[] NotCriteria = ["sort", "p"];

    /// <summary>Query keys whose values are ids, which a chip names in words.</summary>
    private static readonly string[] IdKeys = ["unit", "theme", "raisedBy", "addressedTo", "organisation", "assignee"];

    public static IReadOnlyList<Chip> Chips(this HtmlDocument page) =>
        page.Nodes("//ul[contains(@class,'chips')]/li[@data-key]").Select(li =>
        {
            var link = li.SelectSingleNode("a") ?? throw new Xunit.Sdk.XunitException("A chip without a link.");
            var text = HtmlEntity.DeEntitize(string.Concat(link.ChildNodes.Where(n => n.GetAttributeValue("aria-hidden", "") != "true").Select(n => n.InnerText))).Trim();
            return new Chip(li.GetAttributeValue("data-key", ""), text, HtmlEntity.DeEntitize(link.GetAttributeValue("aria-label", "")), WebUtility.HtmlDecode(link.GetAttributeValue("href", "")));
        }).ToList();

    /// <summary>The query of <paramref name="url"/> as key and value, one value a key.</summary>
    public static Dictionary<string, string> Query(string url)
    {
        var at = url.IndexOf('?', StringComparison.Ordinal);
        return at < 0 ? [] : QueryHelpers.ParseQuery(url[at..]).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The list's count (<c>data-total</c>).</summary>
    public static string Total(this HtmlDocument list) => list.Node("//*[@data-total]").GetAttributeValue("data-total", "");

    /// <summary>
    /// For every figure on the summary at <paramref name="summaryUrl"/>: the list it opens counts the figure, shows each
    /// criterion of the link as a chip (named in words, removable: its link opens the list without it), and still
    /// counts the figure after its filter form is submitted unchanged. Returns the lists the figures opened.
    /// </summary>
    public static async Task<IReadOnlySet<string>> AssertEveryFigureHoldsAsync(HttpClient client, string summaryUrl)
    {
        var summary = await client.GetHtmlAsync(summaryUrl);
        var figures = summary.Nodes("//a[contains(@class,'figure')]");
        Assert.NotEmpty(figures);
        var lists = new HashSet<string>();
        foreach (var figure in figures)
        {
            var href = WebUtility.HtmlDecode(figure.GetAttributeValue("href", ""));
            var count = figure.GetAttributeValue("data-count", "");
            lists.Add(href.Split('?')[0]);
            var list = await client.GetHtmlAsync(href);
            Assert.True(count == list.Total(), $"{href}: figure {count}, list {list.Total()}");

            var criteria = Query(href).Where(q => !NotCriteria.Contains(q.Key)).ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase);
            var chips = list.Chips();
            Assert.True(criteria.Keys.Order().SequenceEqual(chips.Select(c => c.Key).Order(), StringComparer.OrdinalIgnoreCase),
                $"{href}: chips {string.Join(", ", chips.Select(c => c.Key))}");
            foreach (var chip in chips)
            {
                Assert.Equal($"Bỏ lọc: {chip.Text}", chip.Name);
                Assert.False(IdKeys.Contains(chip.Key) && chip.Text.EndsWith(": " + criteria[chip.Key], StringComparison.Ordinal), $"{href}: {chip.Text} names no {chip.Key}");
                if (chip.Key is "from" or "to")
                {
                    Assert.EndsWith(DateOnly.ParseExact(criteria[chip.Key], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), chip.Text, StringComparison.Ordinal);
                }

                var rest = Query(href);
                rest.Remove(chip.Key);
                Assert.Equal(rest.OrderBy(q => q.Key), Query(chip.Href).OrderBy(q => q.Key));
            }

            var form = GetForm.From(list, href);
            Assert.Empty(form.DuplicateNames);
            var again = await client.GetHtmlAsync(form.Url);
            Assert.True(count == again.Total(), $"{href} then the form unchanged ({form.Url}): figure {count}, list {again.Total()}");
            Assert.Equal(chips.Select(c => c.Text).Order(), again.Chips().Select(c => c.Text).Order());
        }

        return lists;
    }
}
