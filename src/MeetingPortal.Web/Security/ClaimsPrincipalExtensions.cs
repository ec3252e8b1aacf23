using System.Security.Claims;
using MeetingPortal.Infrastructure.Identity;
using MeetingPortal.Infrastructure.Scope;

namespace MeetingPortal.Web.Security;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The user's scope, or null for a user without a unit (who then sees nothing).</summary>
    public static UnitScope? GetScope(this ClaimsPrincipal user)
    {
        var path = user.FindFirstValue(PortalClaimTypes.UnitPath);
        return int.TryParse(user.FindFirstValue(PortalClaimTypes.UnitId), out var unitId) && !string.IsNullOrEmpty(path)
            ? new UnitScope(unitId, path)
            : null;
    }

    /// <summary>An Administrator of a top unit: keeps what is national (calendar, due-date rules).</summary>
    public static bool IsTopAdministrator(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) && user.GetScope() is { } scope && scope.Path.Count(c => c == '/') == 2;

    /// <summary>The body a Responder answers for.</summary>
    public static int? GetOrganisationId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(PortalClaimTypes.OrganisationId), out var id) ? id : null;

    /// <summary>A scope that matches no unit, so list queries stay one code path.</summary>
    public static UnitScope GetScopeOrNone(this ClaimsPrincipal user) => user.GetScope() ?? new UnitScope(0, "/none/");
}
