using System.Text.Encodings.Web;
using MeetingPortal.Domain.Common;
using Microsoft.AspNetCore.Html;

namespace MeetingPortal.Web.Infrastructure;

/// <summary>
/// Shows what a search matched: each match in <c>&lt;mark&gt;</c>, found as the search finds it
/// (<see cref="TextNormalizer.FindMatches"/>: folded, from a word's start), so "ha tinh" marks "Hà Tĩnh". Every piece of
/// the text goes through the page's own HTML encoder; only the marks are markup, so a "&lt;script&gt;" in a title stays text.
/// </summary>
public static class SearchHighlight
{
    /// <summary>The text with what the folded terms match marked, encoded when the page writes it.</summary>
    public static IHtmlContent Mark(string? text, IReadOnlyList<string> foldedTerms) =>
        new Marked(text ?? string.Empty, string.IsNullOrEmpty(text) ? [] : TextNormalizer.FindMatches(text, foldedTerms));

    private sealed class Marked(string text, IReadOnlyList<(int Start, int Length)> matches) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var at = 0;
            foreach (var (start, length) in matches)
            {
                encoder.Encode(writer, text, at, start - at);
                writer.Write("<mark>");
                encoder.Encode(writer, text, start, length);
                writer.Write("</mark>");
                at = start + length;
            }

            encoder.Encode(writer, text, at, text.Length - at);
        }
    }
}
