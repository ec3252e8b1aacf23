using MeetingPortal.Application.Authorization;
using MeetingPortal.Infrastructure.Identity;
using static MeetingPortal.Web.Tests.Authorization.Principals;

namespace MeetingPortal.Web.Tests.Authorization;

public sealed class DirectiveAuthorizationHandlerTests
{
    private static readonly DirectiveAuthorizationHandler Handler = new();
    private static readonly DirectiveResource Directive = new(Ward, [5, 6]);

    [Fact]
    public async Task Trackers_act_and_a_responder_only_for_an_assigned_body()
    {
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Province, [Roles.Leader]), Directive, DirectiveOperations.Read));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Province, [Roles.Leader]), Directive, DirectiveOperations.Act));
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [Roles.Tracker]), Directive, DirectiveOperations.Act));
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [Roles.Responder], organisationId: 6), Directive, DirectiveOperations.Act));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Ward, [Roles.Responder], organisationId: 7), Directive, DirectiveOperations.Act));
        Assert.Equal(Access.NotFound, await RunAsync(Handler, User(OtherWard, [Roles.Tracker]), Directive, DirectiveOperations.Read));
        // The target is the host side's (recorder, tracker, administrator), not the assignee's judged against it.
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [Roles.Recorder]), Directive, DirectiveOperations.SetTarget));
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Province, [Roles.Tracker]), Directive, DirectiveOperations.SetTarget));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Ward, [Roles.Responder], organisationId: 6), Directive, DirectiveOperations.SetTarget));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Province, [Roles.Leader]), Directive, DirectiveOperations.SetTarget));
        Assert.Equal(Access.NotFound, await RunAsync(Handler, User(OtherWard, [Roles.Recorder]), Directive, DirectiveOperations.SetTarget));
        // Giving the task to groups (ADR 0020) is the host side's too.
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [Roles.Recorder]), Directive, DirectiveOperations.AssignGroups));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Ward, [Roles.Responder], organisationId: 6), Directive, DirectiveOperations.AssignGroups));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Province, [Roles.Leader]), Directive, DirectiveOperations.AssignGroups));
        Assert.Equal(Access.NotFound, await RunAsync(Handler, User(OtherWard, [Roles.Tracker]), Directive, DirectiveOperations.AssignGroups));
    }
}

public sealed class ReportAuthorizationHandlerTests
{
    private static readonly ReportAuthorizationHandler Handler = new();

    [Theory]
    [InlineData(Roles.Leader, Access.Allowed)]
    [InlineData(Roles.Administrator, Access.Allowed)]
    [InlineData(Roles.Tracker, Access.Forbidden)]
    [InlineData(Roles.Recorder, Access.Forbidden)]
    public async Task Leaders_and_administrators_freeze_reports_of_their_scope(string role, Access freeze)
    {
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Province, [role]), new ReportResource(Ward), ReportOperations.Read));
        Assert.Equal(freeze, await RunAsync(Handler, User(Province, [role]), new ReportResource(Ward), ReportOperations.Freeze));
        Assert.Equal(Access.NotFound, await RunAsync(Handler, User(Ward, [role]), new ReportResource(Province), ReportOperations.Freeze));
    }
}

public sealed class AttachmentAuthorizationHandlerTests
{
    private static readonly AttachmentAuthorizationHandler Handler = new();

    [Fact]
    public async Task Recorders_manage_a_meetings_files_everyone_in_scope_downloads_them()
    {
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [Roles.Leader]), new AttachmentResource(Ward), AttachmentOperations.Read));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Ward, [Roles.Leader]), new AttachmentResource(Ward), AttachmentOperations.Manage));
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [Roles.Recorder]), new AttachmentResource(Ward), AttachmentOperations.Manage));
        Assert.Equal(Access.NotFound, await RunAsync(Handler, User(OtherWard, [Roles.Recorder]), new AttachmentResource(Ward), AttachmentOperations.Read));
    }
}

public sealed class AdministrationHandlerTests
{
    [Fact]
    public async Task Units_are_managed_strictly_below_the_administrators_unit_and_created_under_it()
    {
        var handler = new UnitAdministrationHandler();
        var admin = User(Province, [Roles.Administrator]);
        Assert.Equal(Access.Allowed, await RunAsync(handler, admin, new UnitResource(Ward), AdministrationOperations.ManageUnit));
        Assert.Equal(Access.Forbidden, await RunAsync(handler, admin, new UnitResource(Province), AdministrationOperations.ManageUnit));
        Assert.Equal(Access.Allowed, await RunAsync(handler, admin, new UnitResource(Province), AdministrationOperations.CreateUnitUnder));
        Assert.Equal(Access.Allowed, await RunAsync(handler, admin, new UnitResource(Province), AdministrationOperations.ManageOrganisations));
        Assert.Equal(Access.NotFound, await RunAsync(handler, admin, new UnitResource(Country), AdministrationOperations.CreateUnitUnder));
        Assert.Equal(Access.Forbidden, await RunAsync(handler, User(Province, [Roles.Tracker]), new UnitResource(Ward), AdministrationOperations.ManageOrganisations));
    }

    [Fact]
    public async Task Only_the_top_unit_makes_administrators_at_its_own_level()
    {
        var handler = new UnitAdministrationHandler();
        Assert.Equal(Access.Forbidden, await RunAsync(handler, User(Province, [Roles.Administrator]), new UnitResource(Province), AdministrationOperations.GrantAdministrator));
        Assert.Equal(Access.Allowed, await RunAsync(handler, User(Province, [Roles.Administrator]), new UnitResource(Ward), AdministrationOperations.GrantAdministrator));
        Assert.Equal(Access.Allowed, await RunAsync(handler, User(Country, [Roles.Administrator]), new UnitResource(Country), AdministrationOperations.GrantAdministrator));
    }

    [Fact]
    public async Task Administrators_of_one_unit_cannot_lock_each_other_or_themselves_out()
    {
        var handler = new AccountAdministrationHandler();
        var admin = User(Province, [Roles.Administrator], id: "me");
        Assert.Equal(Access.Allowed, await RunAsync(handler, admin, new AccountResource("a", Province, IsAdministrator: false), AdministrationOperations.ManageAccount));
        Assert.Equal(Access.Forbidden, await RunAsync(handler, admin, new AccountResource("b", Province, IsAdministrator: true), AdministrationOperations.ManageAccount));
        Assert.Equal(Access.Forbidden, await RunAsync(handler, admin, new AccountResource("me", Province, IsAdministrator: true), AdministrationOperations.ManageAccount));
        Assert.Equal(Access.Allowed, await RunAsync(handler, admin, new AccountResource("c", Ward, IsAdministrator: true), AdministrationOperations.ManageAccount));
        Assert.Equal(Access.Allowed, await RunAsync(handler, User(Country, [Roles.Administrator]), new AccountResource("b", Country, IsAdministrator: true), AdministrationOperations.ManageAccount));
        Assert.Equal(Access.NotFound, await RunAsync(handler, User(Ward, [Roles.Administrator]), new AccountResource("a", Province, false), AdministrationOperations.ManageAccount));
    }

    [Theory]
    [InlineData(Country, Roles.Administrator, Access.Allowed)]
    [InlineData(Province, Roles.Administrator, Access.Forbidden)]
    [InlineData(Ward, Roles.Administrator, Access.Forbidden)]
    [InlineData(Country, Roles.Tracker, Access.Forbidden)]
    public async Task Only_the_top_units_administrators_keep_the_national_settings(string unit, string role, Access expected) =>
        Assert.Equal(expected, await RunAsync(new NationalSettingsHandler(), User(unit, [role]), NationalSettings.Instance, AdministrationOperations.ManageNationalSettings));
}
