using System.Security.Claims;
using MeetingPortal.Infrastructure.Identity;

namespace MeetingPortal.Web.Security;

/// <summary>
/// Who may administer what. An administrator manages units below their own unit, organisations of
/// their unit and below, and accounts below their unit plus the non-administrator accounts of
/// their own unit, so administrators of one unit cannot lock each other out. Only an administrator
/// of the top unit manages the top unit's administrators and the national themes.
/// </summary>
public static class AdministrationRules
{
    public static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);

    /// <summary>Creating, renaming and merging units: strictly below the administrator's unit.</summary>
    public static bool CanManageUnit(this ClaimsPrincipal user, string unitPath) =>
        user.IsAdministrator() && user.GetScope() is { } scope && scope.Covers(unitPath) && unitPath != scope.Path;

    public static bool CanManageOrganisationsOf(this ClaimsPrincipal user, string unitPath) =>
        user.IsAdministrator() && user.GetScope() is { } scope && scope.Covers(unitPath);

    public static bool CanManageAccount(this ClaimsPrincipal user, string accountId, string accountUnitPath, bool accountIsAdministrator)
    {
        if (!user.IsAdministrator() || user.GetScope() is not { } scope || !scope.Covers(accountUnitPath))
        {
            return false;
        }

        // Nobody demotes or deactivates themselves by accident; another administrator does it.
        if (accountId == user.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return false;
        }

        return accountUnitPath != scope.Path || !accountIsAdministrator || user.IsTopAdministrator();
    }

    /// <summary>Granting the Administrator role at the administrator's own unit would create a peer; only the top unit may.</summary>
    public static bool CanGrantAdministratorAt(this ClaimsPrincipal user, string unitPath) =>
        user.GetScope() is { } scope && scope.Covers(unitPath) && (unitPath != scope.Path || user.IsTopAdministrator());
}
