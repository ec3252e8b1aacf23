namespace MeetingPortal.Infrastructure.Identity;

/// <summary>
/// One signed-in session, kept on the server: the browser's cookie holds only <see cref="Key"/>, so signing out
/// (deleting the row) ends the session everywhere at once, even for a copy of the cookie (ASVS 3.3.1, issue 14).
/// Any server on the shared database can read it (decisions/0008).
/// </summary>
public class SignInSession
{
    /// <summary>Length of <see cref="Key"/>: 32 random bytes written as hexadecimal.</summary>
    public const int KeyLength = 64;

    /// <summary>Longest identity user id stored (Identity's own column width).</summary>
    public const int UserIdMaxLength = 450;

    /// <summary>
    /// How long a session lasts from sign-in however active it is (ASVS 3.3.2, level 2: re-authentication at
    /// least every 12 hours); the idle limit (8 hours) is the cookie's sliding expiry.
    /// </summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    public SignInSession(string key, string userId, byte[] ticket, DateTime startedAtUtc, DateTime expiresAtUtc)
    {
        Key = key;
        UserId = userId;
        Ticket = ticket;
        StartedAtUtc = startedAtUtc;
        ExpiresAtUtc = expiresAtUtc;
    }

    /// <summary>The random key the cookie carries (never derived from the user).</summary>
    public string Key { get; private set; }

    /// <summary>Whose session it is, so all of one account's sessions can be ended together (a password change).</summary>
    public string UserId { get; private set; }

    /// <summary>The serialized authentication ticket (the user's claims and the cookie's properties).</summary>
    public byte[] Ticket { get; private set; }

    /// <summary>When the user signed in (UTC); the session ends <see cref="AbsoluteLifetime"/> later.</summary>
    public DateTime StartedAtUtc { get; private set; }

    /// <summary>When the session ends if not used (UTC): the cookie's sliding expiry, moved on each renewal.</summary>
    public DateTime ExpiresAtUtc { get; private set; }

}
