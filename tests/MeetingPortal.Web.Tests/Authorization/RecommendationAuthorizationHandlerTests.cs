using MeetingPortal.Application.Authorization;
using MeetingPortal.Infrastructure.Identity;
using static MeetingPortal.Web.Tests.Authorization.Principals;

namespace MeetingPortal.Web.Tests.Authorization;

public sealed class RecommendationAuthorizationHandlerTests
{
    private static readonly RecommendationAuthorizationHandler Handler = new();
    private static readonly RecommendationResource InWard = new(Ward, AddressedToOrganisationId: 7);

    public static TheoryData<string, string, Access> Cases() => new()
    {
        // Reading: anyone in scope, 404 outside it whatever the role.
        { Roles.Leader, "Read", Access.Allowed },
        { Roles.Responder, "Read", Access.Allowed },
        // Tracking operations: Trackers and Administrators.
        { Roles.Tracker, "Assign", Access.Allowed },
        { Roles.Administrator, "Close", Access.Allowed },
        { Roles.Recorder, "Assign", Access.Forbidden },
        { Roles.Leader, "Link", Access.Forbidden },
        { Roles.Responder, "Close", Access.Forbidden },
        // Answering and forwarding: Trackers, or the Responder of the addressed body (see the body cases below).
        { Roles.Tracker, "Respond", Access.Allowed },
        { Roles.Recorder, "Forward", Access.Forbidden },
        // Judging the answer: the raising side.
        { Roles.Recorder, "Judge", Access.Allowed },
        { Roles.Tracker, "Judge", Access.Allowed },
        { Roles.Leader, "Judge", Access.Forbidden },
        { Roles.Responder, "Judge", Access.Forbidden },
        // Roadmaps (ADR 0025 section 3): Trackers and Administrators, or the Responder of the addressed or reporting body.
        { Roles.Tracker, "PlanRoadmap", Access.Allowed },
        { Roles.Administrator, "ReportMilestone", Access.Allowed },
        { Roles.Recorder, "PlanRoadmap", Access.Forbidden },
        { Roles.Leader, "PlanRoadmap", Access.Forbidden },
        { Roles.Leader, "ReportMilestone", Access.Forbidden },
        { Roles.Responder, "ReportMilestone", Access.Forbidden },
    };

    private static Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement Operation(string name) => name switch
    {
        "Read" => RecommendationOperations.Read,
        "Assign" => RecommendationOperations.Assign,
        "Respond" => RecommendationOperations.Respond,
        "Forward" => RecommendationOperations.Forward,
        "Close" => RecommendationOperations.Close,
        "Judge" => RecommendationOperations.Judge,
        "PlanRoadmap" => RecommendationOperations.PlanRoadmap,
        "ReportMilestone" => RecommendationOperations.ReportMilestone,
        _ => RecommendationOperations.Link,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_may_do_what_its_operation_allows_in_scope(string role, string operation, Access expected)
    {
        Assert.Equal(expected, await RunAsync(Handler, User(Province, [role]), InWard, Operation(operation)));
        Assert.Equal(Access.NotFound, await RunAsync(Handler, User(OtherWard, [role, Roles.Administrator]), InWard, Operation(operation)));
    }

    [Fact]
    public async Task A_responder_answers_and_forwards_only_for_the_addressed_body()
    {
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [Roles.Responder], organisationId: 7), InWard, RecommendationOperations.Respond));
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [Roles.Responder], organisationId: 7), InWard, RecommendationOperations.Forward));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Ward, [Roles.Responder], organisationId: 8), InWard, RecommendationOperations.Respond));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Ward, [Roles.Responder]), new RecommendationResource(Ward, null), RecommendationOperations.Respond));
    }

    [Fact]
    public async Task A_responder_plans_a_roadmap_for_the_addressed_body_and_reports_for_the_addressed_or_reporting_body()
    {
        var withReporter = InWard with { ReportingOrganisationId = 8 };
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [Roles.Responder], organisationId: 7), withReporter, RecommendationOperations.PlanRoadmap));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Ward, [Roles.Responder], organisationId: 8), withReporter, RecommendationOperations.PlanRoadmap));
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [Roles.Responder], organisationId: 8), withReporter, RecommendationOperations.ReportMilestone));
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [Roles.Responder], organisationId: 7), withReporter, RecommendationOperations.ReportMilestone));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Ward, [Roles.Responder], organisationId: 9), withReporter, RecommendationOperations.ReportMilestone));
        Assert.Equal(Access.NotFound, await RunAsync(Handler, User(OtherWard, [Roles.Responder], organisationId: 8), withReporter, RecommendationOperations.ReportMilestone));
    }

    [Fact]
    public async Task A_user_without_a_unit_sees_nothing() =>
        Assert.Equal(Access.NotFound, await RunAsync(Handler, new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()), InWard, RecommendationOperations.Read));

    [Fact]
    public async Task A_raiser_reads_what_their_body_raised_wherever_it_was_raised_and_changes_nothing()
    {
        // ADR 0026: by the raising body, not by a unit's scope (a Raiser has no unit path), and read-only.
        var raisedByFront = InWard with { RaisedByOrganisationId = 9 };
        Assert.Equal(Access.Allowed, await RunAsync(Handler, Raiser(9, OtherWard), raisedByFront, RecommendationOperations.Read));
        Assert.Equal(Access.Allowed, await RunAsync(Handler, Raiser(9), raisedByFront with { UnitPath = Province }, RecommendationOperations.Read));
        foreach (var operation in new[] { RecommendationOperations.Respond, RecommendationOperations.Assign, RecommendationOperations.Judge, RecommendationOperations.PlanRoadmap })
        {
            Assert.Equal(Access.Forbidden, await RunAsync(Handler, Raiser(9), raisedByFront, operation));
        }

        Assert.Equal(Access.NotFound, await RunAsync(Handler, Raiser(10), raisedByFront, RecommendationOperations.Read));
        Assert.Equal(Access.NotFound, await RunAsync(Handler, Raiser(9), InWard, RecommendationOperations.Read));
        // Even addressed to their own body, a Raiser does not answer: that is a Responder's work.
        Assert.Equal(Access.NotFound, await RunAsync(Handler, Raiser(7), InWard, RecommendationOperations.Respond));
    }
}
