using MeetingPortal.Domain.Units;
using MeetingPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace MeetingPortal.Application.Authorization;

/// <summary>A unit's answer template (ADR 0025 section 4), known by its unit's materialised path.</summary>
public sealed record AnswerTemplateResource(string UnitPath);

/// <summary>What may be done to an answer template.</summary>
public static class AnswerTemplateOperations
{
    /// <summary>
    /// Read it and start an answer from it: everyone whose scope covers its unit (as every record), and everyone of the units
    /// below it (a ward's responder answers with the district's wording: the template is a unit's setting its units inherit).
    /// </summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = "AnswerTemplate.Read" };

    /// <summary>
    /// Add, change or delete it: the Trackers and Administrators whose scope covers its unit (its own, or of a unit above,
    /// as administrators of a unit above keep a ward's settings). Trackers follow the answers and say how the unit answers;
    /// Responders answer for one body and use the unit's templates without changing them.
    /// </summary>
    public static readonly OperationAuthorizationRequirement Write = new() { Name = "AnswerTemplate.Write" };
}

/// <summary>
/// The answer template rules: a template neither in the user's scope nor of a unit above theirs is answered as unknown
/// (404); one of a unit above is read but not written (403); in scope, Trackers and Administrators write it.
/// </summary>
public sealed class AnswerTemplateAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, AnswerTemplateResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, AnswerTemplateResource resource)
    {
        var user = context.User;
        var covers = user.Covers(resource.UnitPath);
        // The user's own unit lies below the template's: its path starts with the template's unit's path.
        var inherits = user.GetScope() is { } scope && Unit.IsInScope(scope.Path, resource.UnitPath);
        if (!covers && !inherits)
        {
            context.FailOutOfScope(this);
            return Task.CompletedTask;
        }

        var allowed = requirement switch
        {
            _ when requirement == AnswerTemplateOperations.Read => true,
            _ when requirement == AnswerTemplateOperations.Write => covers && user.HasAnyRole(Roles.Tracker, Roles.Administrator),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
