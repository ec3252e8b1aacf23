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
}
