using System.Net;
using HtmlAgilityPack;

namespace MeetingPortal.Web.Tests.Support;

/// <summary>A form as a browser would submit it: every field's current value, changed by the test, posted with one button.</summary>
public sealed class HtmlForm
{
    private HtmlForm(string action, Dictionary<string, string> fields)
    {
        Action = action;
        Fields = fields;
    }

    public string Action { get; }

    public Dictionary<string, string> Fields { get; }

    public string this[string name]
    {
        get => Fields.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No field {name}.");
        set => Fields[name] = value;
    }

    public static async Task<HtmlForm> LoadAsync(HttpClient client, string url, string formXPath = "//form[@method='post' and contains(@class,'meeting-form')]")
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return From(Html.Parse(await response.Content.ReadAsStringAsync()), url, formXPath);
    }

    public static HtmlForm From(HtmlDocument page, string url, string formXPath = "//form[@method='post' and contains(@class,'meeting-form')]")
    {
        var form = page.DocumentNode.SelectSingleNode(formXPath) ?? throw new InvalidOperationException($"No form on {url}.");
        var fields = new Dictionary<string, string>();
        foreach (var input in form.SelectNodes(".//input[@name]") ?? Enumerable.Empty<HtmlNode>())
        {
            var type = input.GetAttributeValue("type", "text");
            if (type is "submit" or "button" || (type is "checkbox" or "radio" && !input.Attributes.Contains("checked")))
            {
                continue;
            }

            fields[input.GetAttributeValue("name", "")] = WebUtility.HtmlDecode(input.GetAttributeValue("value", type == "checkbox" ? "on" : ""));
        }

        foreach (var select in form.SelectNodes(".//select[@name]") ?? Enumerable.Empty<HtmlNode>())
        {
            var option = select.SelectSingleNode(".//option[@selected]") ?? select.SelectSingleNode(".//option");
            fields[select.GetAttributeValue("name", "")] = WebUtility.HtmlDecode(option?.GetAttributeValue("value", "") ?? "");
        }

        foreach (var textarea in form.SelectNodes(".//textarea[@name]") ?? Enumerable.Empty<HtmlNode>())
        {
            fields[textarea.GetAttributeValue("name", "")] = WebUtility.HtmlDecode(textarea.InnerText).TrimStart('\n', '\r');
        }

        var action = form.GetAttributeValue("action", "");
        return new HtmlForm(string.IsNullOrEmpty(action) ? url : WebUtility.HtmlDecode(action), fields);
    }

    public Task<HttpResponseMessage> PostAsync(HttpClient client, string op) =>
        client.PostAsync(Action, new FormUrlEncodedContent(Fields.Append(new KeyValuePair<string, string>("op", op))));
}
