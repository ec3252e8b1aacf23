using System.Net;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>Every administration form, posted empty, with megabyte values, wrong types and ids of nothing: never a 500, no row changed.</summary>
public sealed class AdministrationBadInputTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string Megabyte = new('x', 1024 * 1024);

    public static TheoryData<string, string> Posts() => new()
    {
        { "/Admin/Users/Create", "/Admin/Users/Create" },
        { "/Admin/Users/{account}", "/Admin/Users/{account}?handler=Save" },
        { "/Admin/Units", "/Admin/Units" },
        { "/Admin/Units/{unit}", "/Admin/Units/{unit}?handler=Save" },
        { "/Admin/Units/{unit}", "/Admin/Units/{unit}?handler=Merge" },
        { "/Admin/Organisations", "/Admin/Organisations" },
        { "/Admin/Organisations/{organisation}", "/Admin/Organisations/{organisation}" },
        { "/Admin/Themes", "/Admin/Themes?handler=Add" },
        { "/Admin/Themes", "/Admin/Themes?handler=Rename&themeId=1" },
        { "/Account/ChangePassword", "/Account/ChangePassword" },
    };

    private static readonly string[] FieldNames =
    [
        "Input.UserName", "Input.Account.FullName", "Input.Account.Email", "Input.Account.UnitId", "Input.Account.OrganisationId", "Input.Account.Roles",
        "Input.FullName", "Input.Email", "Input.UnitId", "Input.OrganisationId", "Input.Roles", "Input.ParentId", "Input.LevelId", "Input.Code", "Input.Name",
        "Input.Kind", "Details.Name", "Details.Code", "Merge.TargetId", "Merge.Reason", "Merge.Confirm",
        "Input.CurrentPassword", "Input.NewPassword", "Input.ConfirmPassword",
    ];

    public static TheoryData<string> Shapes() => ["empty", "megabyte", "wrong-types", "unknown-ids", "twice"];

    private string Resolve(string template)
    {
        var (account, unit, organisation) = factory.WithDb(db => (
            db.Users.Single(u => u.UserName == "thuky.kyphuong").Id,
            db.Units.Single(u => u.Code == "p-ky-phuong").Id,
            db.Organisations.First(o => o.Unit!.Code == "p-ky-phuong").Id));
        return template.Replace("{account}", account, StringComparison.Ordinal)
            .Replace("{unit}", unit.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{organisation}", organisation.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static (string, string)[] Fields(string shape) => shape switch
    {
        "empty" => [],
        "megabyte" => FieldNames.Select(n => (n, Megabyte)).ToArray(),
        "wrong-types" => FieldNames.Select(n => (n, n.EndsWith("Id", StringComparison.Ordinal) || n.EndsWith("Kind", StringComparison.Ordinal) ? "abc" : n.EndsWith("Confirm", StringComparison.Ordinal) ? "maybe" : "")).ToArray(),
        "unknown-ids" => FieldNames.Select(n => (n, n.EndsWith("Id", StringComparison.Ordinal) ? "-2147483648" : n.EndsWith("Roles", StringComparison.Ordinal) ? "Superuser" : "")).ToArray(),
        // A field sent twice: the second value must not sneak past the first one's checks.
        _ => FieldNames.SelectMany(n => new[] { (n, n.EndsWith("Id", StringComparison.Ordinal) ? "999999" : ""), (n, "1") }).ToArray(),
    };

    private string State() => factory.WithDb(db =>
        string.Join("|", db.Users.OrderBy(u => u.Id).Select(u => new { u.Id, u.IsActive, u.UnitId, u.FullName, u.PasswordHash, u.SecurityStamp }).AsEnumerable())
        + string.Join("|", db.UserRoles.OrderBy(r => r.UserId).ThenBy(r => r.RoleId).Select(r => r.UserId + r.RoleId).AsEnumerable())
        + string.Join("|", db.Units.OrderBy(u => u.Id).Select(u => new { u.Code, u.Name, u.Path, u.MergedIntoId }).AsEnumerable())
        + string.Join("|", db.Organisations.OrderBy(o => o.Id).Select(o => new { o.Name, o.Kind, o.UnitId }).AsEnumerable())
        + string.Join("|", db.Themes.OrderBy(t => t.Id).Select(t => new { t.Code, t.Name }).AsEnumerable())
        + db.History.Count());

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task Malformed_posts_answer_a_message_or_4xx_and_change_nothing(string page, string action)
    {
        var admin = await factory.SignInAsync("quantri.toanquoc");
        foreach (var shape in Shapes())
        {
            var before = State();
            var response = await admin.PostFieldsAsync(Resolve(page), Resolve(action), Fields(shape));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound,
                $"{action} with {shape}: {(int)response.StatusCode}");
            Assert.True(before == State(), $"{action} with {shape} changed a row");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var html = Html.Parse(await response.Content.ReadAsStringAsync());
                Assert.NotEmpty(html.Nodes("//*[contains(@class,'field-error') and normalize-space()!=''] | //*[contains(@class,'error-summary')]"));
                // The portal's own scripts (the error summary's) come from /js/; typed input never becomes a script.
                Assert.Empty(html.Nodes("//script[not(starts-with(@src, '/js/'))]"));
            }
        }
    }
}
