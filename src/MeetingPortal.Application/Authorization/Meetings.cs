using MeetingPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace MeetingPortal.Application.Authorization;

/// <summary>A meeting record (or the unit a new one is written for), known by its unit's materialised path.</summary>
public sealed record MeetingResource(string UnitPath);

/// <summary>What may be done to a meeting record.</summary>
public static class MeetingOperations
{
    /// <summary>Read the record, its minutes and its export: anyone in scope.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = "Meeting.Read" };

    /// <summary>Write a new record for the unit: Recorders and Administrators.</summary>
    public static readonly OperationAuthorizationRequirement Create = new() { Name = "Meeting.Create" };

    /// <summary>Change, publish or correct the record: Recorders and Administrators.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = "Meeting.Edit" };

    /// <summary>Write records for the unit from an interchange file: Recorders and Administrators.</summary>
    public static readonly OperationAuthorizationRequirement Import = new() { Name = "Meeting.Import" };
}

/// <summary>
/// The meeting rules (README "Roles"): scope by the unit tree (404 outside it), Recorders and
/// Administrators write records, everyone in scope reads them.
/// </summary>
public sealed class MeetingAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, MeetingResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, MeetingResource resource)
    {
        var user = context.User;
        if (!user.Covers(resource.UnitPath))
        {
            context.FailOutOfScope(this);
            return Task.CompletedTask;
        }

        var allowed = requirement switch
        {
            _ when requirement == MeetingOperations.Read => true,
            _ when requirement == MeetingOperations.Create || requirement == MeetingOperations.Edit || requirement == MeetingOperations.Import => user.HasAnyRole(Roles.Recorder, Roles.Administrator),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
