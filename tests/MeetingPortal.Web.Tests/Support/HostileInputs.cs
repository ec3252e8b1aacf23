using System.Globalization;
using System.Text;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;

namespace MeetingPortal.Web.Tests.Support;

/// <summary>What a hostile or careless user types into a box or a query string (issue 14, item 5).</summary>
public static class HostileInputs
{
    /// <summary>The first year and first day a record may carry: the first values the portal's own rules let through.</summary>
    private static readonly string FirstYear = RecordDates.FirstMeetingYear.ToString(CultureInfo.InvariantCulture);

    private static readonly string FirstDay = FirstYear + "-01-01";

    /// <summary>Ten thousand characters of Vietnamese: past every length a field allows, under the form reader's limits.</summary>
    public static readonly string LongText = string.Concat(Enumerable.Repeat("Tiếng Việt rất dài ", 600))[..10_000];

    /// <summary>
    /// Empty and blank; the smallest and largest numbers, dates and years the types allow and one past them; the first
    /// and last year the portal's rules allow (1945, where the summary that answered 500 began, and 2200); numbers no type
    /// holds; impossible dates; non-ASCII, control and direction characters; very long text; markup, SQL and paths;
    /// words a binder might take for something else.
    /// </summary>
    public static IReadOnlyList<string> Values { get; } =
    [
        "", " ", "\t\n", "0", "-1", "-2147483649", "2147483648", "99999999999999999999", "1e309", "NaN",
        "0001-01-01", "9999-12-31", "1", "9999", "10000", FirstYear, FirstDay, ReviewPeriod.LastYear.ToString(CultureInfo.InvariantCulture), "-0", "2022-02-30", "abc", "ü Tiếng Việt ᴀ 𝔘 😀",
        "\u0000\u0001\u000b\u001f", "\u202e", LongText, "<script>", "' OR 1=1 --", "../../etc/passwd", "%00", "true", "null",
    ];

    /// <summary>
    /// The sharpest values: the numbers, dates and years at and past the edges of their types, long text and control
    /// characters. Sent to one form field at a time while the others keep what the page drew (so the form gets past its
    /// other checks), and to the filters a named handler (an export) shares with its page.
    /// </summary>
    public static IReadOnlyList<string> PerField { get; } =
        ["", "-1", "2147483648", "0001-01-01", "9999-12-31", "1", "10000", FirstYear, FirstDay, LongText, "\u0000\u0001\u000b\u001f"];

    /// <summary>A value as a failure report shows it: control characters escaped, long text cut.</summary>
    public static string Label(string value)
    {
        var text = new StringBuilder();
        foreach (var c in value.Length > 24 ? value[..24] : value)
        {
            text.Append(char.IsControl(c) || c is '\u202e' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return value.Length > 24 ? string.Create(CultureInfo.InvariantCulture, $"\"{text}…\" ({value.Length} chars)") : $"\"{text}\"";
    }

    /// <summary>Request bodies a form reader cannot read (issue 14: a cut-off multipart post answered 500).</summary>
    public static readonly IReadOnlyList<(string ContentType, string Body)> UnreadableBodies =
    [
        ("multipart/form-data; boundary=XYZ", "--XYZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n"),
        ("multipart/form-data; boundary=XYZ", "--XYZ\r\nnot a header line\r\n\r\n"),
        ("application/x-www-form-urlencoded", "a=%00"),
    ];
}
