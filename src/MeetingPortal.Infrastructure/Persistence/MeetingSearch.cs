using MeetingPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Persistence;

/// <summary>A meeting found by SQLite's full-text index; read only through <see cref="MeetingSearch"/>.</summary>
public sealed class MeetingSearchHit
{
    public int MeetingId { get; init; }
}

/// <summary>
/// Word-start search over each meeting's folded text (MeetingSearch.Text: lower case, no diacritics,
/// words separated by one space). Every term must start a word; a term of several words is a phrase
/// whose last word may be a prefix. On SQLite an FTS5 index kept by triggers answers it (45 ms of
/// scanning every text at province scale became a lookup); SQL Server scans the text as before.
/// </summary>
public static class MeetingSearch
{
    /// <summary>The FTS5 table over MeetingSearch, created by the SQLite migration "MeetingSearchIndex".</summary>
    public const string IndexTable = "MeetingSearchIndex";

    public static IQueryable<Meeting> Matching(this IQueryable<Meeting> meetings, MeetingPortalDbContext db, IReadOnlyList<string> foldedTerms)
    {
        if (foldedTerms.Count == 0)
        {
            return meetings;
        }

        if (db.Database.IsSqlite())
        {
            // Folded terms hold only letters, digits and single spaces, so quoting cannot be broken out of.
            var match = string.Join(' ', foldedTerms.Select(t => $"\"{t}\"*"));
            var hits = db.Set<MeetingSearchHit>()
                .FromSqlRaw($"SELECT rowid AS MeetingId FROM {IndexTable} WHERE {IndexTable} MATCH {{0}}", match)
                .Select(h => h.MeetingId);
            return meetings.Where(m => hits.Contains(m.Id));
        }

        foreach (var term in foldedTerms)
        {
            var wordStart = " " + term;
            meetings = meetings.Where(m => m.Search.Text.Contains(wordStart));
        }

        return meetings;
    }
}
