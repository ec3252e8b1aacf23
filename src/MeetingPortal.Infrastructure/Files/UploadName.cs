using System.Globalization;
using System.Text;
using MeetingPortal.Domain.Common;

namespace MeetingPortal.Infrastructure.Files;

/// <summary>
/// The name a user's computer gave an uploaded file, kept whole for display and download and made safe (issue 14,
/// item 7: "Biên bản họp ngày 1/2.pdf" was stored as "2.pdf", cut at the slash as if it were a path). The name is
/// never a path: files are stored under generated keys (<see cref="AttachmentStore.SaveAsync"/>), and the name
/// only ever appears in pages, reports and the Content-Disposition of a download (UTF-8, filename*).
/// </summary>
public static class UploadName
{
    /// <summary>What a slash or backslash becomes: U+FF0F FULLWIDTH SOLIDUS, which reads as "1/2" but is no separator anywhere.</summary>
    public const char SeparatorReplacement = '\uFF0F';

    /// <summary>The name used when nothing of the given one is left.</summary>
    public const string Fallback = "tep-dinh-kem";

    private static readonly HashSet<string> WindowsDeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>
    /// The whole of <paramref name="given"/> made safe, at most <paramref name="maxLength"/> UTF-16 units: composed
    /// (NFC); control and invisible formatting characters (bidirectional overrides, zero-width marks) dropped; every
    /// kind of space a plain space, runs of them one; / and \ become <see cref="SeparatorReplacement"/>; the other
    /// characters Windows refuses in a name (&lt; &gt; : " | ? *) become _; dots, spaces, _ and separators trimmed at
    /// both ends (no hidden file, nothing Windows would drop); a Windows device name (CON, LPT1...) gets a trailing _.
    /// <see cref="Fallback"/> when nothing is left.
    /// </summary>
    public static string Clean(string? given, int maxLength)
    {
        var name = Trim(Truncate(Safe(given), maxLength));
        return name.Length == 0 ? Fallback : Truncate(NotADevice(name), maxLength);
    }

    /// <summary>
    /// <paramref name="given"/> made safe as <see cref="Clean"/> does, with its own extension (a last ".xxx" of at most
    /// five letters or digits, one a letter) replaced by <paramref name="extension"/> (".pdf"), the whole at most
    /// <paramref name="maxLength"/> UTF-16 units. A number after the last dot ("Quyết định 12.2024") is kept.
    /// </summary>
    public static string WithExtension(string? given, string extension, int maxLength)
    {
        var name = Safe(given);
        var dot = name.LastIndexOf('.');
        if (dot >= 0 && name.Length - dot - 1 is >= 1 and <= 5
            && name[(dot + 1)..].All(char.IsAsciiLetterOrDigit) && name[(dot + 1)..].Any(char.IsAsciiLetter))
        {
            name = name[..dot];
        }

        var stem = Trim(Truncate(name, maxLength - extension.Length));
        return (stem.Length == 0 ? Fallback : Truncate(NotADevice(stem), maxLength - extension.Length)) + extension;
    }

    /// <summary>Every character mapped or dropped as <see cref="Clean"/> says; nothing trimmed or cut yet.</summary>
    private static string Safe(string? given)
    {
        var builder = new StringBuilder();
        foreach (var rune in (TextNormalizer.ForStorage(given) ?? string.Empty).EnumerateRunes())
        {
            var c = rune.Value;
            if (c is '/' or '\\')
            {
                builder.Append(SeparatorReplacement);
            }
            else if (c is '<' or '>' or ':' or '"' or '|' or '?' or '*')
            {
                builder.Append('_');
            }
            else if (Rune.IsWhiteSpace(rune))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>"CON.pdf" saved on Windows would name the console: the part before the first dot gets a trailing _.</summary>
    private static string NotADevice(string name)
    {
        var firstDot = name.IndexOf('.', StringComparison.Ordinal);
        var device = (firstDot < 0 ? name : name[..firstDot]).TrimEnd();
        return WindowsDeviceNames.Contains(device) ? device + "_" + name[(firstDot < 0 ? name.Length : firstDot)..] : name;
    }

    private static string Trim(string name) => name.Trim(' ', '.', '_', SeparatorReplacement);

    /// <summary>At most <paramref name="maxLength"/> UTF-16 units, cut between whole characters (a letter and its marks, a surrogate pair).</summary>
    private static string Truncate(string name, int maxLength)
    {
        if (name.Length <= maxLength)
        {
            return name;
        }

        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(name);
        while (elements.MoveNext() && elements.ElementIndex + elements.GetTextElement().Length <= maxLength)
        {
            end = elements.ElementIndex + elements.GetTextElement().Length;
        }

        return name[..end];
    }
}
