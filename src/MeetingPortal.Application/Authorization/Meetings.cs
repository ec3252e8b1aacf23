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

    /// <summary>
    /// Approve the minutes with the scan of the signed paper copy: Leaders of the meeting's own unit (ADR 0019), the
    /// chair's side whose committee held the meeting. Not the Recorder (the secretary's side writes the record; the one
    /// who writes is not the one who approves), not a leader of a unit above (reads, does not sign for the unit, as
    /// <see cref="ReportOperations.Sign"/>), not an Administrator (keeps accounts, not documents).
    /// </summary>
    public static readonly OperationAuthorizationRequirement ApproveMinutes = new() { Name = "Meeting.ApproveMinutes" };

    /// <summary>
    /// Publish the dialogue's results to the public, take them down, and mark which recommendations the public page shows
    /// (ADR 0025 section 5): Leaders and Recorders of the meeting's own unit. The unit speaks to the public for itself:
    /// its leader answers for its dialogues (Quy định 11-QĐi/TW) and its office keeps the record and prepares the notice.
    /// Not a unit above (it reads, it does not publish for the unit, as <see cref="ApproveMinutes"/>), not an
    /// Administrator (keeps accounts, not documents), not Trackers or Responders (they follow and answer).
    /// </summary>
    public static readonly OperationAuthorizationRequirement PublishResults = new() { Name = "Meeting.PublishResults" };
}

/// <summary>
/// The meeting rules (README "Roles"): scope by the unit tree (404 outside it), Recorders and
/// Administrators write records, everyone in scope reads them, only Leaders whose own unit is the meeting's
/// approve its minutes (ADR 0019), and only its own unit's Leaders and Recorders publish its results (ADR 0025).
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
            _ when requirement == MeetingOperations.ApproveMinutes => user.IsInRole(Roles.Leader) && user.GetScope()?.Path == resource.UnitPath,
            _ when requirement == MeetingOperations.PublishResults => user.HasAnyRole(Roles.Leader, Roles.Recorder) && user.GetScope()?.Path == resource.UnitPath,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
