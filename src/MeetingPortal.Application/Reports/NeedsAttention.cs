namespace MeetingPortal.Application.Reports;

/// <summary>
/// What a leader should look at first in a summary (issue 15, deliver 8): overdue items by unit below, units below
/// with no published meeting in the period, and the addressed bodies with the lowest on-time share among those ranked.
/// Drawn from the summary's own figures, so it cannot disagree with them.
/// </summary>
/// <param name="Overdue">Overdue recommendations in the whole subtree (as of the day counted).</param>
/// <param name="OverdueByUnit">Child units with overdue items, most first.</param>
/// <param name="WithoutMeeting">Child units with no published meeting in the period.</param>
/// <param name="LowestOnTime">Ranked bodies with the lowest on-time share, lowest first (at most <see cref="Shown"/>).</param>
public sealed record NeedsAttention(int Overdue, IReadOnlyList<ChildFigures> OverdueByUnit, IReadOnlyList<ChildFigures> WithoutMeeting, IReadOnlyList<Scorecard> LowestOnTime)
{
    /// <summary>How many bodies of the lowest on-time share are named.</summary>
    public const int Shown = 3;

    /// <summary>Whether there is anything to show.</summary>
    public bool IsEmpty => Overdue == 0 && OverdueByUnit.Count == 0 && WithoutMeeting.Count == 0 && LowestOnTime.Count == 0;

    /// <summary>From a summary's figures; a body whose every due item was answered on time is not "lowest".</summary>
    public static NeedsAttention From(SummaryFigures figures) => new(
        figures.Overdue,
        figures.Children.Where(c => c.Overdue > 0).OrderByDescending(c => c.Overdue).ThenBy(c => c.Name, StringComparer.Ordinal).ToList(),
        figures.Children.Where(c => c.Meetings == 0).ToList(),
        figures.Ranked.Where(s => s.OnTimeShare < 1).OrderBy(s => s.OnTimeShare).ThenBy(s => s.Body, StringComparer.Ordinal).Take(Shown).ToList());
}
