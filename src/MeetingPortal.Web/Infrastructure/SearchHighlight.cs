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

    /// <summary>
    /// A short passage of the first of <paramref name="texts"/> that holds a match (about <paramref name="width"/>
    /// characters around the first match, cut at spaces, "…" where it was cut), with what matched marked; null when none
    /// matches. Shows why a record was found when its title does not say (issue 17 trial: "ha tinh" marked nothing when
    /// the words stood only in a meeting's text).
    /// </summary>
    public static IHtmlContent? Excerpt(IEnumerable<string?> texts, IReadOnlyList<string> foldedTerms, int width = 160)
    {
        foreach (var text in texts)
        {
            var matches = TextNormalizer.FindMatches(text, foldedTerms);
            if (matches.Count == 0)
            {
                continue;
            }

            var (first, length) = matches[0];
            var start = Math.Max(0, first - (width / 3));
            var end = Math.Min(text!.Length, Math.Max(first + length, start + width));
            if (start > 0 && text.LastIndexOf(' ', first - 1, first - start) is var space and >= 0)
            {
                start = space + 1;
            }

            if (end < text.Length && text.IndexOf(' ', end) is var after and >= 0 && after - end < 20)
            {
                end = after;
            }

            var passage = (start > 0 ? "…" : string.Empty) + text[start..end].ReplaceLineEndings(" ") + (end < text.Length ? "…" : string.Empty);
            return new Marked(passage, TextNormalizer.FindMatches(passage, foldedTerms));
        }

        return null;
    }

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
