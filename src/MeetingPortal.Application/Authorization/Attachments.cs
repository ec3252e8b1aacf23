using MeetingPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace MeetingPortal.Application.Authorization;

/// <summary>A file kept with a meeting (the signed minutes, a scan, an answer's letter), known by its meeting's unit path.</summary>
public sealed record AttachmentResource(string UnitPath);

/// <summary>What may be done to a meeting's files.</summary>
public static class AttachmentOperations
{
    /// <summary>Download a file: anyone in scope.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = "Attachment.Read" };

    /// <summary>Add or remove a file of a meeting: Recorders and Administrators (answers' files come with the answer).</summary>
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = "Attachment.Manage" };
}

/// <summary>Scope by the unit tree (404 outside it); Recorders and Administrators manage a meeting's files.</summary>
public sealed class AttachmentAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, AttachmentResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, AttachmentResource resource)
    {
        var user = context.User;
        if (!user.Covers(resource.UnitPath))
        {
            context.FailOutOfScope(this);
            return Task.CompletedTask;
        }

        var allowed = requirement switch
        {
            _ when requirement == AttachmentOperations.Read => true,
            _ when requirement == AttachmentOperations.Manage => user.HasAnyRole(Roles.Recorder, Roles.Administrator),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
