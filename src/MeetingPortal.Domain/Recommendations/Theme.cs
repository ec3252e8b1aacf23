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

    /// <summary>Whether <paramref name="code"/> can be a theme's key: a <see cref="Common.StableKey"/> of at most <see cref="CodeMaxLength"/> characters.</summary>
    public static bool IsValidCode(string? code) => Common.StableKey.IsValid(code, CodeMaxLength);

    public int Id { get; private set; }

    /// <summary>A stable key for the interchange format, e.g. "operating-budget".</summary>
    public string Code { get; private set; }

    public string Name { get; set; }
}
