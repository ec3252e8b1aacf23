using MeetingPortal.Application.Authorization;
using MeetingPortal.Infrastructure.Identity;
using static MeetingPortal.Web.Tests.Authorization.Principals;

namespace MeetingPortal.Web.Tests.Authorization;

/// <summary>Issue 18, deliver 1 (ADR 0025): a unit's dialogue plan is read in scope, written by its recorders and administrators.</summary>
public sealed class PlanAuthorizationHandlerTests
{
    private static readonly PlanAuthorizationHandler Handler = new();
    private static readonly PlanResource WardPlan = new(Ward);

    [Theory]
    [InlineData(Roles.Recorder, Access.Allowed)]
    [InlineData(Roles.Administrator, Access.Allowed)]
    [InlineData(Roles.Leader, Access.Forbidden)]
    [InlineData(Roles.Tracker, Access.Forbidden)]
    [InlineData(Roles.Responder, Access.Forbidden)]
    public async Task Everyone_in_scope_reads_a_plan_and_recorders_and_administrators_write_it(string role, Access write)
    {
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [role]), WardPlan, PlanOperations.Read));
        Assert.Equal(write, await RunAsync(Handler, User(Ward, [role]), WardPlan, PlanOperations.Write));
        // The level above reaches the ward's plan as it reaches its records.
        Assert.Equal(write, await RunAsync(Handler, User(Province, [role]), WardPlan, PlanOperations.Write));
    }

    [Fact]
    public async Task Another_unit_or_the_level_above_is_out_of_scope()
    {
        Assert.Equal(Access.NotFound, await RunAsync(Handler, User(OtherWard, [Roles.Recorder]), WardPlan, PlanOperations.Read));
        Assert.Equal(Access.NotFound, await RunAsync(Handler, User(OtherWard, [Roles.Administrator]), WardPlan, PlanOperations.Write));
        Assert.Equal(Access.NotFound, await RunAsync(Handler, User(Ward, [Roles.Leader]), new PlanResource(Province), PlanOperations.Read));
    }
}
