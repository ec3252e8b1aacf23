using System.Security.Claims;
using MeetingPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace MeetingPortal.Web.Security;

/// <summary>What a sign-in try came to.</summary>
public enum SignInOutcome
{
    /// <summary>The right password of an active account: the session has started.</summary>
    SignedIn,

    /// <summary>Wrong name, wrong password or a deactivated account: one answer for all, so none can be told apart.</summary>
    Refused,

    /// <summary>This client must wait before trying this name again (<see cref="PasswordSignInResult.Wait"/>); the password was not checked.</summary>
    Waiting,
}

/// <summary>A sign-in try's outcome and, when <see cref="SignInOutcome.Waiting"/>, how long to wait.</summary>
public sealed record PasswordSignInResult(SignInOutcome Outcome, TimeSpan Wait);

/// <summary>
/// Signs a person in with name and password (issue 14): a name that does not exist costs the same password hash
/// and gets the same answer as a wrong password, and wrong tries slow the client that makes them
/// (<see cref="PasswordThrottle"/>) instead of locking the account, so nobody can lock out an administrator.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<ApplicationUser> signInManager, PasswordThrottle throttle, ILogger<PasswordSignIn> logger)
{
    private const string Purpose = "sign-in";

    // A hash of a random password nobody knows, made with the portal's own hasher, checked when the name is unknown.
    private static string? decoyHash;

    /// <summary>
    /// Tries <paramref name="userName"/> and <paramref name="password"/> from <paramref name="client"/> (the client's
    /// address); on success signs in (a session kept on the server, lasting beyond the browser when <paramref name="persistent"/>).
    /// </summary>
    public async Task<PasswordSignInResult> SignInAsync(string userName, string password, bool persistent, string client, CancellationToken cancellationToken)
    {
        var key = PasswordThrottle.KeyFor(Purpose, client, userName);
        var wait = await throttle.RemainingWaitAsync(key, cancellationToken);
        if (wait > TimeSpan.Zero)
        {
            return new PasswordSignInResult(SignInOutcome.Waiting, wait);
        }

        var users = signInManager.UserManager;
        var user = await users.FindByNameAsync(userName.Trim());
        var passwordMatches = user is null ? VerifyDecoy(users, password) : await users.CheckPasswordAsync(user, password);
        if (user is { IsActive: true } && passwordMatches && await signInManager.CanSignInAsync(user))
        {
            await throttle.ForgetAsync(key, cancellationToken);
            await signInManager.SignInWithClaimsAsync(user, persistent, [new Claim("amr", "pwd")]);
            logger.LogInformation("User {UserId} signed in", user.Id);
            return new PasswordSignInResult(SignInOutcome.SignedIn, TimeSpan.Zero);
        }

        var failures = await throttle.RecordFailureAsync(key, cancellationToken);
        if (failures >= PasswordThrottle.FreeFailures)
        {
            // The account's id only when it exists: a name someone typed may be a password typed in the wrong box.
            logger.LogWarning("Sign-in refused {Failures} times in a row from one client for {UserId}", failures, user?.Id ?? "(no such account)");
        }

        return new PasswordSignInResult(SignInOutcome.Refused, TimeSpan.Zero);
    }

    private static bool VerifyDecoy(UserManager<ApplicationUser> users, string password)
    {
        var decoy = new ApplicationUser();
        decoyHash ??= users.PasswordHasher.HashPassword(decoy, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        users.PasswordHasher.VerifyHashedPassword(decoy, decoyHash, password);
        return false;
    }
}
