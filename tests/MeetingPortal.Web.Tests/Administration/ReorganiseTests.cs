using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HtmlAgilityPack;
using MeetingPortal.Application.Administration;
using MeetingPortal.Application.Common;
using MeetingPortal.Application.Units;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Infrastructure.Scope;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Administration;

/// <summary>
/// Issue 16, deliver 3: the 2025 change applied to Hà Tĩnh as data (<see cref="ChangeUnits.ReorganiseAsync"/>): Kỳ Phương
/// merged into a new ward standing directly under the province, the district level retired, a socio-political
/// organisation placed under the Front. The 2022 records read as before; today's pickers show the new tree.
/// </summary>
public sealed class ReorganiseTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Basis = "Nghị quyết của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Hà Tĩnh năm 2025";

    private int UnitId(string code) => factory.WithDb(db => db.Units.Single(u => u.Code == code).Id);

    [Fact]
    public async Task The_2025_change_applied_to_Ha_Tinh_leaves_the_2022_pages_minutes_and_summary_as_they_were_and_pickers_show_the_new_tree()
    {
        var titles = new[] { SeedTitles.TpHaTinh, SeedTitles.KyPhuong, SeedTitles.HongLinh, SeedTitles.District, SeedTitles.Hue };
        var meetings = titles.Select(t => factory.WithDb(db => db.Meetings.Single(m => m.Title == t).Id)).ToList();
        var top = await factory.SignInAsync("quantri.toanquoc");
        var minutesBefore = new List<List<string>>();
        foreach (var id in meetings)
        {
            minutesBefore.Add(await MinutesParagraphsAsync(top, id));
        }

        var pagesBefore = new List<string>();
        foreach (var id in meetings)
        {
            pagesBefore.Add(RecordPart(await top.GetHtmlAsync($"/Meetings/{id}")));
        }

        var province = UnitId("ha-tinh");
        var summaryBefore = Figures(await top.GetHtmlAsync($"/Reports/Quarterly?unit={province}&year=2022"));
        Assert.Contains("Phường Kỳ Phương", pagesBefore[1]);
        Assert.NotEmpty(summaryBefore);

        var recommendation = factory.WithDb(db => db.Recommendations.First(r => r.Meeting!.Title == SeedTitles.KyPhuong).Id);
        var recommendationBefore = RecordPart(await top.GetHtmlAsync($"/Recommendations/{recommendation}"));
        Assert.Contains("Phường Kỳ Phương", recommendationBefore);

        // The new ward, as the decision forms it, standing directly under the province.
        var (newWard, outcome) = await HaTinh2025.ApplyAsync(factory);

        Assert.Equal(UseCaseStatus.Done, outcome.Result.Status);
        Assert.Equal((1, 4, 1), (outcome.Merged, outcome.Retired, outcome.Placed));
        top = await factory.SignInAsync("quantri.toanquoc");
        for (var i = 0; i < meetings.Count; i++)
        {
            Assert.Equal(minutesBefore[i], await MinutesParagraphsAsync(top, meetings[i]));
            Assert.Equal(pagesBefore[i], RecordPart(await top.GetHtmlAsync($"/Meetings/{meetings[i]}")));
        }

        Assert.Contains("Kỳ Phương, ngày 28 tháng 6 năm 2022", minutesBefore[1]);
        // A recommendation's page reads its record as on the meeting's day too.
        Assert.Equal(recommendationBefore, RecordPart(await top.GetHtmlAsync($"/Recommendations/{recommendation}")));
        Assert.Equal(summaryBefore, Figures(await top.GetHtmlAsync($"/Reports/Quarterly?unit={province}&year=2022")));

        // Today's tree: the wards stand directly under the province, the districts and the merged ward are offered nowhere.
        var picker = factory.WithDb(db => UnitOptions.InScopeAsync(db, new UnitScope(province, db.Units.Single(u => u.Id == province).Path), CancellationToken.None).GetAwaiter().GetResult());
        Assert.Contains((newWard, "— Phường mới sau sắp xếp"), picker);
        Assert.Contains((UnitId("p-tran-phu"), "— Phường Trần Phú"), picker);
        Assert.DoesNotContain(picker, p => p.Label.Contains("Thị xã Kỳ Anh", StringComparison.Ordinal) || p.Label.Contains("Kỳ Phương", StringComparison.Ordinal) || p.Label.Contains("Thành phố Hà Tĩnh", StringComparison.Ordinal));
        var (veterans, front) = factory.WithDb(db => (
            db.Organisations.First(o => o.Unit!.Code == "tp-ha-tinh" && o.Kind == OrganisationKind.SocioPoliticalOrganisation).Id,
            db.Organisations.First(o => o.Unit!.Code == "tp-ha-tinh" && o.Kind == OrganisationKind.FatherlandFront).Id));
        Assert.Equal(front, factory.WithDb(db => db.Organisations.Single(o => o.Id == veterans).ParentOrganisationId));

        // The ward's old record is reached by its own people (moved to the new ward) and by the province.
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignInAsync("lanhdao.kyphuong")).GetAsync($"/Meetings/{meetings[1]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.SignInAsync("lanhdao.hatinh")).GetAsync($"/Meetings/{meetings[1]}")).StatusCode);
        Assert.Equal(1, factory.WithDb(db => db.Reorganisations.Count(r => r.LegalBasis == HaTinh2025.Basis)));
    }

    [Fact]
    public async Task A_reorganisation_with_a_unit_outside_the_administrators_tree_or_a_level_by_a_ward_administrator_changes_nothing()
    {
        var units = factory.WithDb(db => string.Join("|", db.Units.OrderBy(u => u.Id).Select(u => u.Path + u.RetiredOn)));
        var outside = new ReorganisationInput
        {
            LegalBasis = Basis,
            EffectiveOn = new DateOnly(2025, 7, 1),
            Merges = [new() { UnitId = UnitId("p-tran-phu"), TargetId = UnitId("p-bac-ha") }],
            Confirm = true,
        };
        var refused = await factory.RunAsync<ChangeUnits, ReorganisationOutcome>("quantri.kyanh", (uc, user) => uc.ReorganiseAsync(user, outside, CancellationToken.None));
        Assert.Equal(UseCaseStatus.Invalid, refused.Result.Status);
        Assert.Contains(refused.Result.Errors, e => e.Field == "Merges[0].UnitId");

        var level = new ReorganisationInput { LegalBasis = Basis, EffectiveOn = new DateOnly(2025, 7, 1), RetireLevelId = factory.WithDb(db => db.UnitLevels.Single(l => l.Rank == 3).Id), Confirm = true };
        var forbidden = await factory.RunAsync<ChangeUnits, ReorganisationOutcome>("quantri.kyanh", (uc, user) => uc.ReorganiseAsync(user, level, CancellationToken.None));
        Assert.Equal(UseCaseStatus.Forbidden, forbidden.Result.Status);

        var future = new ReorganisationInput { LegalBasis = "", EffectiveOn = new DateOnly(2099, 1, 1), Merges = [new() { UnitId = UnitId("p-tran-phu"), TargetId = UnitId("p-bac-ha") }] };
        var invalid = await factory.RunAsync<ChangeUnits, ReorganisationOutcome>("quantri.hatinh", (uc, user) => uc.ReorganiseAsync(user, future, CancellationToken.None));
        Assert.Contains(invalid.Result.Errors, e => e.Field == nameof(ReorganisationInput.EffectiveOn));
        Assert.Contains(invalid.Result.Errors, e => e.Field == nameof(ReorganisationInput.LegalBasis));
        Assert.Contains(invalid.Result.Errors, e => e.Field == nameof(ReorganisationInput.Confirm));

        Assert.Equal(units, factory.WithDb(db => string.Join("|", db.Units.OrderBy(u => u.Id).Select(u => u.Path + u.RetiredOn))));
    }

    [Fact]
    public async Task The_command_line_applies_the_same_checks_as_the_form()
    {
        var units = factory.WithDb(db => string.Join("|", db.Units.OrderBy(u => u.Id).Select(u => u.Path + u.RetiredOn)));
        var file = Path.Combine(factory.DataDirectory, "decision.json");
        await File.WriteAllTextAsync(file, """
            { "legalBasis": "Nghị quyết thử", "effectiveOn": "2025-07-01",
              "merges": [ { "unit": "p-tran-phu", "target": "p-bac-ha" }, { "unit": "khong-co", "target": "p-bac-ha" } ] }
            """);
        using var output = new StringWriter();

        Assert.Equal(1, await Web.Infrastructure.CommandLine.RunAsync(factory.Services, ["reorganise", "--as", "quantri.kyanh", file], output));
        Assert.Contains("Merges[0].UnitId", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Merges[1].UnitId", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await Web.Infrastructure.CommandLine.RunAsync(factory.Services, ["reorganise", "--as", "khong.co.ai", file], output));
        Assert.Equal(units, factory.WithDb(db => string.Join("|", db.Units.OrderBy(u => u.Id).Select(u => u.Path + u.RetiredOn))));
    }

    [Fact]
    public async Task The_form_keeps_what_was_typed_and_says_what_is_wrong_beside_the_field()
    {
        var client = await factory.SignInAsync("quantri.hatinh");
        var response = await client.PostFieldsAsync("/Admin/Units/Reorganise", "/Admin/Units/Reorganise",
            ("Input.LegalBasis", "Nghị quyết thử"), ("Input.EffectiveOn", "2099-01-01"), ("Input.Merges[0].UnitId", UnitId("p-tran-phu").ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Nghị quyết thử", page.Node("//input[@id='reorg-basis']").GetAttributeValue("value", ""));
        Assert.NotEmpty(page.Node("//span[@id='reorg-effective-error']").InnerText.Trim());
        Assert.NotEmpty(page.Node("//span[@id='Merges-0-target-error']").InnerText.Trim());
        Assert.NotEmpty(page.Node("//span[@id='reorg-confirm-error']").InnerText.Trim());
    }

    /// <summary>
    /// Issue 16, second trial: letters in an id read "Giá trị «zz» không hợp lệ cho UnitId." and "… cho Confirm.":
    /// the binding message names the field as the form labels it.
    /// </summary>
    [Fact]
    public async Task Letters_in_an_id_or_the_confirmation_are_refused_naming_the_field_in_words()
    {
        var client = await factory.SignInAsync("quantri.hatinh");
        var response = await client.PostFieldsAsync("/Admin/Units/Reorganise", "/Admin/Units/Reorganise",
            ("Input.LegalBasis", "Nghị quyết thử"), ("Input.EffectiveOn", "2025-07-01"), ("Input.Merges[0].UnitId", "zz"),
            ("Input.Merges[0].TargetId", "yy"), ("Input.Placements[0].OrganisationId", "xx"), ("Input.Confirm", "maybe"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = HtmlEntity.DeEntitize(Html.Parse(await response.Content.ReadAsStringAsync()).Node("//main").InnerText);

        Assert.Contains("«zz» không hợp lệ cho Đơn vị", text, StringComparison.Ordinal);
        Assert.Contains("«yy» không hợp lệ cho Đơn vị nhận", text, StringComparison.Ordinal);
        Assert.Contains("«xx» không hợp lệ cho Tổ chức", text, StringComparison.Ordinal);
        Assert.Contains("«maybe» không hợp lệ cho Xác nhận", text, StringComparison.Ordinal);
        foreach (var code in new[] { "UnitId", "TargetId", "OrganisationId", "Confirm." })
        {
            Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        }
    }

    private static string RecordPart(HtmlDocument page) =>
        string.Join("\n", page.Nodes("//main//h1 | //main//p[contains(@class,'eyebrow')] | //main//dl").Select(n => HtmlEntity.DeEntitize(n.InnerText).Trim()));

    private static string Figures(HtmlDocument page) => page.TableText("figures");

    private static async Task<List<string>> MinutesParagraphsAsync(HttpClient client, int meetingId)
    {
        await using var stream = new MemoryStream(await client.GetByteArrayAsync($"/Meetings/{meetingId}/Minutes"));
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
    }
}
