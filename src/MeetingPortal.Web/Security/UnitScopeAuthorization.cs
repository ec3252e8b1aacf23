using MeetingPortal.Domain.Units;
using MeetingPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace MeetingPortal.Web.Security;

public static class Policies
{
    /// <summary>The record's unit lies in the user's scope (their unit or below).</summary>
    public const string InScope = nameof(InScope);

    /// <summary>An Administrator at any level (what each may change is checked per record).</summary>
    public const string Administrator = nameof(Administrator);

    /// <summary>An Administrator of the top unit: national settings (calendar, due rules, themes).</summary>
    public const string TopAdministrator = nameof(TopAdministrator);
}

/// <summary>Any record that belongs to a unit; pages pass its unit's path.</summary>
public sealed record ScopedResource(string UnitPath);

public sealed class InScopeRequirement : IAuthorizationRequirement;

/// <summary>
/// The single resource-based rule for reading a record: the same prefix test that
/// <see cref="MeetingPortal.Infrastructure.Scope.ScopeQueries"/> applies to every list.
/// </summary>
public sealed class UnitScopeAuthorizationHandler : AuthorizationHandler<InScopeRequirement, ScopedResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, InScopeRequirement requirement, ScopedResource resource)
    {
        var userPath = context.User.FindFirst(PortalClaimTypes.UnitPath)?.Value;
        if (userPath is not null && Unit.IsInScope(resource.UnitPath, userPath))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
