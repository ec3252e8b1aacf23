using MeetingPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Persistence;

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

    /// <summary>The meetings whose text holds every folded term, as the start of a query that filters and orders them further.</summary>
    public static IQueryable<Meeting> Matching(MeetingPortalDbContext db, IReadOnlyList<string> foldedTerms)
    {
        if (foldedTerms.Count == 0)
        {
            return db.Meetings;
        }

        if (db.Database.IsSqlite())
        {
            // The match is the query's source, not a filter composed on later: EF Core turns a composed
            // "Contains" into a correlated EXISTS that ran the full-text query once per meeting (3 s at
            // province scale); as the source SQLite reads the matching ids once. The unary + keeps the
            // planner walking the user's scope and testing each meeting against those ids: driven from
            // the ids instead, a common word in a province of the country data set took 47 ms, not 8.
            // Folded terms hold only letters, digits and single spaces, so quoting cannot be broken out of.
            var match = string.Join(' ', foldedTerms.Select(t => $"\"{t}\"*"));
            return db.Meetings.FromSqlRaw(
                $"SELECT * FROM \"Meetings\" WHERE +\"Id\" IN (SELECT rowid FROM \"{IndexTable}\" WHERE \"{IndexTable}\" MATCH {{0}})", match);
        }

        IQueryable<Meeting> meetings = db.Meetings;
        foreach (var term in foldedTerms)
        {
            var wordStart = " " + term;
            meetings = meetings.Where(m => m.Search.Text.Contains(wordStart));
        }

        return meetings;
    }
}
