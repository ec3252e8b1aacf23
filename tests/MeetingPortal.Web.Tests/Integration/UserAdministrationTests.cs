using System.Net;
using MeetingPortal.Domain.History;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>Accounts: created with a one-time password, limited to the administrator's units, deactivated and reset with effect on open sessions.</summary>
public sealed class UserAdministrationTests(AdministrationFactory factory) : IClassFixture<AdministrationFactory>
{
    private const string NewPassword = "Mat-khau#Rieng2026";

    private string AccountId(string userName) => factory.WithDb(db => db.Users.Single(u => u.UserName == userName).Id);

    private static string TemporaryPasswordOn(string html) =>
        WebUtility.HtmlDecode(Html.Parse(html).Node("//*[@data-temporary-password]").InnerText.Trim());

    [Fact]
    public async Task A_district_administrator_creates_a_ward_account_whose_user_must_choose_a_password_first()
    {
        var admin = await factory.SignInAsync("quantri.kyanh");
        var ward = factory.WithDb(db => db.Units.Single(u => u.Code == "p-ky-phuong").Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await admin.PostFieldsAsync("/Admin/Users/Create", "/Admin/Users/Create",
            ("Input.UserName", "thuky2.kyphuong"), ("Input.Account.FullName", "Nguyễn Thị Hoa"), ("Input.Account.UnitId", ward),
            ("Input.Account.Roles", "Recorder"), ("Input.Account.Roles", "Tracker"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var temporary = TemporaryPasswordOn(await response.Content.ReadAsStringAsync());
        Assert.True(temporary.Length >= 16);

        var created = factory.WithDb(db => db.Users.Single(u => u.UserName == "thuky2.kyphuong"));
        Assert.True(created.MustChangePassword);
        Assert.Equal("Nguyễn Thị Hoa", created.FullName);
        Assert.Equal(["Recorder", "Tracker"], factory.WithDb(db => db.UserRoles.Where(r => r.UserId == created.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToList()));
        Assert.Equal(1, factory.WithDb(db => db.History.Count(h => h.EntityType == "User" && h.Action == HistoryAction.Created && h.Reason!.StartsWith("thuky2.kyphuong") && h.UnitId == created.UnitId)));

        // Every page leads to the change-password page until the user has chosen their own.
        var user = await factory.SignInAsync("thuky2.kyphuong", temporary);
        var meetings = await user.GetAsync("/Meetings");
        Assert.Equal(HttpStatusCode.Redirect, meetings.StatusCode);
        Assert.Equal("/Account/ChangePassword", meetings.Headers.Location!.OriginalString);

        var weak = await user.PostFieldsAsync("/Account/ChangePassword", "/Account/ChangePassword",
            ("Input.CurrentPassword", temporary), ("Input.NewPassword", "ngan"), ("Input.ConfirmPassword", "ngan"));
        Assert.Contains("ít nhất 10 ký tự", Html.Parse(await weak.Content.ReadAsStringAsync()).Node("//*[@id='new-password-error']").InnerText, StringComparison.Ordinal);

        var changed = await user.PostFieldsAsync("/Account/ChangePassword", "/Account/ChangePassword",
            ("Input.CurrentPassword", temporary), ("Input.NewPassword", NewPassword), ("Input.ConfirmPassword", NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Meetings")).StatusCode);
        Assert.False(factory.WithDb(db => db.Users.Single(u => u.UserName == "thuky2.kyphuong").MustChangePassword));
        await factory.SignInAsync("thuky2.kyphuong", NewPassword);
    }

    [Fact]
    public async Task The_answering_body_choice_lists_the_chosen_units_bodies_and_the_level_below()
    {
        var admin = await factory.SignInAsync("quantri.hatinh");
        static IReadOnlyList<int> Bodies(string html) =>
            Html.Parse(html).Nodes("//select[@id='account-organisation']/option[@value!='']").Select(o => int.Parse(o.GetAttributeValue("value", ""), System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        List<int> BodiesAround(string unitCode) => factory.WithDb(db =>
        {
            var unit = db.Units.Single(u => u.Code == unitCode).Id;
            return db.Organisations.Where(o => o.UnitId == unit || o.Unit!.ParentId == unit).Select(o => o.Id).OrderBy(id => id).ToList();
        });

        // Before a unit is chosen: the province's own bodies and its districts', not every ward's.
        var form = Bodies(await admin.GetStringAsync("/Admin/Users/Create"));
        Assert.Equal(BodiesAround("ha-tinh"), form);
        var wardBody = factory.WithDb(db => db.Organisations.First(o => o.Unit!.Code == "p-ky-phuong").Id);
        Assert.DoesNotContain(wardBody, form);

        // Choosing a ward and asking for its bodies keeps what was typed, checks nothing and saves nothing.
        var ward = factory.WithDb(db => db.Units.Single(u => u.Code == "p-ky-phuong").Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var before = factory.WithDb(db => db.Users.Count());
        var shown = await admin.PostFieldsAsync("/Admin/Users/Create", "/Admin/Users/Create?handler=Bodies",
            ("Input.UserName", "traloi2.kyphuong"), ("Input.Account.FullName", "Lê Văn Tâm"), ("Input.Account.UnitId", ward), ("Input.Account.Roles", "Responder"));
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var html = await shown.Content.ReadAsStringAsync();
        Assert.Equal(BodiesAround("p-ky-phuong"), Bodies(html));
        var page = Html.Parse(html);
        Assert.Equal("traloi2.kyphuong", page.Node("//input[@id='account-username']").GetAttributeValue("value", ""));
        Assert.Equal("Lê Văn Tâm", WebUtility.HtmlDecode(page.Node("//input[@id='account-fullname']").GetAttributeValue("value", "")));
        Assert.Equal(ward, page.Node("//select[@id='account-unit']/option[@selected]").GetAttributeValue("value", ""));
        Assert.Empty(page.Nodes("//*[contains(@class,'field-error') and normalize-space(text())!='']"));
        Assert.Equal(before, factory.WithDb(db => db.Users.Count()));

        // An account's body stays listed on its page even when it lies outside that set (a ward account answering for another district's body).
        var responder = AccountId("traloi.tranphu");
        var current = factory.WithDb(db => db.Organisations.First(o => o.Unit!.Code == "tx-ky-anh").Id);
        factory.WithDb(db =>
        {
            db.Users.Single(u => u.Id == responder).OrganisationId = current;
            return db.SaveChanges();
        });
        Assert.DoesNotContain(current, BodiesAround(factory.WithDb(db => db.Users.Where(u => u.Id == responder).Select(u => u.Unit!.Code).Single())));
        Assert.Contains(current, Bodies(await admin.GetStringAsync($"/Admin/Users/{responder}")));
        var selected = Html.Parse(await admin.GetStringAsync($"/Admin/Users/{responder}")).Node("//select[@id='account-organisation']/option[@selected]");
        Assert.Equal(current.ToString(System.Globalization.CultureInfo.InvariantCulture), selected.GetAttributeValue("value", ""));

        // The account page asks for another unit's bodies the same way, keeping the chosen body and changing nothing.
        var moved = await admin.PostFieldsAsync($"/Admin/Users/{responder}", $"/Admin/Users/{responder}?handler=Bodies",
            ("Input.FullName", "Trả lời Trần Phú"), ("Input.UnitId", ward), ("Input.OrganisationId", current.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.Roles", "Responder"));
        Assert.Equal(BodiesAround("p-ky-phuong").Append(current).Order().ToList(), Bodies(await moved.Content.ReadAsStringAsync()));
        Assert.NotEqual(ward, factory.WithDb(db => db.Users.Single(u => u.Id == responder).UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Bad_account_input_is_a_message_beside_the_field_and_creates_nothing()
    {
        var admin = await factory.SignInAsync("quantri.kyphuong");
        var ward = factory.WithDb(db => db.Units.Single(u => u.Code == "p-ky-phuong").Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var district = factory.WithDb(db => db.Units.Single(u => u.Code == "tx-ky-anh").Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var otherOrganisation = factory.WithDb(db => db.Organisations.First(o => o.Unit!.Code != "p-ky-phuong").Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var cases = new (string Field, (string, string)[] Fields)[]
        {
            ("account-username-error", [("Input.UserName", ""), ("Input.Account.FullName", ""), ("Input.Account.UnitId", "")]),
            ("account-username-error", [("Input.UserName", "Tên Có Dấu"), ("Input.Account.FullName", "A"), ("Input.Account.UnitId", ward), ("Input.Account.Roles", "Recorder")]),
            ("account-username-error", [("Input.UserName", "thuky.tranphu"), ("Input.Account.FullName", "A"), ("Input.Account.UnitId", ward), ("Input.Account.Roles", "Recorder")]),
            ("account-username-error", [("Input.UserName", new string('a', 5000)), ("Input.Account.FullName", "A"), ("Input.Account.UnitId", ward), ("Input.Account.Roles", "Recorder")]),
            ("account-fullname-error", [("Input.UserName", "moi.kyphuong"), ("Input.Account.FullName", new string('x', 1024 * 1024)), ("Input.Account.UnitId", ward), ("Input.Account.Roles", "Recorder")]),
            ("account-unit-error", [("Input.UserName", "moi.kyphuong"), ("Input.Account.FullName", "A"), ("Input.Account.UnitId", district), ("Input.Account.Roles", "Recorder")]),
            ("account-unit-error", [("Input.UserName", "moi.kyphuong"), ("Input.Account.FullName", "A"), ("Input.Account.UnitId", "-1"), ("Input.Account.Roles", "Recorder")]),
            ("account-roles-error", [("Input.UserName", "moi.kyphuong"), ("Input.Account.FullName", "A"), ("Input.Account.UnitId", ward)]),
            ("account-roles-error", [("Input.UserName", "moi.kyphuong"), ("Input.Account.FullName", "A"), ("Input.Account.UnitId", ward), ("Input.Account.Roles", "Superuser")]),
            // A ward administrator cannot create a peer administrator of their own ward.
            ("account-roles-error", [("Input.UserName", "moi.kyphuong"), ("Input.Account.FullName", "A"), ("Input.Account.UnitId", ward), ("Input.Account.Roles", "Administrator")]),
            ("account-organisation-error", [("Input.UserName", "moi.kyphuong"), ("Input.Account.FullName", "A"), ("Input.Account.UnitId", ward), ("Input.Account.Roles", "Responder")]),
            ("account-organisation-error", [("Input.UserName", "moi.kyphuong"), ("Input.Account.FullName", "A"), ("Input.Account.UnitId", ward), ("Input.Account.Roles", "Responder"), ("Input.Account.OrganisationId", otherOrganisation)]),
            ("account-email-error", [("Input.UserName", "moi.kyphuong"), ("Input.Account.FullName", "A"), ("Input.Account.UnitId", ward), ("Input.Account.Roles", "Recorder"), ("Input.Account.Email", "không phải thư")]),
        };
        var before = factory.WithDb(db => (db.Users.Count(), db.UserRoles.Count(), db.History.Count()));
        foreach (var (field, fields) in cases)
        {
            var response = await admin.PostFieldsAsync("/Admin/Users/Create", "/Admin/Users/Create", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            Assert.False(string.IsNullOrWhiteSpace(page.Node($"//*[@id='{field}']").InnerText), $"{field} for {string.Join(", ", fields.Select(f => f.Item1 + "=" + f.Item2[..Math.Min(20, f.Item2.Length)]))}");
            // What was typed comes back.
            Assert.Equal(fields.First(f => f.Item1 == "Input.Account.FullName").Item2, System.Net.WebUtility.HtmlDecode(page.Node("//input[@name='Input.Account.FullName']").GetAttributeValue("value", "")));
        }

        Assert.Equal(before, factory.WithDb(db => (db.Users.Count(), db.UserRoles.Count(), db.History.Count())));
    }

    [Fact]
    public async Task A_ward_administrator_manages_only_the_non_administrators_of_their_ward()
    {
        var admin = await factory.SignInAsync("quantri.kyphuong");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Admin/Users/{AccountId("theodoi.kyphuong")}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/Admin/Users/{AccountId("quantri.kyphuong")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Users/{AccountId("quantri.kyanh")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Users/{AccountId("thuky.tranphu")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Users/{Guid.NewGuid()}")).StatusCode);

        var list = await admin.GetHtmlAsync("/Admin/Users");
        var names = list.Nodes("//tbody/tr/td[1]").Select(td => td.InnerText.Trim()).ToList();
        Assert.Contains("thuky.kyphuong", names);
        Assert.DoesNotContain("thuky.tranphu", names);
        Assert.DoesNotContain("quantri.kyanh", names);
        Assert.All(names, n => Assert.EndsWith(".kyphuong", n, StringComparison.Ordinal));

        // The district above manages the ward's administrator, and can make another one there.
        var district = await factory.SignInAsync("quantri.kyanh");
        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync($"/Admin/Users/{AccountId("quantri.kyphuong")}")).StatusCode);
    }

    [Fact]
    public async Task Changing_roles_and_unit_is_audited_and_refreshes_the_users_sign_in()
    {
        var admin = await factory.SignInAsync("quantri.kyanh");
        var target = await factory.SignInAsync("lanhdao.kyphuong");
        Assert.Equal(HttpStatusCode.Forbidden, (await target.GetAsync("/Recommendations/Queue")).StatusCode);
        var (id, unit, organisation) = factory.WithDb(db => db.Users.Where(u => u.UserName == "lanhdao.kyphuong")
            .Select(u => new { u.Id, u.UnitId, Organisation = db.Organisations.First(o => o.UnitId == u.UnitId).Id }).AsEnumerable()
            .Select(x => (x.Id, x.UnitId, x.Organisation)).Single());
        var response = await admin.PostFieldsAsync($"/Admin/Users/{id}", $"/Admin/Users/{id}?handler=Save",
            ("Input.FullName", "Lãnh đạo Kỳ Phương (đã đổi)"), ("Input.UnitId", unit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Roles", "Leader"), ("Input.Roles", "Responder"), ("Input.OrganisationId", organisation.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // The open session is signed out by the new stamp; signing in again brings the new role.
        Assert.Equal(HttpStatusCode.Redirect, (await target.GetAsync("/Recommendations/Queue")).StatusCode);
        var again = await factory.SignInAsync("lanhdao.kyphuong");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Recommendations/Queue")).StatusCode);

        var entry = factory.WithDb(db => db.History.AsNoTracking().Where(h => h.EntityType == "User" && h.Reason == "lanhdao.kyphuong" && h.Action == HistoryAction.Updated).Single());
        Assert.Contains("\"Roles\"", entry.Changes!, StringComparison.Ordinal);
        Assert.Contains("Leader, Responder", entry.Changes!, StringComparison.Ordinal);
        var audit = await admin.GetHtmlAsync("/Admin/Audit?what=administration");
        Assert.Single(audit.Nodes("//tbody/tr[td[normalize-space()='Sửa'] and td[contains(., 'lanhdao.kyphuong')]]"));
        // Another district's administrator does not see it.
        var other = await factory.SignInAsync("quantri.tphatinh");
        Assert.DoesNotContain("lanhdao.kyphuong", (await other.GetHtmlAsync("/Admin/Audit?what=administration")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivation_ends_open_sessions_and_refuses_sign_in_until_reactivated()
    {
        var admin = await factory.SignInAsync("quantri.kyanh");
        var user = await factory.SignInAsync("theodoi.kyphuong");
        var id = AccountId("theodoi.kyphuong");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFieldsAsync($"/Admin/Users/{id}", $"/Admin/Users/{id}?handler=Deactivate")).StatusCode);

        var afterwards = await user.GetAsync("/Meetings");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/Account/SignIn", afterwards.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var refused = await factory.CreateBrowserLikeClient().PostSignInAsync("theodoi.kyphuong", PortalFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFieldsAsync($"/Admin/Users/{id}", $"/Admin/Users/{id}?handler=Reactivate")).StatusCode);
        await factory.SignInAsync("theodoi.kyphuong");
        Assert.Equal([HistoryAction.Deactivated, HistoryAction.Reactivated], factory.WithDb(db => db.History.Where(h => h.EntityType == "User" && h.Reason == "theodoi.kyphuong").OrderBy(h => h.Id).Select(h => h.Action).ToList()));
    }

    [Fact]
    public async Task A_forced_reset_replaces_the_password_and_requires_a_new_one()
    {
        var admin = await factory.SignInAsync("quantri.kyanh");
        var id = AccountId("traloi.kyphuong");
        var response = await admin.PostFieldsAsync($"/Admin/Users/{id}", $"/Admin/Users/{id}?handler=ResetPassword");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var temporary = TemporaryPasswordOn(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowserLikeClient().PostSignInAsync("traloi.kyphuong", PortalFactory.DemoPassword)).StatusCode);
        var user = await factory.SignInAsync("traloi.kyphuong", temporary);
        Assert.Equal("/Account/ChangePassword", (await user.GetAsync("/Recommendations/Queue")).Headers.Location!.OriginalString);
        Assert.Equal(1, factory.WithDb(db => db.History.Count(h => h.EntityType == "User" && h.Reason == "traloi.kyphuong" && h.Action == HistoryAction.PasswordReset)));
    }
}
