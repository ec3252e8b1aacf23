namespace MeetingPortal.Domain.Calendar;

/// <summary>
/// How many working days a body has to answer: for a theme, for an addressed level, or both.
/// The most specific rule wins; a rule with neither is the default.
/// </summary>
public class DueDateRule
{
    public DueDateRule(int? themeId, int? levelRank, int workingDays)
    {
        ThemeId = themeId;
        LevelRank = levelRank;
        WorkingDays = workingDays;
    }

    /// <summary>The shortest period a rule may give, in working days.</summary>
    public const int MinWorkingDays = 1;

    /// <summary>The longest period a rule may give, in working days (about a year and a half).</summary>
    public const int MaxWorkingDays = 365;

    /// <summary>Whether <paramref name="workingDays"/> is a period a rule may give.</summary>
    public static bool IsValidPeriod(int? workingDays) => workingDays is >= MinWorkingDays and <= MaxWorkingDays;

    public int Id { get; private set; }
    public int? ThemeId { get; set; }
    public int? LevelRank { get; set; }
    public int WorkingDays { get; set; }

    /// <summary>Theme and level beat theme alone, which beats level alone, which beats the default.</summary>
    public static int? WorkingDaysFor(IEnumerable<DueDateRule> rules, int? themeId, int? levelRank) =>
        rules
            .Where(r => (r.ThemeId is null || r.ThemeId == themeId) && (r.LevelRank is null || r.LevelRank == levelRank))
            .OrderByDescending(r => (r.ThemeId is null ? 0 : 2) + (r.LevelRank is null ? 0 : 1))
            .Select(r => (int?)r.WorkingDays)
            .FirstOrDefault();
}
