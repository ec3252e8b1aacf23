using System.Security.Claims;
using MeetingPortal.Application.Authorization;
using MeetingPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace MeetingPortal.Web.Tests.Authorization;

/// <summary>Users as the sign-in cookie describes them, and one run of a handler on one operation.</summary>
internal static class Principals
{
    /// <summary>The unit tree the handler tests use: a country (/1/), a province (/1/2/), two wards under it.</summary>
    public const string Country = "/1/";
    public const string Province = "/1/2/";
    public const string Ward = "/1/2/3/";
    public const string OtherWard = "/1/2/4/";

    public static ClaimsPrincipal User(string unitPath, string[] roles, int? organisationId = null, string id = "u1")
    {
        var unitId = unitPath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, id),
            new(ClaimTypes.Name, id),
            new(PortalClaimTypes.UnitId, unitId),
            new(PortalClaimTypes.UnitPath, unitPath),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (organisationId is { } body)
        {
            claims.Add(new Claim(PortalClaimTypes.OrganisationId, body.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    /// <summary>A Raiser of body <paramref name="organisationId"/> as the sign-in makes one: a unit id, but no unit path (ADR 0026).</summary>
    public static ClaimsPrincipal Raiser(int organisationId, string unitPath = Ward)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "r1"),
            new(ClaimTypes.Name, "r1"),
            new(PortalClaimTypes.UnitId, unitPath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1]),
            new(ClaimTypes.Role, Roles.Raiser),
            new(PortalClaimTypes.OrganisationId, organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    /// <summary>Runs <paramref name="handler"/> alone and says what the pages would answer.</summary>
    public static async Task<Access> RunAsync(IAuthorizationHandler handler, ClaimsPrincipal user, object resource, OperationAuthorizationRequirement operation)
    {
        var context = new AuthorizationHandlerContext([operation], user, resource);
        await handler.HandleAsync(context);
        return context.HasSucceeded ? Access.Allowed
            : context.FailureReasons.Any(r => r.Message == Refusals.OutOfScope) ? Access.NotFound
            : Access.Forbidden;
    }
}
