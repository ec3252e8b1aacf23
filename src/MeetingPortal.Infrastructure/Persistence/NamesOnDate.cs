using MeetingPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Persistence;

/// <summary>
/// The names units and organisations had on a Vietnam day, read from their namings by the one rule of
/// <see cref="DatedSpan.On{T}"/> (ADR 0018): a record prints the names of its date (a meeting's <c>HeldOn</c>), lists
/// and pickers print today's (<c>Name</c>). An id without namings is left out; the caller keeps today's name for it.
/// </summary>
public static class NamesOnDate
{
    /// <summary>The name of each of <paramref name="unitIds"/> on Vietnam day <paramref name="day"/>, by unit id.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> UnitsAsync(MeetingPortalDbContext db, IEnumerable<int> unitIds, DateOnly day, CancellationToken cancellationToken)
    {
        var ids = unitIds.Distinct().ToList();
        var spans = await db.UnitNamings.AsNoTracking().Where(n => ids.Contains(n.UnitId)).ToListAsync(cancellationToken);
        return spans.GroupBy(n => n.UnitId).ToDictionary(g => g.Key, g => DatedSpan.On(g, day)!.Name);
    }

    /// <summary>The name of each of <paramref name="organisationIds"/> on Vietnam day <paramref name="day"/>, by organisation id.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> OrganisationsAsync(MeetingPortalDbContext db, IEnumerable<int> organisationIds, DateOnly day, CancellationToken cancellationToken)
    {
        var ids = organisationIds.Distinct().ToList();
        var spans = await db.OrganisationNamings.AsNoTracking().Where(n => ids.Contains(n.OrganisationId)).ToListAsync(cancellationToken);
        return spans.GroupBy(n => n.OrganisationId).ToDictionary(g => g.Key, g => DatedSpan.On(g, day)!.Name);
    }

    /// <summary>The name in <paramref name="names"/> for <paramref name="id"/>, else <paramref name="today"/> (no namings, or no id).</summary>
    public static string? Or(this IReadOnlyDictionary<int, string> names, int? id, string? today) =>
        id is { } key && names.TryGetValue(key, out var then) ? then : today;
}
