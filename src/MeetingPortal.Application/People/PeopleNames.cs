using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Application.People;

/// <summary>
/// The people behind stored user names, as histories, the audit log and frozen reports name them. Records keep the
/// user name of whoever acted (it never changes and survives a deactivated account); a person reads the account's
/// full name instead (issue 17, deliver 5: "thuky.kyphuong" and "system" were shown where a person's name belongs).
/// </summary>
public sealed class PeopleNames(MeetingPortalDbContext db, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The user name that start-up work (seeding, demo data, data migrations) is recorded under.</summary>
    public const string SystemUserName = "system";

    /// <summary>
    /// Reads the full names of <paramref name="userNames"/> in one query. A user name with no account here (a record
    /// imported from another portal) is named as stored; "system" reads as <c>People.System</c>.
    /// </summary>
    public async Task<PeopleDirectory> ForAsync(IEnumerable<string?> userNames, CancellationToken cancellationToken = default)
    {
        var wanted = userNames.OfType<string>().Where(n => n.Length > 0 && n != SystemUserName).Distinct(StringComparer.Ordinal).ToList();
        var names = wanted.Count == 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : await db.Users.AsNoTracking()
                .Where(u => u.UserName != null && wanted.Contains(u.UserName))
                .Select(u => new { u.UserName, u.FullName })
                .ToDictionaryAsync(u => u.UserName!, u => u.FullName, StringComparer.Ordinal, cancellationToken);
        return new PeopleDirectory(names, localizer["People.System"], localizer["People.Unknown"]);
    }
}

/// <summary>Full names by user name, read once for a page by <see cref="PeopleNames.ForAsync"/>.</summary>
public sealed class PeopleDirectory(IReadOnlyDictionary<string, string> fullNames, string system, string unknown)
{
    /// <summary>A directory that knows nobody: every name is shown as stored (a page model before it loads).</summary>
    public static PeopleDirectory Empty { get; } = new(new Dictionary<string, string>(), PeopleNames.SystemUserName, string.Empty);

    /// <summary>
    /// The person a stored <paramref name="userName"/> names: the account's full name (the user name when the account
    /// has none), "Hệ thống" for start-up work, the stored text for an account not on this portal, and "Không rõ" for
    /// none at all.
    /// </summary>
    public string Of(string? userName) => userName switch
    {
        null or "" => unknown,
        PeopleNames.SystemUserName => system,
        _ when fullNames.TryGetValue(userName, out var fullName) => string.IsNullOrWhiteSpace(fullName) ? userName : fullName,
        _ => userName,
    };
}
