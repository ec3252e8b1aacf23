using System.Security.Cryptography;
using System.Text;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Identity;

/// <summary>
/// Slows password guessing without letting anyone lock an account (issue 14, ASVS 2.2.1): wrong passwords are
/// counted per client address and account name, and after <see cref="FreeFailures"/> of them that client must
/// wait before its next try for that name, twice as long after each further failure, up to <see cref="LongestWait"/>.
/// Another client (the account's owner at their desk) is not slowed, and a name that does not exist is counted
/// exactly like one that does, so the answer tells nothing about which names exist. The counts are in the
/// database, shared by every server (decisions/0008).
/// </summary>
public sealed class PasswordThrottle(MeetingPortalDbContext db, TimeProvider timeProvider)
{
    /// <summary>Wrong passwords allowed without any wait (typing mistakes).</summary>
    public const int FreeFailures = 3;

    /// <summary>The longest wait between two tries (15 minutes): at most about a hundred tries a day per client and name.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    /// <summary>How long failures are remembered after the last one: a day later a client starts again from zero.</summary>
    public static readonly TimeSpan RememberedFor = TimeSpan.FromDays(1);

    /// <summary>
    /// The wait a client owes after <paramref name="failures"/> wrong passwords: none up to <see cref="FreeFailures"/>,
    /// then 2, 4, 8 … seconds (2^(failures − FreeFailures + 1)), never more than <see cref="LongestWait"/>.
    /// </summary>
    public static TimeSpan WaitAfter(int failures)
    {
        if (failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var exponent = Math.Min(failures - FreeFailures + 1, 20);
        var seconds = Math.Min(Math.Pow(2, exponent), LongestWait.TotalSeconds);
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>
    /// The stored key for a purpose ("sign-in", "change-password"), a client (an address; empty when any client counts)
    /// and an account name or id, compared without regard to case and surrounding spaces.
    /// </summary>
    public static string KeyFor(string purpose, string client, string account)
    {
        var text = string.Join('\n', purpose, client, account.Trim().ToUpperInvariant());
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>How long the client behind <paramref name="key"/> must still wait before a try is checked; zero when it may try now.</summary>
    public async Task<TimeSpan> RemainingWaitAsync(string key, CancellationToken cancellationToken)
    {
        var row = await db.PasswordFailures.AsNoTracking().Where(f => f.Key == key)
            .Select(f => new { f.Count, f.LastAtUtc }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return TimeSpan.Zero;
        }

        var remaining = row.LastAtUtc + WaitAfter(row.Count) - timeProvider.GetUtcNow().UtcDateTime;
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    /// <summary>Counts one wrong password for <paramref name="key"/>; returns the count now (an old count, past <see cref="RememberedFor"/>, starts again).</summary>
    public async Task<int> RecordFailureAsync(string key, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var forgottenBefore = now - RememberedFor;
        for (var attempt = 0; ; attempt++)
        {
            // One statement, so two wrong passwords at the same instant on two servers both count.
            var updated = await db.PasswordFailures.Where(f => f.Key == key)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(f => f.Count, f => f.LastAtUtc < forgottenBefore ? 1 : f.Count + 1)
                    .SetProperty(f => f.LastAtUtc, now), cancellationToken);
            if (updated > 0)
            {
                return await db.PasswordFailures.AsNoTracking().Where(f => f.Key == key).Select(f => f.Count).SingleAsync(cancellationToken);
            }

            var row = db.PasswordFailures.Add(new PasswordFailures(key, 1, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return 1;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another request inserted the first failure meanwhile: count this one on its row.
            }
            finally
            {
                row.State = EntityState.Detached;
            }
        }
    }

    /// <summary>Forgets the failures of <paramref name="key"/> (the right password was given).</summary>
    public Task ForgetAsync(string key, CancellationToken cancellationToken) =>
        db.PasswordFailures.Where(f => f.Key == key).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Deletes counts whose last failure is older than <see cref="RememberedFor"/> (housekeeping); returns how many.</summary>
    public Task<int> ForgetExpiredAsync(CancellationToken cancellationToken)
    {
        var before = timeProvider.GetUtcNow().UtcDateTime - RememberedFor;
        return db.PasswordFailures.Where(f => f.LastAtUtc < before).ExecuteDeleteAsync(cancellationToken);
    }
}
