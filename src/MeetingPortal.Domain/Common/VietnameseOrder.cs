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

    /// <summary>
    /// The collation the database orders names by (ADR 0021): on SQL Server the real collation of that name (Vietnamese,
    /// case-insensitive, accent-sensitive); on SQLite the same name is registered on every connection and compares with
    /// <see cref="NamesIgnoringCase"/>. Queries write <c>EF.Functions.Collate(x.Name, VietnameseOrder.CollationName)</c>
    /// and break ties by id so that paging neither repeats nor loses rows.
    /// </summary>
    public const string CollationName = "Vietnamese_CI_AS";

    /// <summary>
    /// Vietnamese order ignoring case, as <see cref="CollationName"/> (<c>_CI_</c>) compares on SQL Server: "đảng" and
    /// "Đảng" are equal, "Đ" still comes after "D" and before "E", and tones still count (<c>_AS</c>).
    /// </summary>
    public static readonly StringComparer NamesIgnoringCase = StringComparer.Create(Culture, ignoreCase: true);

    /// <summary>The items sorted by <paramref name="name"/> in Vietnamese order; stable, so equal names keep their order.</summary>
    public static List<T> ByName<T>(this IEnumerable<T> items, Func<T, string?> name) =>
        items.OrderBy(i => name(i) ?? string.Empty, Names).ToList();
}
