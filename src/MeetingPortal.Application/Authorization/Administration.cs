using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace MeetingPortal.Application.Authorization;

/// <summary>A unit as something administered (itself, its organisations, the accounts placed in it), known by its path.</summary>
public sealed record UnitResource(string UnitPath);

/// <summary>An account as something administered: its id, its unit's path and whether it is an Administrator.</summary>
public sealed record AccountResource(string AccountId, string UnitPath, bool IsAdministrator);

/// <summary>The settings kept for the whole country: levels, themes, the working-day calendar and the due-date rules.</summary>
public sealed class NationalSettings
{
    /// <summary>There is one set of national settings.</summary>
    public static readonly NationalSettings Instance = new();

    private NationalSettings()
    {
    }
}

/// <summary>What administrators may change. An administrator manages what lies below their unit; only the top unit's administrators keep the national settings.</summary>
public static class AdministrationOperations
{
    /// <summary>Create a unit under this one, rename or merge this unit: strictly below the administrator's own unit.</summary>
    public static readonly OperationAuthorizationRequirement ManageUnit = new() { Name = "Administration.ManageUnit" };

    /// <summary>Create a unit under this one (by the form or an import): the administrator's unit and below; never a root.</summary>
    public static readonly OperationAuthorizationRequirement CreateUnitUnder = new() { Name = "Administration.CreateUnitUnder" };

    /// <summary>Add, rename or remove the organisations of this unit: the administrator's unit and below.</summary>
    public static readonly OperationAuthorizationRequirement ManageOrganisations = new() { Name = "Administration.ManageOrganisations" };

    /// <summary>Give the Administrator role to an account at this unit: below the administrator's unit; at their own unit only from the top unit (no peers made elsewhere).</summary>
    public static readonly OperationAuthorizationRequirement GrantAdministrator = new() { Name = "Administration.GrantAdministrator" };

    /// <summary>Change, reset or deactivate this account: see <see cref="AccountAdministrationHandler"/>.</summary>
    public static readonly OperationAuthorizationRequirement ManageAccount = new() { Name = "Administration.ManageAccount" };

    /// <summary>Change the national settings, read their history, and import reference data: the top unit's administrators.</summary>
    public static readonly OperationAuthorizationRequirement ManageNationalSettings = new() { Name = "Administration.ManageNationalSettings" };
}

/// <summary>
/// Units and their organisations: only Administrators; outside their unit tree the unit does not exist (404).
/// Rule from the administration pages as first built (README "Administration").
/// </summary>
public sealed class UnitAdministrationHandler : AuthorizationHandler<OperationAuthorizationRequirement, UnitResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, UnitResource resource)
    {
        var user = context.User;
        if (user.GetScope() is not { } scope || !scope.Covers(resource.UnitPath))
        {
            context.FailOutOfScope(this);
            return Task.CompletedTask;
        }

        var ownUnit = resource.UnitPath == scope.Path;
        var allowed = user.IsAdministrator() && requirement switch
        {
            _ when requirement == AdministrationOperations.ManageUnit => !ownUnit,
            _ when requirement == AdministrationOperations.CreateUnitUnder => true,
            _ when requirement == AdministrationOperations.ManageOrganisations => true,
            _ when requirement == AdministrationOperations.GrantAdministrator => !ownUnit || user.IsAtTopUnit(),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Accounts: an Administrator manages accounts below their unit and the non-administrator accounts of
/// their own unit, so administrators of one unit cannot lock each other out; only the top unit manages its
/// own administrators; nobody changes their own account here (another administrator does).
/// </summary>
public sealed class AccountAdministrationHandler : AuthorizationHandler<OperationAuthorizationRequirement, AccountResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, AccountResource resource)
    {
        var user = context.User;
        if (user.GetScope() is not { } scope || !scope.Covers(resource.UnitPath))
        {
            context.FailOutOfScope(this);
            return Task.CompletedTask;
        }

        var allowed = requirement == AdministrationOperations.ManageAccount
            && user.IsAdministrator()
            && resource.AccountId != user.GetAccountId()
            && (resource.UnitPath != scope.Path || !resource.IsAdministrator || user.IsAtTopUnit());
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The national settings: the top unit's Administrators only (403 for anyone else: the settings exist for everyone).</summary>
public sealed class NationalSettingsHandler : AuthorizationHandler<OperationAuthorizationRequirement, NationalSettings>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, NationalSettings resource)
    {
        if (requirement == AdministrationOperations.ManageNationalSettings && context.User.IsTopAdministrator())
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
