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
            var match = MatchExpression(foldedTerms);
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

    /// <summary>The FTS5 query for the folded terms: each a quoted phrase whose last word may be a prefix, all required.</summary>
    private static string MatchExpression(IReadOnlyList<string> foldedTerms) => string.Join(' ', foldedTerms.Select(t => $"\"{t}\"*"));

    /// <summary>
    /// The meetings of <paramref name="query"/> (already filtered by the terms) best match first, newest first among
    /// equals. On SQLite the records holding all the terms side by side as typed come first, then by FTS5's rank, its bm25 score: how often the terms stand in a record against how common they
    /// are in all records and how long the record is. SQL Server has no full-text index here (ADR 0006); there the
    /// record where the first term stands earliest in its text comes first, since the text starts with the title and
    /// the summary, so a meeting named after what was searched leads.
    /// </summary>
    public static IQueryable<Meeting> Ranked(MeetingPortalDbContext db, IQueryable<Meeting> query, IReadOnlyList<string> foldedTerms)
    {
        if (foldedTerms.Count == 0)
        {
            return query.OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id);
        }

        if (db.Database.IsSqlite())
        {
            // Records holding the words as typed, side by side ("ha tinh": "Hà Tĩnh", not "hai" here and "tỉnh" there),
            // come first, then bm25 orders each part. Both matches run once, as table-valued FTS5 queries.
            var ranks = db.Database.SqlQueryRaw<MeetingRank>(RankSql, MatchExpression(foldedTerms), $"\"{string.Join(' ', foldedTerms)}\"*");
            return query.Join(ranks, m => m.Id, r => r.Id, (m, r) => new { Meeting = m, r.Rank })
                .OrderBy(x => x.Rank).ThenByDescending(x => x.Meeting.HeldOn).ThenByDescending(x => x.Meeting.Id)
                .Select(x => x.Meeting);
        }

        var first = " " + foldedTerms[0];
        return query.OrderBy(m => m.Search.Text.IndexOf(first)).ThenByDescending(m => m.HeldOn).ThenByDescending(m => m.Id);
    }

    /// <summary>
    /// Each matching meeting's rank for {0}, all the terms, with 1,000,000 (more than any bm25 score) taken off for those
    /// that also match {1}, the terms side by side as one phrase. Parameters only: nothing typed is in the SQL text.
    /// </summary>
    private const string RankSql =
        "SELECT i.rowid AS \"Id\", i.rank - CASE WHEN i.rowid IN (SELECT rowid FROM \"" + IndexTable + "\"({1})) THEN 1000000 ELSE 0 END AS \"Rank\" "
        + "FROM \"" + IndexTable + "\"({0}) AS i";

    /// <summary>One meeting's FTS5 rank (lower is better: bm25 negated).</summary>
    public sealed class MeetingRank
    {
        /// <summary>The meeting's id (the index's rowid).</summary>
        public int Id { get; init; }

        /// <summary>FTS5's rank: bm25 negated, so ascending order is best first.</summary>
        public double Rank { get; init; }
    }
}
