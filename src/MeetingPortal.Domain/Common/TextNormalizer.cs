using System.Globalization;
using System.Text;

namespace MeetingPortal.Domain.Common;

public static class TextNormalizer
{
    /// <summary>
    /// Vietnamese typed on different keyboards arrives composed (NFC) or decomposed (NFD);
    /// everything is stored composed so that equal words compare equal.
    /// </summary>
    public static string? ToNfc(string? value) =>
        value is null || value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);

    /// <summary>A typed value as it is stored: composed, without control characters or surrounding spaces, never null.</summary>
    public static string Clean(string? value) => ForStorage(value)?.Trim() ?? string.Empty;

    /// <summary>
    /// Text as every record stores it, whichever door it came through: composed (<see cref="ToNfc"/>) and without
    /// control characters. Line breaks and tabs stay; Word's manual line break and page break (U+000B, U+000C), which
    /// pasting brings along, become line breaks; the other control characters (NUL, U+0001…) are dropped, since no
    /// document, spreadsheet or XML file can carry them (an XLSX export and the minutes failed on one).
    /// </summary>
    public static string? ForStorage(string? value)
    {
        var composed = ToNfc(value);
        if (composed is null || !composed.Any(IsUnwantedControl))
        {
            return composed;
        }

        var builder = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            if (c is '\u000B' or '\u000C')
            {
                builder.Append('\n');
            }
            else if (!IsUnwantedControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsUnwantedControl(char c) => char.IsControl(c) && c is not ('\n' or '\r' or '\t');

    /// <summary>
    /// Folds text for diacritic- and case-insensitive search: "Hà Tĩnh" and "ha tinh" fold alike,
    /// and đ/Đ fold to d, which Unicode decomposition alone does not do. Punctuation becomes a space,
    /// so "09-NQ/Th.U" folds to "09 nq th u" and every word can be matched from its start.
    /// </summary>
    public static string FoldForSearch(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            // Diacritics go, and so do invisible format characters (zero-width space, joiners, BOM).
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
            {
                continue;
            }

            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (!char.IsLetterOrDigit(folded))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                    lastWasSpace = true;
                }

                continue;
            }

            builder.Append(folded);
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>
    /// <see cref="FoldForSearch"/> with a leading space, the form stored for word-start search: a folded term matches
    /// from the start of a word with <c>Contains(" " + term)</c>, in SQL on every provider. Never empty (" " for no text).
    /// </summary>
    public static string FoldForWordSearch(string? value) => " " + FoldForSearch(value);

    /// <summary>The most terms one search uses; more are ignored (each one is a condition of the query).</summary>
    public const int MaxSearchTerms = 10;

    /// <summary>
    /// What a user typed in a search box as folded terms: each word, or a "quoted phrase" kept whole, folded like the
    /// stored text (<see cref="FoldForSearch"/>), without repeats, at most <see cref="MaxSearchTerms"/>. Folded terms
    /// hold only letters, digits and single spaces, so no term can carry query syntax.
    /// </summary>
    public static IReadOnlyList<string> SearchTerms(string? typed)
    {
        var parts = (typed ?? string.Empty).Split('"');
        // Odd-numbered parts were inside quotes.
        return parts.SelectMany((part, i) => i % 2 == 1
                ? [FoldForSearch(part)]
                : FoldForSearch(part).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxSearchTerms).ToList();
    }

    /// <summary>
    /// Where the <paramref name="foldedTerms"/> match <paramref name="text"/> as the search matches them (from the start of
    /// a word, a phrase's words in a row, its last word possibly cut short), as start and length in the original text,
    /// sorted and merged; for highlighting what a search found. The text is read character by character, each folded
    /// alone as <see cref="FoldForSearch"/> folds it, so positions map back to the text as written (composed or not).
    /// </summary>
    public static IReadOnlyList<(int Start, int Length)> FindMatches(string? text, IReadOnlyList<string> foldedTerms)
    {
        if (string.IsNullOrEmpty(text) || foldedTerms.Count == 0)
        {
            return [];
        }

        // folded[i] came from text[origin[i]]; a run of separators folds to one space.
        var folded = new StringBuilder(text.Length + 1);
        var origin = new List<int>(text.Length + 1);
        folded.Append(' ');
        origin.Add(0);
        for (var i = 0; i < text.Length; i++)
        {
            // A surrogate half alone cannot be normalised; FoldForSearch reads one as a separator too.
            var piece = char.IsSurrogate(text[i]) ? string.Empty : FoldForSearch(text[i].ToString());
            if (piece.Length == 0)
            {
                // A combining mark belongs to the letter before it; a separator ends a word.
                if (!char.IsSurrogate(text[i]) && CharUnicodeInfo.GetUnicodeCategory(text[i]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
                {
                    continue;
                }

                if (folded[^1] != ' ')
                {
                    folded.Append(' ');
                    origin.Add(i);
                }

                continue;
            }

            foreach (var c in piece)
            {
                folded.Append(c);
                origin.Add(i);
            }
        }

        var haystack = folded.ToString();
        var ranges = new List<(int Start, int End)>();
        foreach (var term in foldedTerms.Where(t => t.Length > 0))
        {
            var needle = " " + term;
            for (var at = haystack.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(needle, at + 1, StringComparison.Ordinal))
            {
                var first = at + 1;
                var last = at + needle.Length - 1;
                // The match ends where its last (possibly partial) word ends in the text: highlight whole words.
                while (last + 1 < haystack.Length && haystack[last + 1] != ' ')
                {
                    last++;
                }

                var start = origin[first];
                var end = origin[last] + 1;
                // Combining marks after the last letter belong to it.
                while (end < text.Length && CharUnicodeInfo.GetUnicodeCategory(text[end]) is UnicodeCategory.NonSpacingMark)
                {
                    end++;
                }

                ranges.Add((start, end));
            }
        }

        var merged = new List<(int Start, int Length)>();
        foreach (var (start, end) in ranges.OrderBy(r => r.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].Start + merged[^1].Length)
            {
                var previous = merged[^1];
                merged[^1] = (previous.Start, Math.Max(previous.Start + previous.Length, end) - previous.Start);
            }
            else
            {
                merged.Add((start, end - start));
            }
        }

        return merged;
    }
}
