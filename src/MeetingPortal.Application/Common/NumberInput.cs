using System.Globalization;

namespace MeetingPortal.Application.Common;

/// <summary>
/// A number as people type it in a Vietnamese form: digits with at most one decimal separator, a comma (the
/// Vietnamese one) or a point, since both are typed ("92,5", "92.5"). Thousands separators are refused rather than
/// guessed: "1.000" could be one thousand or one.
/// </summary>
public static class NumberInput
{
    /// <summary>Reads <paramref name="text"/>: true with null for a blank field, true with the value for a number, else false.</summary>
    public static bool TryParse(string? text, out double? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        var separators = trimmed.Count(c => c is ',' or '.');
        if (separators > 1 || trimmed.Any(c => !char.IsAsciiDigit(c) && c is not (',' or '.' or '-')) || trimmed.LastIndexOf('-') > 0)
        {
            return false;
        }

        if (!double.TryParse(trimmed.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return false;
        }

        value = number;
        return true;
    }
}
