using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// Makes a field of a form checkable as typed (issue 17, item 2; ADR 0022): where the view names a check address in
/// <see cref="UrlKey"/>, every input, select and textarea that describes itself by a "…-error" element gets the htmx
/// attributes that post the form there on a pause in typing or a change and put the answer (the field's message from
/// the form's own validator) into that element. Without scripts the attributes do nothing and the form posts as before.
/// Written once here rather than on each of the form's forty fields, so that a field added later is checked too.
/// </summary>
[HtmlTargetElement("input", Attributes = "aria-describedby", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("select", Attributes = "aria-describedby")]
[HtmlTargetElement("textarea", Attributes = "aria-describedby")]
public sealed class FieldCheckTagHelper : TagHelper
{
    /// <summary>The ViewData key holding the check handler's address ("/Meetings/Create?handler=Check").</summary>
    public const string UrlKey = "FieldCheckUrl";

    /// <summary>After the input, select and textarea helpers (order -1000), which write the field's name.</summary>
    public override int Order => 100;

    /// <summary>The view being rendered, for its check address.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.ViewData[UrlKey] is not string url
            || output.Attributes["name"]?.Value?.ToString() is not { Length: > 0 } name
            || output.Attributes["type"]?.Value?.ToString() is "hidden" or "checkbox")
        {
            return;
        }

        var errorId = output.Attributes["aria-describedby"].Value?.ToString()?
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(id => id.EndsWith("-error", StringComparison.Ordinal));
        if (errorId is null)
        {
            return;
        }

        output.Attributes.SetAttribute("hx-post", url);
        // A pause of 600 ms in typing, or leaving a changed field: often enough to read as typed, rare enough for a phone.
        output.Attributes.SetAttribute("hx-trigger", output.TagName == "select" ? "change" : "input changed delay:600ms, change");
        output.Attributes.SetAttribute("hx-target", "#" + errorId);
        output.Attributes.SetAttribute("hx-swap", "innerHTML");
        output.Attributes.SetAttribute("hx-vals", JsonSerializer.Serialize(new Dictionary<string, string> { ["field"] = name }));
        // The last value typed is the one to answer: a check still running is dropped for the newer one. htmx's default
        // drops the newer instead, which left the periods of a date typed key by key on an in-between year (issue 17 trial).
        // A field whose check shares a queue with another says so itself (the date and the period: ADR 0022).
        if (!output.Attributes.ContainsName("hx-sync"))
        {
            output.Attributes.SetAttribute("hx-sync", "this:replace");
        }
    }
}
