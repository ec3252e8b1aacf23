namespace MeetingPortal.Domain.Recommendations;

/// <summary>What a recommendation is about: allowances, operating budget, equipment...</summary>
public class Theme
{
    public const int NameMaxLength = 200;
    public const int CodeMaxLength = 100;

    public Theme(string code, string name)
    {
        Code = code;
        Name = name;
    }

    /// <summary>
    /// Whether <paramref name="code"/> can be a theme's key: lower-case letters and digits in words joined by
    /// single hyphens ("operating-budget"), at most <see cref="CodeMaxLength"/> characters, so it travels
    /// unchanged between installations in the interchange format.
    /// </summary>
    public static bool IsValidCode(string? code) =>
        code is { Length: > 0 and <= CodeMaxLength } && System.Text.RegularExpressions.Regex.IsMatch(code, "^[a-z0-9]+(-[a-z0-9]+)*$");

    public int Id { get; private set; }

    /// <summary>A stable key for the interchange format, e.g. "operating-budget".</summary>
    public string Code { get; private set; }

    public string Name { get; set; }
}
