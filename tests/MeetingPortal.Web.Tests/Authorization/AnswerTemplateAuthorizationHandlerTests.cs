using MeetingPortal.Application.Authorization;
using MeetingPortal.Infrastructure.Identity;
using static MeetingPortal.Web.Tests.Authorization.Principals;

namespace MeetingPortal.Web.Tests.Authorization;

/// <summary>
/// Issue 18, deliver 4 (ADR 0025 section 4): a unit's answer templates are read by the unit, the units below it and whoever
/// covers it, and written by the Trackers and Administrators whose scope covers it.
/// </summary>
public sealed class AnswerTemplateAuthorizationHandlerTests
{
    private static readonly AnswerTemplateAuthorizationHandler Handler = new();
    private static readonly AnswerTemplateResource WardTemplate = new(Ward);
    private static readonly AnswerTemplateResource ProvinceTemplate = new(Province);

    [Theory]
    [InlineData(Roles.Tracker, Access.Allowed)]
    [InlineData(Roles.Administrator, Access.Allowed)]
    [InlineData(Roles.Responder, Access.Forbidden)]
    [InlineData(Roles.Recorder, Access.Forbidden)]
    [InlineData(Roles.Leader, Access.Forbidden)]
    public async Task Everyone_of_the_unit_reads_its_templates_and_trackers_and_administrators_write_them(string role, Access write)
    {
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [role]), WardTemplate, AnswerTemplateOperations.Read));
        Assert.Equal(write, await RunAsync(Handler, User(Ward, [role]), WardTemplate, AnswerTemplateOperations.Write));
        // The level above keeps a ward's settings as it reaches its records.
        Assert.Equal(write, await RunAsync(Handler, User(Province, [role]), WardTemplate, AnswerTemplateOperations.Write));
    }

    [Fact]
    public async Task The_units_below_read_a_template_and_may_not_change_it()
    {
        Assert.Equal(Access.Allowed, await RunAsync(Handler, User(Ward, [Roles.Responder]), ProvinceTemplate, AnswerTemplateOperations.Read));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Ward, [Roles.Tracker]), ProvinceTemplate, AnswerTemplateOperations.Write));
        Assert.Equal(Access.Forbidden, await RunAsync(Handler, User(Ward, [Roles.Administrator]), ProvinceTemplate, AnswerTemplateOperations.Write));
    }

    [Fact]
    public async Task Another_ward_s_template_is_unknown()
    {
        Assert.Equal(Access.NotFound, await RunAsync(Handler, User(OtherWard, [Roles.Tracker]), WardTemplate, AnswerTemplateOperations.Read));
        Assert.Equal(Access.NotFound, await RunAsync(Handler, User(OtherWard, [Roles.Administrator]), WardTemplate, AnswerTemplateOperations.Write));
    }
}
