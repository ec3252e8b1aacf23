using MeetingPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace MeetingPortal.Application.Authorization;

/// <summary>
/// A task the conclusion assigned, known by its meeting's unit path and the bodies it is assigned to: the bodies named,
/// and the known members of the groups it is given to (ADR 0020), whose Responders act on it alike.
/// </summary>
public sealed record DirectiveResource(string UnitPath, IReadOnlyCollection<int> AssigneeIds);

/// <summary>What may be done to a directive.</summary>
public static class DirectiveOperations
{
    /// <summary>Read it and its progress: anyone in scope.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = "Directive.Read" };

    /// <summary>Report progress, complete it or reopen it: Trackers, Administrators, and Responders of an assigned body.</summary>
    public static readonly OperationAuthorizationRequirement Act = new() { Name = "Directive.Act" };

    /// <summary>
    /// Set or change the task's target (issue 16, deliver 6): the host side that records and follows the conclusion
    /// (recorder, tracker, administrator), not the assignee judged against it.
    /// </summary>
    public static readonly OperationAuthorizationRequirement SetTarget = new() { Name = "Directive.SetTarget" };

    /// <summary>
    /// Give the task to groups of bodies (issue 16, deliver 4; ADR 0020): the host side that records the conclusion
    /// (recorder, tracker, administrator), as for the target; the groups must be of the meeting's unit or above (404 else).
    /// </summary>
    public static readonly OperationAuthorizationRequirement AssignGroups = new() { Name = "Directive.AssignGroups" };
}

/// <summary>Scope by the unit tree (404 outside it); Trackers and Administrators act, and a Responder for a body it names.</summary>
public sealed class DirectiveAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, DirectiveResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, DirectiveResource resource)
    {
        var user = context.User;
        if (!user.Covers(resource.UnitPath))
        {
            context.FailOutOfScope(this);
            return Task.CompletedTask;
        }

        var allowed = requirement switch
        {
            _ when requirement == DirectiveOperations.Read => true,
            _ when requirement == DirectiveOperations.Act => user.HasAnyRole(Roles.Tracker, Roles.Administrator)
                || (user.IsInRole(Roles.Responder) && user.GetOrganisationId() is { } body && resource.AssigneeIds.Contains(body)),
            _ when requirement == DirectiveOperations.SetTarget => user.HasAnyRole(Roles.Recorder, Roles.Tracker, Roles.Administrator),
            _ when requirement == DirectiveOperations.AssignGroups => user.HasAnyRole(Roles.Recorder, Roles.Tracker, Roles.Administrator),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
