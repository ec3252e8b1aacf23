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

    /// <summary>A typed value as it is stored: composed, without surrounding spaces, never null.</summary>
    public static string Clean(string? value) => ToNfc(value)?.Trim() ?? string.Empty;

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
