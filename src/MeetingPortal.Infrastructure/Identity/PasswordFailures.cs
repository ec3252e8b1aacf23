namespace MeetingPortal.Infrastructure.Identity;

/// <summary>
/// Wrong passwords counted for one pair of client and account name (or, for a password change, one account):
/// what <see cref="PasswordThrottle"/> decides the next attempt's wait from. The key is a hash, so the table
/// holds neither addresses nor names.
/// </summary>
public class PasswordFailures
{
    /// <summary>Length of <see cref="Key"/>: a SHA-256 hash written as hexadecimal.</summary>
    public const int KeyLength = 64;

    public PasswordFailures(string key, int count, DateTime lastAtUtc)
    {
        Key = key;
        Count = count;
        LastAtUtc = lastAtUtc;
    }

    /// <summary>The hash of what the failures are counted for (see <see cref="PasswordThrottle.KeyFor"/>).</summary>
    public string Key { get; private set; }

    /// <summary>Wrong passwords since the last success or since the count was forgotten.</summary>
    public int Count { get; private set; }

    /// <summary>When the last wrong password came (UTC).</summary>
    public DateTime LastAtUtc { get; private set; }
}
