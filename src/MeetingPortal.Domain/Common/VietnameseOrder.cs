using System.Globalization;

namespace MeetingPortal.Domain.Common;

/// <summary>
/// The one order for names shown in lists: Vietnamese alphabetical order (a ă â b c d đ e ê …, tones after the bare
/// letter), as ICU's "vi-VN" collation defines it, instead of code-point order that puts "Đ" (U+0110) after "T".
/// Composed and decomposed forms of a name compare equal. See ADR 0021.
/// </summary>
public static class VietnameseOrder
{
    /// <summary>The culture whose collation orders names; ICU must be present (InvariantGlobalization is off).</summary>
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Compares names in Vietnamese order, case-sensitive only as a final tie-break (lower before upper).</summary>
    public static readonly StringComparer Names = StringComparer.Create(Culture, ignoreCase: false);

    /// <summary>The items sorted by <paramref name="name"/> in Vietnamese order; stable, so equal names keep their order.</summary>
    public static List<T> ByName<T>(this IEnumerable<T> items, Func<T, string?> name) =>
        items.OrderBy(i => name(i) ?? string.Empty, Names).ToList();
}
