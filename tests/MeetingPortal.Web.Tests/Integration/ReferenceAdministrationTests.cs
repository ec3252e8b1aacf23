using System.Net;
using MeetingPortal.Domain.History;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>Organisations of a unit and the national themes: added, changed, audited; bad input changes nothing.</summary>
public sealed class ReferenceAdministrationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string ErrorOn(string html, string id) => Html.Parse(html).Node($"//*[@id='{id}']").InnerText.Trim();

    [Fact]
    public async Task A_ward_administrator_adds_and_corrects_an_organisation_of_their_ward()
    {
        var admin = await factory.SignInAsync("quantri.kyphuong");
        var ward = factory.WithDb(db => db.Units.Single(u => u.Code == "p-ky-phuong").Id);
        var added = await admin.PostFieldsAsync("/Admin/Organisations", "/Admin/Organisations",
            ("Input.UnitId", Id(ward)), ("Input.Name", "Hội Người cao tuổi phường Kỳ Phương"), ("Input.Kind", "SocioPoliticalOrganisation"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var organisation = factory.WithDb(db => db.Organisations.AsNoTracking().Single(o => o.Name == "Hội Người cao tuổi phường Kỳ Phương"));
        Assert.Equal(ward, organisation.UnitId);

        // The elderly association is a special association, not a socio-political organisation: corrected, audited.
        var edited = await admin.PostFieldsAsync($"/Admin/Organisations/{organisation.Id}", $"/Admin/Organisations/{organisation.Id}",
            ("Input.Name", "Hội Người cao tuổi phường Kỳ Phương"), ("Input.Kind", "SpecialAssociation"), ("Input.UnitId", Id(factory.WithDb(db => db.Units.Single(u => u.Code == "p-tran-phu").Id))));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = factory.WithDb(db => db.Organisations.AsNoTracking().Single(o => o.Id == organisation.Id));
        Assert.Equal(OrganisationKind.SpecialAssociation, after.Kind);
        Assert.Equal(ward, after.UnitId);
        Assert.Equal([HistoryAction.Created, HistoryAction.Updated], factory.WithDb(db => db.History.Where(h => h.EntityType == "Organisation" && h.EntityId == organisation.Id).OrderBy(h => h.Id).Select(h => h.Action).ToList()));

        var list = await admin.GetHtmlAsync($"/Admin/Organisations?unit={ward}");
        Assert.Contains("Hội Người cao tuổi phường Kỳ Phương", list.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Trần Phú", list.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_organisation_and_theme_input_is_a_message_and_changes_nothing()
    {
        var admin = await factory.SignInAsync("quantri.toanquoc");
        var ward = factory.WithDb(db => db.Units.Single(u => u.Code == "p-ky-phuong").Id);
        var existing = factory.WithDb(db => db.Organisations.First(o => o.UnitId == ward).Name);
        var existingTheme = factory.WithDb(db => db.Themes.First());
        var before = factory.WithDb(db => (db.Organisations.Count(), db.Themes.Count(), db.History.Count(),
            string.Join("|", db.Themes.OrderBy(t => t.Id).Select(t => t.Name).AsEnumerable())));

        var organisations = new (string Error, (string, string)[] Fields)[]
        {
            ("org-name-error", [("Input.UnitId", Id(ward)), ("Input.Name", existing), ("Input.Kind", "FatherlandFront")]),
            ("org-name-error", [("Input.UnitId", Id(ward)), ("Input.Name", "  "), ("Input.Kind", "FatherlandFront")]),
            ("org-name-error", [("Input.UnitId", Id(ward)), ("Input.Name", new string('x', 1024 * 1024)), ("Input.Kind", "FatherlandFront")]),
            ("org-kind-error", [("Input.UnitId", Id(ward)), ("Input.Name", "Hội mới"), ("Input.Kind", "999")]),
            ("org-kind-error", [("Input.UnitId", Id(ward)), ("Input.Name", "Hội mới"), ("Input.Kind", "Emperor")]),
            ("org-unit-error", [("Input.UnitId", "999999"), ("Input.Name", "Hội mới"), ("Input.Kind", "FatherlandFront")]),
            ("org-unit-error", [("Input.Name", "Hội mới"), ("Input.Kind", "FatherlandFront")]),
        };
        foreach (var (error, fields) in organisations)
        {
            var response = await admin.PostFieldsAsync("/Admin/Organisations", "/Admin/Organisations", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(string.IsNullOrEmpty(ErrorOn(await response.Content.ReadAsStringAsync(), error)), error);
        }

        var themes = new (string Error, string Handler, (string, string)[] Fields)[]
        {
            ("theme-code-error", "Add", [("Input.Code", "Có Dấu"), ("Input.Name", "Lĩnh vực mới")]),
            ("theme-code-error", "Add", [("Input.Code", existingTheme.Code), ("Input.Name", "Lĩnh vực mới")]),
            ("theme-name-error", "Add", [("Input.Code", "linh-vuc-moi"), ("Input.Name", "")]),
            ("theme-name-error", "Add", [("Input.Code", "linh-vuc-moi"), ("Input.Name", new string('x', 1024 * 1024))]),
            ($"theme-name-{existingTheme.Id}-error", $"Rename&themeId={existingTheme.Id}", [("Input.Name", "")]),
        };
        foreach (var (error, handler, fields) in themes)
        {
            var response = await admin.PostFieldsAsync("/Admin/Themes", $"/Admin/Themes?handler={handler}", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(string.IsNullOrEmpty(ErrorOn(await response.Content.ReadAsStringAsync(), error)), error);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFieldsAsync("/Admin/Themes", "/Admin/Themes?handler=Rename&themeId=999999", ("Input.Name", "x"))).StatusCode);
        Assert.Equal(before, factory.WithDb(db => (db.Organisations.Count(), db.Themes.Count(), db.History.Count(),
            string.Join("|", db.Themes.OrderBy(t => t.Id).Select(t => t.Name).AsEnumerable()))));
    }

    [Fact]
    public async Task The_national_administrator_adds_and_renames_a_theme_that_recorders_can_then_choose()
    {
        var admin = await factory.SignInAsync("quantri.toanquoc");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFieldsAsync("/Admin/Themes", "/Admin/Themes?handler=Add", ("Input.Code", "chuyen-doi-so"), ("Input.Name", "Chuyển đổi số"))).StatusCode);
        var theme = factory.WithDb(db => db.Themes.AsNoTracking().Single(t => t.Code == "chuyen-doi-so"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFieldsAsync("/Admin/Themes", $"/Admin/Themes?handler=Rename&themeId={theme.Id}", ("Input.Name", "Chuyển đổi số, dữ liệu số"))).StatusCode);
        Assert.Equal("Chuyển đổi số, dữ liệu số", factory.WithDb(db => db.Themes.Single(t => t.Id == theme.Id).Name));

        // Due-date rules (and recommendation forms) offer it at once.
        Assert.Single((await admin.GetHtmlAsync("/Admin/DueRules")).Nodes($"//select[@name='Rule.ThemeId']/option[@value='{theme.Id}' and normalize-space()='Chuyển đổi số, dữ liệu số']"));
        var audit = await admin.GetHtmlAsync("/Admin/Audit?what=administration");
        Assert.Single(audit.Nodes("//tbody/tr[td[normalize-space()='Tạo mới'] and td[contains(., 'chuyen-doi-so')]]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignInAsync("quantri.hatinh")).GetAsync("/Admin/Themes")).StatusCode);
    }
}
