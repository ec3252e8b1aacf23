using MeetingPortal.Application.Authorization;
using MeetingPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using static MeetingPortal.Web.Tests.Authorization.Principals;

namespace MeetingPortal.Web.Tests.Authorization;

/// <summary>
/// Issue 15, deliver 4 (ADR 0017): a ward's report is drafted, signed and sent by the ward's own leaders only, and
/// received by the leaders of the unit directly above it only; outside the scope it does not exist.
/// </summary>
public sealed class ReportLifecycleHandlerTests
{
    private static readonly ReportAuthorizationHandler Handler = new();
    private static readonly ReportResource WardReport = new(Ward);

    public static TheoryData<string> OwnUnitSteps() => new() { ReportOperations.EditDraft.Name, ReportOperations.Sign.Name, ReportOperations.Send.Name };

    private static OperationAuthorizationRequirement Operation(string name) =>
        new[] { ReportOperations.EditDraft, ReportOperations.Sign, ReportOperations.Send, ReportOperations.Receive }.Single(o => o.Name == name);

    [Theory]
    [MemberData(nameof(OwnUnitSteps))]
    public async Task Only_leaders_of_the_reports_own_unit_draft_sign_and_send_it(string name)
    {
        var operation = Operation(name);
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [Roles.Leader]), WardReport, operation));
        // A leader above reads the ward's report but does not sign for the ward.
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Province, [Roles.Leader]), WardReport, operation));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Country, [Roles.Leader]), WardReport, operation));
        // Other roles of the ward, its administrator included, do not either.
        foreach (var role in new[] { Roles.Administrator, Roles.Tracker, Roles.Recorder, Roles.Responder })
        {
            Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Ward, [role]), WardReport, operation));
        }

        Assert.Equal(Access.NotFound, await RunAsync(Handler, User(OtherWard, [Roles.Leader]), WardReport, operation));
    }

    [Fact]
    public async Task Only_leaders_of_the_unit_directly_above_receive_it()
    {
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Province, [Roles.Leader]), WardReport, ReportOperations.Receive));
        // Not the unit itself, not a unit further up, not another role of the unit above.
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Ward, [Roles.Leader]), WardReport, ReportOperations.Receive));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Country, [Roles.Leader]), WardReport, ReportOperations.Receive));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Province, [Roles.Administrator]), WardReport, ReportOperations.Receive));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Province, [Roles.Tracker]), WardReport, ReportOperations.Receive));
        Assert.Equal(Access.NotFound, await RunAsync(Handler, User(OtherWard, [Roles.Leader]), WardReport, ReportOperations.Receive));
        // A top unit's report goes nowhere: nobody receives it.
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Country, [Roles.Leader]), new ReportResource(Country), ReportOperations.Receive));
    }
}
