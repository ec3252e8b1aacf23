using System.Net;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Web.Tests.Plans;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Raising;

/// <summary>
/// ADR 0026: a raising-side account is made by an administrator like any other, bound to a body and holding no other
/// role; once made, its user reaches their body's list and no committee page.
/// </summary>
public sealed class RaiserAccountTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_raiser_account_needs_a_body_and_no_other_role_and_then_reaches_only_the_raising_side()
    {
        var admin = await factory.SignInAsync("quantri.kyanh");
        var ward = PlanFixtures.Id(factory.Unit("p-ky-phuong"));
        var front = PlanFixtures.Id(factory.Body("p-ky-phuong", OrganisationKind.FatherlandFront));
        var before = factory.WithDb(db => db.Users.Count());
        (string Error, string Message, (string, string)[] Fields)[] refused =
        [
            ("account-organisation-error", "Vui lòng chọn tổ chức", [("Input.Account.Roles", "Raiser")]),
            ("account-roles-error", "không đi cùng vai trò khác", [("Input.Account.Roles", "Raiser"), ("Input.Account.Roles", "Leader"), ("Input.Account.OrganisationId", front)]),
        ];
        foreach (var (error, message, extra) in refused)
        {
            var response = await admin.PostFieldsAsync("/Admin/Users/Create", "/Admin/Users/Create",
                [("Input.UserName", "mattran2.kyphuong"), ("Input.Account.FullName", "Trần Thị Mai"), ("Input.Account.UnitId", ward), .. extra]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, Html.Parse(await response.Content.ReadAsStringAsync()).Node($"//*[@id='{error}']").InnerText, StringComparison.Ordinal);
        }

        Assert.Equal(before, factory.WithDb(db => db.Users.Count()));

        var created = await admin.PostFieldsAsync("/Admin/Users/Create", "/Admin/Users/Create",
            ("Input.UserName", "mattran2.kyphuong"), ("Input.Account.FullName", "Trần Thị Mai"), ("Input.Account.UnitId", ward),
            ("Input.Account.Roles", "Raiser"), ("Input.Account.OrganisationId", front));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(int.Parse(front, System.Globalization.CultureInfo.InvariantCulture), factory.WithDb(db => db.Users.Single(u => u.UserName == "mattran2.kyphuong").OrganisationId));
        var temporary = WebUtility.HtmlDecode(Html.Parse(await created.Content.ReadAsStringAsync()).Node("//*[@data-temporary-password]").InnerText.Trim());
        var user = await factory.SignInAsync("mattran2.kyphuong", temporary);
        const string chosen = "Mat-tran-Ky-Phuong-2026";
        await user.PostFieldsAsync("/Account/ChangePassword", "/Account/ChangePassword",
            ("Input.CurrentPassword", temporary), ("Input.NewPassword", chosen), ("Input.ConfirmPassword", chosen));
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Raising")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/Meetings")).StatusCode);
    }
}
