using MeetingPortal.Domain.Meetings;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Application.Results;

/// <summary>
/// A dialogue's results as the public sees them (ADR 0025 section 5): the meeting's title, type, day and unit, and only
/// the items the unit marked public, each with its content, addressed body, latest answer (its body, never a person),
/// state and roadmap. Nothing that names a person, nothing of the raising side.
/// </summary>
/// <param name="Title">The meeting's title.</param>
/// <param name="Type">The meeting's type.</param>
/// <param name="HeldOn">The day it was held (Vietnam date).</param>
/// <param name="UnitName">The unit that held it, named as today.</param>
/// <param name="Items">The items marked public, in the record's order and with its numbers.</param>
/// <param name="Today">The day it was read (Vietnam date).</param>
public sealed record PublicResultsView(string Title, MeetingType Type, DateOnly HeldOn, string UnitName, IReadOnlyList<ResultItem> Items, DateOnly Today);

/// <summary>One dialogue a unit has made public: its public id (for /Public/Results/{id}), title, day and how many items are shown.</summary>
public sealed record PublishedResults(string PublicId, string Title, DateOnly HeldOn, string UnitName, int ItemCount);

/// <summary>
/// The anonymous reads of public results: one page by its public id, and the list a unit has published. Each shows a
/// meeting only while <see cref="PublicResults.IsShown"/> (published by the unit, the meeting published); otherwise it
/// is as unknown. Projected and untracked.
/// </summary>
public sealed class PublicResultsQuery(MeetingPortalDbContext db, CalendarService calendar)
{
    /// <summary>
    /// The public page of <paramref name="publicId"/>, or null (the page answers 404) when no page has that id, it is
    /// taken down, or its meeting is not published. An id not of the shape <see cref="PublicResults.NewPublicId"/> makes
    /// is not looked up.
    /// </summary>
    public async Task<PublicResultsView?> FindAsync(string? publicId, CancellationToken cancellationToken)
    {
        if (publicId is null || publicId.Length != PublicResults.PublicIdLength || !publicId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        var shown = db.PublicResults.Where(PublicResults.IsShown).Where(p => p.PublicId == publicId).Select(p => p.MeetingId);
        var notice = await ResultsNoticeQuery.ReadAsync(db, db.Meetings.Where(m => shown.Contains(m.Id)), onlyPublic: true, calendar.Today, cancellationToken);
        return notice is null ? null : new PublicResultsView(notice.Title, notice.Type, notice.HeldOn, notice.UnitName, [.. notice.Items.OrderBy(i => i.Number)], notice.Today);
    }

    /// <summary>
    /// The dialogues of unit <paramref name="unitId"/> (its own meetings, not those of units below) whose results it
    /// shows to the public now, the latest first: what the raising side sees its unit published.
    /// </summary>
    public async Task<IReadOnlyList<PublishedResults>> OfUnitAsync(int unitId, CancellationToken cancellationToken) =>
        await db.PublicResults.AsNoTracking().Where(PublicResults.IsShown).Where(p => p.Meeting!.UnitId == unitId)
            .OrderByDescending(p => p.Meeting!.HeldOn).ThenByDescending(p => p.MeetingId)
            .Select(p => new PublishedResults(p.PublicId, p.Meeting!.Title, p.Meeting.HeldOn, p.Meeting.Unit!.Name, p.Items.Count))
            .ToListAsync(cancellationToken);
}
