using MeetingPortal.Application.Authorization;
using MeetingPortal.Infrastructure.Identity;
using static MeetingPortal.Web.Tests.Authorization.Principals;

namespace MeetingPortal.Web.Tests.Authorization;

public sealed class MeetingAuthorizationHandlerTests
{
    private static readonly MeetingAuthorizationHandler Handler = new();

    [Theory]
    [InlineData(Roles.Recorder, true)]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.Tracker, false)]
    [InlineData(Roles.Leader, false)]
    [InlineData(Roles.Responder, false)]
    public async Task Recorders_and_administrators_write_records_everyone_in_scope_reads_them(string role, bool writes)
    {
        var user = User(Province, [role]);
        var meeting = new MeetingResource(Ward);
        Assert.Equal(Access.Allowed, await RunAsync(Handler, user, meeting, MeetingOperations.Read));
        foreach (var operation in new[] { MeetingOperations.Create, MeetingOperations.Edit, MeetingOperations.Import })
        {
            Assert.Equal(writes ? Access.Allowed : Access.Forbidden, await RunAsync(Handler, user, meeting, operation));
        }
    }

    /// <summary>
    /// Issue 16, deliver 2 (ADR 0019): the minutes are approved by the chair's side, Leaders of the meeting's own unit;
    /// not a leader above (reads, does not sign for the unit), nor the unit's recorder, administrator or other roles.
    /// </summary>
    [Fact]
    public async Task Only_leaders_of_the_meetings_own_unit_approve_its_minutes()
    {
        var meeting = new MeetingResource(Ward);
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [Roles.Leader]), meeting, MeetingOperations.ApproveMinutes));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Province, [Roles.Leader]), meeting, MeetingOperations.ApproveMinutes));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Country, [Roles.Leader]), meeting, MeetingOperations.ApproveMinutes));
        foreach (var role in new[] { Roles.Recorder, Roles.Administrator, Roles.Tracker, Roles.Responder })
        {
            Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Ward, [role]), meeting, MeetingOperations.ApproveMinutes));
        }

        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Ward, [Roles.Recorder, Roles.Administrator]), meeting, MeetingOperations.ApproveMinutes));
        Assert.Equal(Access.NotFound, await RunAsync(Handler, User(OtherWard, [Roles.Leader]), meeting, MeetingOperations.ApproveMinutes));
    }

    /// <summary>
    /// Issue 18, deliver 5 (ADR 0025 section 5): the unit speaks to the public for itself. Its own Leaders and Recorders
    /// publish a meeting's results; a unit above does not publish for it, and Administrators, Trackers and Responders
    /// of the unit do not publish at all. Out of scope is 404.
    /// </summary>
    [Fact]
    public async Task Only_leaders_and_recorders_of_the_meetings_own_unit_publish_its_results()
    {
        var meeting = new MeetingResource(Ward);
        var operation = MeetingOperations.PublishResults;
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [Roles.Leader]), meeting, operation));
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [Roles.Recorder]), meeting, operation));
        foreach (var role in new[] { Roles.Leader, Roles.Recorder, Roles.Administrator })
        {
            Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Province, [role]), meeting, operation));
            Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Country, [role]), meeting, operation));
        }

        foreach (var role in new[] { Roles.Administrator, Roles.Tracker, Roles.Responder })
        {
            Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Ward, [role]), meeting, operation));
        }

        Assert.Equal(Access.NotFound, await RunAsync(Handler, User(OtherWard, [Roles.Leader, Roles.Recorder]), meeting, operation));
    }

    [Theory]
    [InlineData(OtherWard)]
    [InlineData(Province)]
    [InlineData("/9/")]
    public async Task A_record_above_or_beside_the_users_unit_does_not_exist_for_them(string path)
    {
        var recorder = User(Ward, [Roles.Recorder, Roles.Administrator]);
        Assert.Equal(Access.NotFound, await RunAsync(Handler, recorder, new MeetingResource(path), MeetingOperations.Read));
        Assert.Equal(Access.NotFound, await RunAsync(Handler, recorder, new MeetingResource(path), MeetingOperations.Import));
    }

    [Fact]
    public async Task A_path_that_only_starts_like_the_users_is_not_in_scope() =>
        Assert.Equal(Access.NotFound, await RunAsync(Handler, User("/1/2/", [Roles.Recorder]), new MeetingResource("/1/23/"), MeetingOperations.Read));
}
