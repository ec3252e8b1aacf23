using MeetingPortal.Domain.Common;

namespace MeetingPortal.Application.Reports;

/// <summary>
/// What a leader should look at first in a summary (issue 15, deliver 8): no published meeting at all in the period,
/// overdue items by unit below, units below with no published meeting in the period, and the addressed bodies with the
/// lowest on-time share among those ranked. Drawn from the summary's own figures, so it cannot disagree with them.
/// </summary>
/// <param name="NoMeeting">The unit and every unit below it held no published meeting in the period.</param>
/// <param name="HasChildren">The unit has units below it (else nothing is said of them).</param>
/// <param name="Overdue">Overdue recommendations in the whole subtree (as of the day counted).</param>
/// <param name="OverdueByUnit">Child units with overdue items, most first.</param>
/// <param name="WithoutMeeting">Child units with no published meeting in the period.</param>
/// <param name="LowestOnTime">Ranked bodies with the lowest on-time share, lowest first (at most <see cref="Shown"/>).</param>
/// <param name="OverdueOwn">Overdue items of meetings held by the unit itself, not by a unit below (the rest of <paramref name="Overdue"/>).</param>
/// <param name="OverdueFromEarlier">Items of earlier periods still overdue (<see cref="SummaryFigures.OverdueFromEarlier"/>).</param>
/// <param name="NotSentUp">Units directly below whose official report for the (ended, statutory) period has not been sent up (<see cref="ReportFromBelow.HasSent"/>).</param>
public sealed record NeedsAttention(
    bool NoMeeting, bool HasChildren, int Overdue, IReadOnlyList<ChildFigures> OverdueByUnit, IReadOnlyList<ChildFigures> WithoutMeeting, IReadOnlyList<Scorecard> LowestOnTime,
    IReadOnlyList<ReportFromBelow> NotSentUp, int OverdueOwn = 0, int OverdueFromEarlier = 0)
{
    /// <summary>How many bodies of the lowest on-time share are named.</summary>
    public const int Shown = 3;

    private static readonly StringComparer Vietnamese = VietnameseOrder.Names;

    /// <summary>Whether there is anything to show.</summary>
    public bool IsEmpty => !NoMeeting && Overdue == 0 && OverdueFromEarlier == 0 && WithoutMeeting.Count == 0 && LowestOnTime.Count == 0 && NotSentUp.Count == 0;

    /// <summary>
    /// From a summary's figures and the reports of the units below (<paramref name="fromBelow"/>, empty when the period
    /// is not a statutory one that has ended); a body whose every due item was answered on time is not "lowest".
    /// </summary>
    public static NeedsAttention From(SummaryFigures figures, IReadOnlyList<ReportFromBelow> fromBelow) => new(
        figures.Meetings == 0,
        figures.Children.Count > 0,
        figures.Overdue,
        figures.Children.Where(c => c.Overdue > 0).OrderByDescending(c => c.Overdue).ThenBy(c => c.Name, Vietnamese).ToList(),
        figures.Children.Where(c => c.Meetings == 0).ToList(),
        figures.Ranked.Where(s => s.OnTimeShare < 1).OrderBy(s => s.OnTimeShare).ThenBy(s => s.Body, Vietnamese).Take(Shown).ToList(),
        fromBelow.Where(r => !r.HasSent).ToList(),
        figures.Children.Count > 0 ? figures.Overdue - figures.Children.Sum(c => c.Overdue) : 0,
        figures.OverdueFromEarlier);
}
