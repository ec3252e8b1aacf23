using MeetingPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace MeetingPortal.Application.Authorization;

/// <summary>
/// A recommendation gathered before a planned dialogue (ADR 0026), known by the unit path of the plan it was sent to,
/// the body that raises it, and whether that body takes part in the dialogue (<paramref name="BodyTakesPart"/>: a body
/// of the plan's unit, or one the entry names as counterpart or host).
/// </summary>
public sealed record GatheredRecommendationResource(string PlanUnitPath, int RaisedByOrganisationId, bool BodyTakesPart);

/// <summary>What may be done to a gathered recommendation (ADR 0026).</summary>
public static class GatheredRecommendationOperations
{
    /// <summary>Read it and where it stands: the committees' staff in the plan's scope, and the Raisers of the raising body.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = "GatheredRecommendation.Read" };

    /// <summary>
    /// Send one, change or withdraw it while the host has not taken it up: the Raisers of the raising body, for a dialogue
    /// their body takes part in; and the plan's Recorders and Administrators, who type in what a body sent on paper.
    /// </summary>
    public static readonly OperationAuthorizationRequirement Send = new() { Name = "GatheredRecommendation.Send" };

    /// <summary>Put it on the agenda or off it, and raise it at the held dialogue: the host's office, the plan's Recorders and Administrators.</summary>
    public static readonly OperationAuthorizationRequirement Arrange = new() { Name = "GatheredRecommendation.Arrange" };
}

/// <summary>
/// The gathered recommendations' rules. Staff are scoped by the plan's unit path (404 outside it) and then by role (403);
/// a Raiser, who has no unit scope, reaches only those of their own body and sends only to a dialogue their body takes
/// part in (404 for any other).
/// </summary>
public sealed class GatheredRecommendationAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, GatheredRecommendationResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, GatheredRecommendationResource resource)
    {
        var user = context.User;
        bool allowed;
        if (user.IsInRole(Roles.Raiser))
        {
            // Another body's, or a dialogue their body takes no part in, is out of their reach: as if it did not exist.
            if (user.GetOrganisationId() != resource.RaisedByOrganisationId
                || (requirement == GatheredRecommendationOperations.Send && !resource.BodyTakesPart))
            {
                context.FailOutOfScope(this);
                return Task.CompletedTask;
            }

            allowed = requirement == GatheredRecommendationOperations.Read || requirement == GatheredRecommendationOperations.Send;
        }
        else
        {
            if (!user.Covers(resource.PlanUnitPath))
            {
                context.FailOutOfScope(this);
                return Task.CompletedTask;
            }

            allowed = requirement == GatheredRecommendationOperations.Read
                || ((requirement == GatheredRecommendationOperations.Send || requirement == GatheredRecommendationOperations.Arrange)
                    && user.HasAnyRole(Roles.Recorder, Roles.Administrator));
        }

        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
