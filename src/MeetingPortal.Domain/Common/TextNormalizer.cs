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

    /// <summary>
    /// Folds text for diacritic- and case-insensitive search: "Hà Tĩnh" and "ha tinh" fold alike,
    /// and đ/Đ fold to d, which Unicode decomposition alone does not do.
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
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsWhiteSpace(folded) || char.IsControl(folded) || folded is '\u200B' or '\u200C' or '\u200D' or '\uFEFF')
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
