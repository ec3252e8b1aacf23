using MeetingPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace MeetingPortal.Application.Authorization;

/// <summary>
/// A recommendation, known by the unit path of the meeting that raised it, the body it is addressed to, when it has
/// a roadmap the body that reports on it (<paramref name="ReportingOrganisationId"/>, ADR 0025 section 3), and the body
/// that raised it (<paramref name="RaisedByOrganisationId"/>, which a Raiser of that body reads by, ADR 0026).
/// </summary>
public sealed record RecommendationResource(string UnitPath, int? AddressedToOrganisationId, int? ReportingOrganisationId = null, int? RaisedByOrganisationId = null);

/// <summary>What may be done to a recommendation; which of these its status allows is the domain's <c>RecommendationState</c>.</summary>
public static class RecommendationOperations
{
    /// <summary>Read it, its answers and history: anyone in scope.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = "Recommendation.Read" };

    /// <summary>Give it to a body: Trackers and Administrators.</summary>
    public static readonly OperationAuthorizationRequirement Assign = new() { Name = "Recommendation.Assign" };

    /// <summary>Record the body's reply: the addressed body's Responders, Trackers and Administrators (for the body).</summary>
    public static readonly OperationAuthorizationRequirement Respond = new() { Name = "Recommendation.Respond" };

    /// <summary>Pass it to another body, or send a forwarded one back: as <see cref="Respond"/>.</summary>
    public static readonly OperationAuthorizationRequirement Forward = new() { Name = "Recommendation.Forward" };

    /// <summary>Close a resolved one, or take it up again: Trackers and Administrators.</summary>
    public static readonly OperationAuthorizationRequirement Close = new() { Name = "Recommendation.Close" };

    /// <summary>Say whether an answer satisfies the raising side: Recorders, Trackers and Administrators.</summary>
    public static readonly OperationAuthorizationRequirement Judge = new() { Name = "Recommendation.Judge" };

    /// <summary>Link it to an earlier raising of the same matter, or unlink it: Trackers and Administrators.</summary>
    public static readonly OperationAuthorizationRequirement Link = new() { Name = "Recommendation.Link" };

    /// <summary>
    /// Draw up or change its roadmap: the addressed body's Responders (the body that accepted it plans how), Trackers
    /// and Administrators (ADR 0025 section 3).
    /// </summary>
    public static readonly OperationAuthorizationRequirement PlanRoadmap = new() { Name = "Recommendation.PlanRoadmap" };

    /// <summary>
    /// Report a milestone of its roadmap done: as <see cref="PlanRoadmap"/>, and also the Responders of the reporting
    /// body when that is another body (it is the one that reports).
    /// </summary>
    public static readonly OperationAuthorizationRequirement ReportMilestone = new() { Name = "Recommendation.ReportMilestone" };
}

/// <summary>
/// The recommendation rules: scope by the raising meeting's unit (404 outside it), then the role each
/// operation needs (403); a Responder acts only for the body the recommendation is addressed to. A Raiser has no unit
/// scope: they read what their own body raised, wherever it was raised, and nothing else (404), and change nothing (403).
/// </summary>
public sealed class RecommendationAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, RecommendationResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, RecommendationResource resource)
    {
        var user = context.User;
        if (user.IsInRole(Roles.Raiser))
        {
            if (resource.RaisedByOrganisationId is not { } raisedBy || user.GetOrganisationId() != raisedBy)
            {
                context.FailOutOfScope(this);
            }
            else if (requirement == RecommendationOperations.Read)
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }

        if (!user.Covers(resource.UnitPath))
        {
            context.FailOutOfScope(this);
            return Task.CompletedTask;
        }

        var tracks = user.HasAnyRole(Roles.Tracker, Roles.Administrator);
        var answersForBody = user.IsInRole(Roles.Responder) && resource.AddressedToOrganisationId is { } body && user.GetOrganisationId() == body;
        var reportsForBody = user.IsInRole(Roles.Responder) && resource.ReportingOrganisationId is { } reporting && user.GetOrganisationId() == reporting;
        var allowed = requirement switch
        {
            _ when requirement == RecommendationOperations.Read => true,
            _ when requirement == RecommendationOperations.Assign || requirement == RecommendationOperations.Close || requirement == RecommendationOperations.Link => tracks,
            _ when requirement == RecommendationOperations.Respond || requirement == RecommendationOperations.Forward
                || requirement == RecommendationOperations.PlanRoadmap => tracks || answersForBody,
            _ when requirement == RecommendationOperations.ReportMilestone => tracks || answersForBody || reportsForBody,
            _ when requirement == RecommendationOperations.Judge => tracks || user.IsInRole(Roles.Recorder),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
