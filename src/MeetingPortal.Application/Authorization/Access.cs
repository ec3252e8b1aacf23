using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace MeetingPortal.Application.Authorization;

/// <summary>The answer to "may this user do this to this record": pages turn it into 200, 404 or 403.</summary>
public enum Access
{
    /// <summary>In scope, with a role that allows the operation.</summary>
    Allowed = 1,

    /// <summary>The record lies outside the user's unit tree: it is answered as if it did not exist (404).</summary>
    NotFound = 2,

    /// <summary>In scope, but no role of the user allows the operation (403).</summary>
    Forbidden = 3,
}

/// <summary>Why a handler refused; only "out of scope" turns into a 404.</summary>
public static class Refusals
{
    /// <summary>The record is outside the user's unit tree.</summary>
    public const string OutOfScope = "out-of-scope";

    /// <summary>Marks the context as failed because the record is outside the user's scope.</summary>
    public static void FailOutOfScope(this AuthorizationHandlerContext context, IAuthorizationHandler handler) =>
        context.Fail(new AuthorizationFailureReason(handler, OutOfScope));
}

/// <summary>The one way pages, use cases and the import ask for permission.</summary>
public static class AuthorizationServiceExtensions
{
    /// <summary>
    /// Runs the handler for <paramref name="resource"/>'s type on <paramref name="operation"/>: Allowed, NotFound
    /// (outside the user's scope, ADR 0003) or Forbidden (a role is missing).
    /// </summary>
    public static async Task<Access> CheckAsync(this IAuthorizationService authorization, ClaimsPrincipal user, object resource, OperationAuthorizationRequirement operation)
    {
        var result = await authorization.AuthorizeAsync(user, resource, operation);
        if (result.Succeeded)
        {
            return Access.Allowed;
        }

        return result.Failure?.FailureReasons.Any(r => r.Message == Refusals.OutOfScope) == true ? Access.NotFound : Access.Forbidden;
    }

    /// <summary>Whether the operation is allowed: for showing or hiding an action.</summary>
    public static async Task<bool> MayAsync(this IAuthorizationService authorization, ClaimsPrincipal user, object resource, OperationAuthorizationRequirement operation) =>
        await authorization.CheckAsync(user, resource, operation) == Access.Allowed;
}
