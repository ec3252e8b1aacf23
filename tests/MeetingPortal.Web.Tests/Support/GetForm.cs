using System.Net;
using HtmlAgilityPack;

namespace MeetingPortal.Web.Tests.Support;

/// <summary>
/// A GET form (a list's filters) as a browser submits it: every successful control in document order, duplicates
/// kept (a checkbox only when checked, a select's selected option or else its first), sent as the query of the form's
/// action, which replaces the page's own query.
/// </summary>
public sealed class GetForm
{
    /// <summary>The filter form of the three lists (/Recommendations, /Meetings, /Directives).</summary>
    public const string ListFilters = "//main//form[@method='get' and contains(@class,'filters')]";

    private readonly HtmlNode _form;

    private GetForm(HtmlNode form, string action, List<KeyValuePair<string, string>> fields)
    {
        _form = form;
        Action = action;
        Fields = fields;
    }

    public string Action { get; }

    public List<KeyValuePair<string, string>> Fields { get; }

    /// <summary>The names the form sends more than once (a hidden input beside a visible field of the same name).</summary>
    public IReadOnlyList<string> DuplicateNames => Fields.GroupBy(f => f.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

    /// <summary>The value sent for <paramref name="name"/>, or null when the form sends none.</summary>
    public string? this[string name] => Fields.Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();

    /// <summary>The address the browser opens when the form is submitted.</summary>
    public string Url => Action + "?" + string.Join("&", Fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    public static GetForm From(HtmlDocument page, string pageUrl, string formXPath = ListFilters)
    {
        var form = page.DocumentNode.SelectSingleNode(formXPath) ?? throw new InvalidOperationException($"No form {formXPath} on {pageUrl}.");
        var action = WebUtility.HtmlDecode(form.GetAttributeValue("action", ""));
        if (string.IsNullOrEmpty(action))
        {
            action = pageUrl.Split('?', '#')[0];
        }

        var fields = new List<KeyValuePair<string, string>>();
        foreach (var control in form.SelectNodes(".//input[@name] | .//select[@name] | .//textarea[@name]") ?? Enumerable.Empty<HtmlNode>())
        {
            if (control.Attributes.Contains("disabled"))
            {
                continue;
            }

            var name = WebUtility.HtmlDecode(control.GetAttributeValue("name", ""));
            switch (control.Name)
            {
                case "input":
                    var type = control.GetAttributeValue("type", "text").ToLowerInvariant();
                    if (type is "submit" or "button" or "reset" or "image" or "file" || (type is "checkbox" or "radio" && !control.Attributes.Contains("checked")))
                    {
                        continue;
                    }

                    fields.Add(new(name, WebUtility.HtmlDecode(control.GetAttributeValue("value", type is "checkbox" or "radio" ? "on" : ""))));
                    break;
                case "select":
                    var option = control.SelectSingleNode(".//option[@selected]") ?? control.SelectSingleNode(".//option");
                    if (option is not null)
                    {
                        fields.Add(new(name, WebUtility.HtmlDecode(option.GetAttributeValue("value", option.InnerText))));
                    }

                    break;
                default:
                    fields.Add(new(name, WebUtility.HtmlDecode(control.InnerText).TrimStart('\n', '\r')));
                    break;
            }
        }

        return new GetForm(form, action, fields);
    }

    /// <summary>Picks the option whose text is <paramref name="optionText"/> in the select <paramref name="name"/>, as a user would.</summary>
    public void Choose(string name, string optionText)
    {
        var select = _form.SelectSingleNode($".//select[@name='{name}']") ?? throw new InvalidOperationException($"No select {name}.");
        var option = select.SelectNodes(".//option")?.SingleOrDefault(o => HtmlEntity.DeEntitize(o.InnerText).Trim() == optionText)
            ?? throw new InvalidOperationException($"No option {optionText} in {name}.");
        var index = Fields.FindIndex(f => f.Key == name);
        Fields[index] = new(name, WebUtility.HtmlDecode(option.GetAttributeValue("value", optionText)));
    }
}
