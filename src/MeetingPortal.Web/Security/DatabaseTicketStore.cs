using System.Security.Claims;
using MeetingPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace MeetingPortal.Web.Security;

/// <summary>
/// Keeps the sign-in cookie's ticket on the server (<see cref="SignInSessions"/>): the cookie carries only a random
/// key, so sign-out ends the session for every copy of the cookie (ASVS 3.3.1, issue 14), a password change ends
/// the account's other sessions, and no session outlives <see cref="SignInSession.AbsoluteLifetime"/>.
/// The cookie handler is a singleton, so each call opens its own scope for the database.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes) : ITicketStore
{
    private static readonly TicketSerializer Serializer = TicketSerializer.Default;
    private static readonly object CurrentKeyItem = new();

    /// <summary>The key of the session the request came with (null when it came without one).</summary>
    public static string? CurrentKey(HttpContext context) => context.Items[CurrentKeyItem] as string;

    /// <inheritdoc />
    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    /// <inheritdoc />
    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A sign-in ticket without a user id cannot be stored.");
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignInSessions>()
            .StartAsync(userId, Serializer.Serialize(ticket), ticket.Properties.ExpiresUtc?.UtcDateTime, cancellationToken);
    }

    /// <inheritdoc />
    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    /// <inheritdoc />
    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SignInSessions>()
            .RenewAsync(key, Serializer.Serialize(ticket), ticket.Properties.ExpiresUtc?.UtcDateTime, cancellationToken);
    }

    /// <inheritdoc />
    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    /// <inheritdoc />
    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        // Kept for this request: a password change ends every session of the account but this one.
        httpContext.Items[CurrentKeyItem] = key;
        return RetrieveOrRememberFailureAsync(key, httpContext, cancellationToken);
    }

    // Every signed-in request reads its session: with the request's own scope (its context, its connection), not a new one.
    private static async Task<AuthenticationTicket?> RetrieveOrRememberFailureAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        try
        {
            var ticket = await httpContext.RequestServices.GetRequiredService<SignInSessions>().TicketAsync(key, cancellationToken);
            return ticket is null ? null : Serializer.Deserialize(ticket);
        }
        catch (Exception ex) when (DatabaseUnavailableMiddleware.IsDatabaseFailure(ex))
        {
            // Thrown here, the failure would be cached by the cookie handler and thrown again while the 503 page renders.
            DatabaseUnavailableMiddleware.Remember(httpContext, ex);
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var ticket = await scope.ServiceProvider.GetRequiredService<SignInSessions>().TicketAsync(key, cancellationToken);
        return ticket is null ? null : Serializer.Deserialize(ticket);
    }

    /// <inheritdoc />
    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    /// <inheritdoc />
    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SignInSessions>().EndAsync(key, cancellationToken);
    }
}
