using MeetingPortal.Domain.Units;
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

    /// <summary>Type a draft report's narrative, number and signer: Leaders of the report's own unit (ADR 0017).</summary>
    public static readonly OperationAuthorizationRequirement EditDraft = new() { Name = "Report.EditDraft" };

    /// <summary>Sign a report (attach the signed scan): Leaders of the report's own unit.</summary>
    public static readonly OperationAuthorizationRequirement Sign = new() { Name = "Report.Sign" };

    /// <summary>Send a signed report to the level above: Leaders of the report's own unit.</summary>
    public static readonly OperationAuthorizationRequirement Send = new() { Name = "Report.Send" };

    /// <summary>Record a sent report as received: Leaders of the unit directly above the report's unit (not higher).</summary>
    public static readonly OperationAuthorizationRequirement Receive = new() { Name = "Report.Receive" };
}

/// <summary>
/// Scope by the unit tree (404 outside it); Leaders and Administrators freeze reports. An official report is the
/// unit's own document to the level above (ADR 0017): only Leaders whose unit is the report's unit type its draft,
/// sign and send it (a leader above reads it but does not sign for the unit; an administrator keeps accounts, not
/// documents), and only Leaders of the unit directly above record it as received (the level it is addressed to: a
/// province does not receive its wards' reports for the district between them).
/// </summary>
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

        var ownUnit = user.GetScope()?.Path;
        var allowed = requirement switch
        {
            _ when requirement == ReportOperations.Read => true,
            _ when requirement == ReportOperations.Freeze => user.HasAnyRole(Roles.Leader, Roles.Administrator),
            _ when requirement == ReportOperations.EditDraft || requirement == ReportOperations.Sign || requirement == ReportOperations.Send =>
                user.IsInRole(Roles.Leader) && ownUnit == resource.UnitPath,
            _ when requirement == ReportOperations.Receive =>
                user.IsInRole(Roles.Leader) && ownUnit is not null && ownUnit == Unit.ParentPathOf(resource.UnitPath),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
