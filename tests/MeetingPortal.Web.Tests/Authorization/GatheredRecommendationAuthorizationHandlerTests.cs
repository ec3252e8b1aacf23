using MeetingPortal.Application.Authorization;
using MeetingPortal.Infrastructure.Identity;
using static MeetingPortal.Web.Tests.Authorization.Principals;

namespace MeetingPortal.Web.Tests.Authorization;

/// <summary>
/// Issue 18, deliver 2 (ADR 0026): a gathered recommendation is read by the plan's scope and by the Raisers of its body;
/// sent by those Raisers to a dialogue their body takes part in, or typed in by the plan's recorders; arranged on the
/// agenda by the plan's recorders and administrators only.
/// </summary>
public sealed class GatheredRecommendationAuthorizationHandlerTests
{
    private const int Front = 7;
    private const int OtherBody = 8;
    private static readonly GatheredRecommendationAuthorizationHandler Handler = new();
    private static readonly GatheredRecommendationResource FrontsForWard = new(Ward, Front, BodyTakesPart: true);

    [Fact]
    public async Task A_raiser_reads_and_sends_their_own_body_s_and_arranges_nothing()
    {
        Assert.Equal(Access.Allowed, await RunAsync(Handler, Raiser(Front), FrontsForWard, GatheredRecommendationOperations.Read));
        Assert.Equal(Access.Allowed, await RunAsync(Handler, Raiser(Front), FrontsForWard, GatheredRecommendationOperations.Send));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, Raiser(Front), FrontsForWard, GatheredRecommendationOperations.Arrange));
    }

    [Fact]
    public async Task A_raiser_of_another_body_finds_nothing_and_a_body_sends_only_to_a_dialogue_it_takes_part_in()
    {
        foreach (var operation in new[] { GatheredRecommendationOperations.Read, GatheredRecommendationOperations.Send, GatheredRecommendationOperations.Arrange })
        {
            Assert.Equal(Access.NotFound, await RunAsync(Handler, Raiser(OtherBody), FrontsForWard, operation));
        }

        Assert.Equal(Access.NotFound, await RunAsync(Handler, Raiser(Front), FrontsForWard with { BodyTakesPart = false }, GatheredRecommendationOperations.Send));
    }

    [Theory]
    [InlineData(Roles.Recorder, Access.Allowed)]
    [InlineData(Roles.Administrator, Access.Allowed)]
    [InlineData(Roles.Leader, Access.Forbidden)]
    [InlineData(Roles.Tracker, Access.Forbidden)]
    [InlineData(Roles.Responder, Access.Forbidden)]
    public async Task Staff_in_scope_read_and_the_host_s_office_arranges(string role, Access write)
    {
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [role]), FrontsForWard, GatheredRecommendationOperations.Read));
        Assert.Equal(write, await RunAsync(Handler, User(Province, [role]), FrontsForWard, GatheredRecommendationOperations.Arrange));
        Assert.Equal(write, await RunAsync(Handler, User(Ward, [role]), FrontsForWard, GatheredRecommendationOperations.Send));
        Assert.Equal(Access.NotFound, await RunAsync(Handler, User(OtherWard, [role]), FrontsForWard, GatheredRecommendationOperations.Read));
    }
}
