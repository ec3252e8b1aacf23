using MeetingPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace MeetingPortal.Application.Authorization;

/// <summary>A unit's dialogue plan or one of its entries (issue 18, deliver 1), known by the unit's materialised path.</summary>
public sealed record PlanResource(string UnitPath);

/// <summary>What may be done to a unit's dialogue plan (ADR 0025).</summary>
public static class PlanOperations
{
    /// <summary>Read the plan, where each entry stands and the planned-against-held figures: anyone in scope.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = "Plan.Read" };

    /// <summary>
    /// Add, change, take off or put back an entry, and link the meeting that held it: the unit's Recorders (the office
    /// that prepares the dialogues and keeps their records) and Administrators, as for meeting records. Leaders read:
    /// the plan is adopted by the committee outside the portal, which records it (ADR 0025, second question).
    /// </summary>
    public static readonly OperationAuthorizationRequirement Write = new() { Name = "Plan.Write" };
}

/// <summary>Scope by the unit tree (404 outside it); everyone in scope reads; Recorders and Administrators write.</summary>
public sealed class PlanAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, PlanResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, PlanResource resource)
    {
        var user = context.User;
        if (!user.Covers(resource.UnitPath))
        {
            context.FailOutOfScope(this);
            return Task.CompletedTask;
        }

        var allowed = requirement switch
        {
            _ when requirement == PlanOperations.Read => true,
            _ when requirement == PlanOperations.Write => user.HasAnyRole(Roles.Recorder, Roles.Administrator),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
