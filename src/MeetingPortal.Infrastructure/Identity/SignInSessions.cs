using System.Security.Cryptography;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Identity;

/// <summary>
/// The server-side store of signed-in sessions (<see cref="SignInSession"/>): the cookie handler keeps its tickets
/// here, sign-out deletes the row, and a password change ends every session of the account.
/// </summary>
public sealed class SignInSessions(MeetingPortalDbContext db, TimeProvider timeProvider)
{
    /// <summary>Stores a new session for <paramref name="userId"/> with its serialized ticket; returns the key the cookie will carry.</summary>
    /// <param name="expiresAtUtc">The cookie's expiry (UTC); null means the idle limit from now is not known, so the absolute limit applies.</param>
    public async Task<string> StartAsync(string userId, byte[] ticket, DateTime? expiresAtUtc, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(SignInSession.KeyLength / 2));
        db.SignInSessions.Add(new SignInSession(key, userId, ticket, now, expiresAtUtc ?? now + SignInSession.AbsoluteLifetime));
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>The ticket of the live session <paramref name="key"/>; null when it was ended, has expired or never existed.</summary>
    public Task<byte[]?> TicketAsync(string key, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var startedAfter = now - SignInSession.AbsoluteLifetime;
        return db.SignInSessions.AsNoTracking()
            .Where(s => s.Key == key && s.ExpiresAtUtc > now && s.StartedAtUtc > startedAfter)
            .Select(s => s.Ticket)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Replaces the ticket of a live session (a sliding renewal, a refreshed security stamp). A session that was
    /// ended meanwhile stays ended: nothing is written for a key that is gone.
    /// </summary>
    public Task RenewAsync(string key, byte[] ticket, DateTime? expiresAtUtc, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var expires = expiresAtUtc ?? now + SignInSession.AbsoluteLifetime;
        return db.SignInSessions.Where(s => s.Key == key)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Ticket, ticket).SetProperty(s => s.ExpiresAtUtc, expires), cancellationToken);
    }

    /// <summary>Ends one session (sign-out).</summary>
    public Task EndAsync(string key, CancellationToken cancellationToken) =>
        db.SignInSessions.Where(s => s.Key == key).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Ends every session of <paramref name="userId"/> (deactivated, password reset by an administrator); returns how many.</summary>
    public Task<int> EndAllAsync(string userId, CancellationToken cancellationToken) =>
        EndOthersAsync(userId, null, cancellationToken);

    /// <summary>Ends every session of <paramref name="userId"/> but <paramref name="keptKey"/> (a changed password: the changer goes on); returns how many.</summary>
    public Task<int> EndOthersAsync(string userId, string? keptKey, CancellationToken cancellationToken) =>
        db.SignInSessions.Where(s => s.UserId == userId && s.Key != keptKey).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Deletes sessions past their idle or absolute end (housekeeping); returns how many.</summary>
    public Task<int> ForgetExpiredAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var startedBefore = now - SignInSession.AbsoluteLifetime;
        return db.SignInSessions.Where(s => s.ExpiresAtUtc <= now || s.StartedAtUtc <= startedBefore).ExecuteDeleteAsync(cancellationToken);
    }
}
