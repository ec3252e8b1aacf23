using System.Text.RegularExpressions;

namespace MeetingPortal.Domain.Common;

/// <summary>
/// The keys that name units and themes in the interchange format ("p-ky-phuong", "operating-budget"): lower-case
/// ASCII letters and digits in words joined by single hyphens, so a key travels unchanged between installations
/// and reads the same in a URL, a file and a spreadsheet.
/// </summary>
public static partial class StableKey
{
    /// <summary>Whether <paramref name="key"/> is such a key of at most <paramref name="maxLength"/> characters.</summary>
    public static bool IsValid(string? key, int maxLength) =>
        key is { Length: > 0 } && key.Length <= maxLength && Pattern().IsMatch(key);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
