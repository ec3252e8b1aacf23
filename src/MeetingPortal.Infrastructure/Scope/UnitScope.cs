using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Domain.Units;
using MeetingPortal.Infrastructure.Identity;

namespace MeetingPortal.Infrastructure.Scope;

/// <summary>
/// A user's scope: their unit and everything below it, as a materialised-path prefix. Queries use a
/// range on the indexed path ([path, path with its last '/' raised to '0')) instead of LIKE, so
/// both SQLite and SQL Server seek the index rather than scan it.
/// </summary>
public readonly record struct UnitScope(int UnitId, string Path)
{
    public string UpperBound => Path[..^1] + "0";

    public bool Covers(string unitPath) => Unit.IsInScope(unitPath, Path);
}

// EF Core translates only the two-argument string.Compare into SQL comparisons; paths are ASCII.
#pragma warning disable CA1309
public static class ScopeQueries
{
    /// <summary>Units that take new records: a merged unit keeps its id and frozen reports, nothing more.</summary>
    public static IQueryable<Unit> TakingRecords(this IQueryable<Unit> units) => units.Where(u => u.MergedIntoId == null && u.RetiredOn == null);

    public static IQueryable<Unit> InScope(this IQueryable<Unit> units, UnitScope scope)
    {
        var (lower, upper) = (scope.Path, scope.UpperBound);
        return units.Where(u => string.Compare(u.Path, lower) >= 0 && string.Compare(u.Path, upper) < 0);
    }

    /// <summary>A recommendation belongs to the unit of the meeting that raised it.</summary>
    public static IQueryable<Recommendation> InScope(this IQueryable<Recommendation> recommendations, UnitScope scope)
    {
        var (lower, upper) = (scope.Path, scope.UpperBound);
        return recommendations.Where(r => string.Compare(r.Meeting!.Unit!.Path, lower) >= 0 && string.Compare(r.Meeting.Unit.Path, upper) < 0);
    }

    public static IQueryable<Meeting> InScope(this IQueryable<Meeting> meetings, UnitScope scope)
    {
        var (lower, upper) = (scope.Path, scope.UpperBound);
        return meetings.Where(m => string.Compare(m.Unit!.Path, lower) >= 0 && string.Compare(m.Unit.Path, upper) < 0);
    }

    public static IQueryable<Organisation> InScope(this IQueryable<Organisation> organisations, UnitScope scope)
    {
        var (lower, upper) = (scope.Path, scope.UpperBound);
        return organisations.Where(o => string.Compare(o.Unit!.Path, lower) >= 0 && string.Compare(o.Unit.Path, upper) < 0);
    }

    /// <summary>An entry of a dialogue plan belongs to its unit's plan (issue 18).</summary>
    public static IQueryable<Domain.Plans.PlannedDialogue> InScope(this IQueryable<Domain.Plans.PlannedDialogue> entries, UnitScope scope)
    {
        var (lower, upper) = (scope.Path, scope.UpperBound);
        return entries.Where(p => string.Compare(p.Unit!.Path, lower) >= 0 && string.Compare(p.Unit.Path, upper) < 0);
    }

    /// <summary>A group of bodies belongs to its unit (ADR 0020).</summary>
    public static IQueryable<BodyGroup> InScope(this IQueryable<BodyGroup> groups, UnitScope scope)
    {
        var (lower, upper) = (scope.Path, scope.UpperBound);
        return groups.Where(g => string.Compare(g.Unit!.Path, lower) >= 0 && string.Compare(g.Unit.Path, upper) < 0);
    }

    /// <summary>
    /// The answer templates a user reads (ADR 0025 section 4): those of the units in scope and those of the units above
    /// theirs, which their unit inherits.
    /// </summary>
    public static IQueryable<AnswerTemplate> Readable(this IQueryable<AnswerTemplate> templates, UnitScope scope)
    {
        var (lower, upper) = (scope.Path, scope.UpperBound);
        var above = Unit.IdsOf(scope.Path);
        return templates.Where(t => above.Contains(t.UnitId) || (string.Compare(t.Unit!.Path, lower) >= 0 && string.Compare(t.Unit.Path, upper) < 0));
    }

    public static IQueryable<ApplicationUser> InScope(this IQueryable<ApplicationUser> users, UnitScope scope)
    {
        var (lower, upper) = (scope.Path, scope.UpperBound);
        return users.Where(u => string.Compare(u.Unit!.Path, lower) >= 0 && string.Compare(u.Unit.Path, upper) < 0);
    }
}
#pragma warning restore CA1309
