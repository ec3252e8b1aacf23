using System.Security.Claims;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Scope;

namespace MeetingPortal.Application.Authorization;

/// <summary>
/// What the sign-in cookie says about a user: their unit's scope and the body they answer for. Roles are
/// read only by the authorization handlers in this folder; pages and views ask for an operation instead.
/// </summary>
public static class UserAccess
{
    /// <summary>The user's scope (their unit and every unit below it), or null for a user without a unit (who sees nothing).</summary>
    public static UnitScope? GetScope(this ClaimsPrincipal user)
    {
        var path = user.FindFirstValue(PortalClaimTypes.UnitPath);
        return int.TryParse(user.FindFirstValue(PortalClaimTypes.UnitId), out var unitId) && !string.IsNullOrEmpty(path)
            ? new UnitScope(unitId, path)
            : null;
    }

    /// <summary>A scope that matches no unit, so list queries stay one code path.</summary>
    public static UnitScope GetScopeOrNone(this ClaimsPrincipal user) => user.GetScope() ?? new UnitScope(0, "/none/");

    /// <summary>The body (organisation id) a Responder answers for, if any.</summary>
    public static int? GetOrganisationId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(PortalClaimTypes.OrganisationId), out var id) ? id : null;

    /// <summary>The account id (Identity's NameIdentifier claim).</summary>
    public static string? GetAccountId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Whether the record with unit path <paramref name="unitPath"/> lies in the user's scope (materialised-path prefix test, ADR 0003).</summary>
    public static bool Covers(this ClaimsPrincipal user, string unitPath) => user.GetScope() is { } scope && scope.Covers(unitPath);

    /// <summary>Whether the user's unit is a top unit (its path has one segment: "/1/"), where the national settings are kept.</summary>
    internal static bool IsAtTopUnit(this ClaimsPrincipal user) => user.GetScope() is { } scope && scope.Path.Count(c => c == '/') == 2;

    internal static bool HasAnyRole(this ClaimsPrincipal user, params string[] roles) => roles.Any(user.IsInRole);

    internal static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);

    internal static bool IsTopAdministrator(this ClaimsPrincipal user) => user.IsAdministrator() && user.IsAtTopUnit();
}
