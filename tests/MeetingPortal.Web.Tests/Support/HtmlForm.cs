using System.Net;
using HtmlAgilityPack;

namespace MeetingPortal.Web.Tests.Support;

/// <summary>A form as a browser would submit it: every field's current value, changed by the test, posted with one button.</summary>
public sealed class HtmlForm
{
    private HtmlForm(string action, Dictionary<string, string> fields, Dictionary<string, List<string>>? boxes = null)
    {
        Action = action;
        Fields = fields;
        this.boxes = boxes ?? [];
    }

    /// <summary>
    /// The checked values of each name that two checkboxes or more carry (a list to choose from), and the values of each
    /// name two hidden inputs or more carry: a browser sends each one, which <see cref="Fields"/>, one value per name,
    /// cannot hold. <see cref="PostAsync"/> sends these, not the
    /// name's entry in <see cref="Fields"/>.
    /// </summary>
    private readonly Dictionary<string, List<string>> boxes;

    /// <summary>The values checked among the checkboxes named <paramref name="name"/> (two or more on the form).</summary>
    public IReadOnlyList<string> Checked(string name) =>
        boxes.TryGetValue(name, out var values) ? values : throw new KeyNotFoundException($"No list of checkboxes {name}.");

    /// <summary>Checks exactly <paramref name="values"/> among the checkboxes named <paramref name="name"/>, as a user ticking them would.</summary>
    public void Check(string name, params IEnumerable<string> values)
    {
        _ = Checked(name);
        boxes[name] = values.ToList();
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
        return FromNode(form, url);
    }

    /// <summary>
    /// Every form on the page that posts, as a browser would send it with each of its buttons that posts somewhere
    /// else (<c>formaction</c>); the first named submit button's name and value are sent with it, as a click would.
    /// </summary>
    public static IReadOnlyList<HtmlForm> AllFrom(HtmlDocument page, string url)
    {
        var forms = new List<HtmlForm>();
        foreach (var node in page.DocumentNode.SelectNodes("//form") ?? Enumerable.Empty<HtmlNode>())
        {
            if (!node.GetAttributeValue("method", "get").Equals("post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var form = FromNode(node, url);
            var buttons = node.SelectNodes(".//button[not(@type) or @type='submit'] | .//input[@type='submit']")?.ToList() ?? [];
            if (buttons.FirstOrDefault(b => b.Attributes.Contains("name")) is { } first)
            {
                form.Fields[first.GetAttributeValue("name", "")] = WebUtility.HtmlDecode(first.GetAttributeValue("value", ""));
            }

            forms.Add(form);
            foreach (var elsewhere in buttons.Select(b => b.GetAttributeValue("formaction", "")).Where(a => a.Length > 0).Distinct())
            {
                forms.Add(new HtmlForm(WebUtility.HtmlDecode(elsewhere), new Dictionary<string, string>(form.Fields)));
            }
        }

        return forms;
    }

    private static HtmlForm FromNode(HtmlNode form, string url)
    {
        var fields = new Dictionary<string, string>();
        var inputs = form.SelectNodes(".//input[@name]")?.ToList() ?? [];
        // A name two checkboxes or two hidden inputs carry (and nothing else) is a list: every checked or hidden value goes.
        var boxes = inputs.GroupBy(i => i.GetAttributeValue("name", ""))
            .Where(g => g.Count() > 1 && g.Select(i => i.GetAttributeValue("type", "text")).Distinct().ToList() is [var only] && only is "checkbox" or "hidden")
            .ToDictionary(g => g.Key, g => g.Where(i => i.GetAttributeValue("type", "text") == "hidden" || i.Attributes.Contains("checked"))
                .Select(i => WebUtility.HtmlDecode(i.GetAttributeValue("value", "on"))).ToList());
        foreach (var input in inputs)
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
        return new HtmlForm(string.IsNullOrEmpty(action) ? url : WebUtility.HtmlDecode(action), fields, boxes);
    }

    public Task<HttpResponseMessage> PostAsync(HttpClient client, string op) =>
        client.PostAsync(Action, new FormUrlEncodedContent(Fields.Where(f => !boxes.ContainsKey(f.Key))
            .Concat(boxes.SelectMany(b => b.Value.Select(v => KeyValuePair.Create(b.Key, v))))
            .Append(new KeyValuePair<string, string>("op", op))));
}
