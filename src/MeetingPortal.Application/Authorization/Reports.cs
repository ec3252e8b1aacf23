using MeetingPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace MeetingPortal.Application.Authorization;

/// <summary>A summary or official report of a unit (and everything below it), known by that unit's path.</summary>
public sealed record ReportResource(string UnitPath);

/// <summary>What may be done to a unit's reports.</summary>
public static class ReportOperations
{
    /// <summary>Read the summary and the frozen reports: anyone in scope.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = "Report.Read" };

    /// <summary>Freeze an official report (chốt báo cáo): Leaders and Administrators.</summary>
    public static readonly OperationAuthorizationRequirement Freeze = new() { Name = "Report.Freeze" };
}

/// <summary>Scope by the unit tree (404 outside it); Leaders and Administrators freeze reports.</summary>
public sealed class ReportAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, ReportResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ReportResource resource)
    {
        var user = context.User;
        if (!user.Covers(resource.UnitPath))
        {
            context.FailOutOfScope(this);
            return Task.CompletedTask;
        }

        var allowed = requirement switch
        {
            _ when requirement == ReportOperations.Read => true,
            _ when requirement == ReportOperations.Freeze => user.HasAnyRole(Roles.Leader, Roles.Administrator),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
