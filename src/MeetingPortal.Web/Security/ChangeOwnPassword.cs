using MeetingPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace MeetingPortal.Web.Security;

/// <summary>What a change of one's own password came to.</summary>
public enum PasswordChangeOutcome
{
    /// <summary>Changed: every other session of the account has ended, this one goes on.</summary>
    Changed,

    /// <summary>Refused with <see cref="PasswordChangeResult.Errors"/> (a wrong current password, a weak new one).</summary>
    Refused,

    /// <summary>
    /// The current password was wrong <see cref="ChangeOwnPassword.WrongCurrentPasswordsAllowed"/> times: this session
    /// has ended, so a stolen session cannot be used to guess the password (issue 14).
    /// </summary>
    SessionEnded,
}

/// <summary>A password change's outcome and, when refused, Identity's errors (their codes are translated by the page).</summary>
public sealed record PasswordChangeResult(PasswordChangeOutcome Outcome, IReadOnlyList<IdentityError> Errors);

/// <summary>
/// A signed-in person replaces their own password. Asking for the current password is what keeps a borrowed or
/// stolen session from taking the account over, so wrong current passwords are counted per account and the
/// session ends at the <see cref="WrongCurrentPasswordsAllowed"/>th (ASVS 2.2.1, 3.3.3).
/// </summary>
public sealed class ChangeOwnPassword(
    SignInManager<ApplicationUser> signInManager, PasswordThrottle throttle, SignInSessions sessions,
    IHttpContextAccessor http, ILogger<ChangeOwnPassword> logger)
{
    /// <summary>Wrong current passwords a session may give before it is ended.</summary>
    public const int WrongCurrentPasswordsAllowed = 5;

    private const string Purpose = "change-password";

    /// <summary>Changes <paramref name="user"/>'s password from <paramref name="currentPassword"/> to <paramref name="newPassword"/>.</summary>
    public async Task<PasswordChangeResult> ChangeAsync(ApplicationUser user, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var users = signInManager.UserManager;
        var key = PasswordThrottle.KeyFor(Purpose, string.Empty, user.Id);
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Succeeded)
        {
            await throttle.ForgetAsync(key, cancellationToken);
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
            // Whoever else holds a session of this account (a lost phone, a shared computer) signs in again.
            var thisSession = http.HttpContext is { } context ? DatabaseTicketStore.CurrentKey(context) : null;
            await sessions.EndOthersAsync(user.Id, thisSession, cancellationToken);
            await signInManager.RefreshSignInAsync(user);
            logger.LogInformation("User {UserId} changed their password", user.Id);
            return new PasswordChangeResult(PasswordChangeOutcome.Changed, []);
        }

        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
            && await throttle.RecordFailureAsync(key, cancellationToken) >= WrongCurrentPasswordsAllowed)
        {
            await throttle.ForgetAsync(key, cancellationToken);
            await signInManager.SignOutAsync();
            logger.LogWarning("User {UserId}'s session was ended after {Failures} wrong current passwords", user.Id, WrongCurrentPasswordsAllowed);
            return new PasswordChangeResult(PasswordChangeOutcome.SessionEnded, result.Errors.ToList());
        }

        return new PasswordChangeResult(PasswordChangeOutcome.Refused, result.Errors.ToList());
    }
}
