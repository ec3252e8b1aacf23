using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MeetingPortal.Application.Administration;
using MeetingPortal.Application.Common;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Administration;

/// <summary>
/// Issue 16: renaming "Tỉnh Thừa Thiên Huế" to "Thành phố Huế" rewrote the 2024 minutes' place line. A rename holds
/// from its day; a record of an earlier day keeps the names of its day (ADR 0018), while lists and pickers say today's.
/// </summary>
public sealed class RenameKeepsOldNamesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int UnitId(string code) => factory.WithDb(db => db.Units.Single(u => u.Code == code).Id);

    private int HueMeeting => factory.WithDb(db => db.Meetings.Single(m => m.Title == SeedTitles.Hue).Id);

    [Fact]
    public async Task Renaming_Thua_Thien_Hue_leaves_its_2024_minutes_and_page_under_the_old_names()
    {
        // Only the name and key, as the form posted them before names had a day: the rename holds from today.
        var rename = await factory.RunAsync<ChangeUnits, UseCaseResult>("quantri.toanquoc", (uc, user) =>
            uc.RenameAsync(user, UnitId("thua-thien-hue"), new UnitDetailsInput { Code = "thua-thien-hue", Name = "Thành phố Huế" }, CancellationToken.None));
        Assert.Equal(UseCaseStatus.Done, rename.Status);
        var host = factory.WithDb(db => db.Organisations.Single(o => o.Name == "Tỉnh ủy Thừa Thiên Huế").Id);
        var renameHost = await factory.RunAsync<ChangeOrganisations, UseCaseResult>("quantri.toanquoc", (uc, user) =>
            uc.EditAsync(user, host, new OrganisationInput { Name = "Thành ủy Huế", Kind = Domain.Organisations.OrganisationKind.PartyCommittee }, CancellationToken.None));
        Assert.Equal(UseCaseStatus.Done, renameHost.Status);

        var client = await factory.SignInAsync("quantri.toanquoc");
        var paragraphs = await MinutesParagraphsAsync(client, HueMeeting);
        Assert.Contains("Thừa Thiên Huế, ngày 15 tháng 4 năm 2024", paragraphs);
        Assert.Contains("TỈNH ỦY THỪA THIÊN HUẾ", paragraphs);
        // The place line drops the level word ("Thành phố Huế" would read "Huế, ngày …"): neither form of the new name.
        Assert.DoesNotContain(paragraphs, p => p.StartsWith("Huế, ngày", StringComparison.Ordinal) || p.StartsWith("Thành phố Huế", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.Contains("THÀNH ỦY HUẾ", StringComparison.Ordinal));

        var page = await client.GetStringAsync($"/Meetings/{HueMeeting}");
        Assert.Contains("Tỉnh Thừa Thiên Huế", page);
        Assert.Contains("Tỉnh ủy Thừa Thiên Huế", page);
        Assert.DoesNotContain("Thành ủy Huế", page);

        // Lists and pickers use today's names.
        var list = await client.GetStringAsync("/Meetings");
        Assert.Contains("Thành phố Huế", list);
        Assert.Equal("Thành phố Huế", factory.WithDb(db => db.Units.Single(u => u.Code == "thua-thien-hue").Name));
    }

    [Fact]
    public async Task A_rename_dated_from_1_January_2025_keeps_the_old_name_before_and_a_date_before_the_current_name_is_refused()
    {
        var id = UnitId("tx-hong-linh");
        var first = await factory.RunAsync<ChangeUnits, UseCaseResult>("quantri.toanquoc", (uc, user) =>
            uc.RenameAsync(user, id, new UnitDetailsInput { Code = "tx-hong-linh", Name = "Phường Bắc Hồng Lĩnh", EffectiveOn = new DateOnly(2025, 7, 1), Basis = "Nghị quyết sắp xếp đơn vị hành chính cấp xã (ví dụ)" }, CancellationToken.None));
        Assert.Equal(UseCaseStatus.Done, first.Status);

        var before = await factory.RunAsync<ChangeUnits, UseCaseResult>("quantri.toanquoc", (uc, user) =>
            uc.RenameAsync(user, id, new UnitDetailsInput { Code = "tx-hong-linh", Name = "Tên khác", EffectiveOn = new DateOnly(2025, 6, 1) }, CancellationToken.None));
        var future = await factory.RunAsync<ChangeUnits, UseCaseResult>("quantri.toanquoc", (uc, user) =>
            uc.RenameAsync(user, id, new UnitDetailsInput { Code = "tx-hong-linh", Name = "Tên khác", EffectiveOn = new DateOnly(2099, 1, 1) }, CancellationToken.None));

        Assert.Equal(UseCaseStatus.Invalid, before.Status);
        Assert.Contains(before.Errors, e => e.Field == nameof(UnitDetailsInput.EffectiveOn) && e.Message.Contains("trước", StringComparison.Ordinal));
        Assert.Contains(future.Errors, e => e.Field == nameof(UnitDetailsInput.EffectiveOn));
        Assert.Equal(2, factory.WithDb(db => db.UnitNamings.Count(n => n.UnitId == id)));

        var meeting = factory.WithDb(db => db.Meetings.Single(m => m.Title == SeedTitles.HongLinh).Id);
        var client = await factory.SignInAsync("quantri.toanquoc");
        Assert.Contains("Hồng Lĩnh, ngày 19 tháng 7 năm 2022", await MinutesParagraphsAsync(client, meeting));
    }

    private static async Task<List<string>> MinutesParagraphsAsync(HttpClient client, int meetingId)
    {
        await using var stream = new MemoryStream(await client.GetByteArrayAsync($"/Meetings/{meetingId}/Minutes"));
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
    }

    [Theory]
    [InlineData("/Admin/Units/{unit}", "/Admin/Units/{unit}?handler=Save", "Details.", "unit-effective-error")]
    [InlineData("/Admin/Units/{unit}", "/Admin/Units/{unit}?handler=Merge", "Merge.", "merge-effective-error")]
    [InlineData("/Admin/Organisations/{organisation}", "/Admin/Organisations/{organisation}", "Input.", "org-effective-error")]
    public async Task A_day_that_is_not_one_is_refused_beside_the_field_not_taken_as_today(string page, string action, string prefix, string errorId)
    {
        // Issue 16 trial: Details.EffectiveOn=abc renamed Trần Phú to "X" from today, with a 302.
        var (unit, organisation, target) = factory.WithDb(db => (
            db.Units.Single(u => u.Code == "p-tran-phu").Id,
            db.Organisations.First(o => o.Unit!.Code == "tp-ha-tinh").Id,
            // Bắc Hà is Trần Phú's sibling, a target the merger accepts: only the date can stop it.
            db.Units.Single(u => u.Code == "p-bac-ha").Id));
        string Resolve(string template) => template.Replace("{unit}", unit.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{organisation}", organisation.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        string State() => factory.WithDb(db => string.Join("|", db.Units.OrderBy(u => u.Id).Select(u => u.Name + u.ParentId).AsEnumerable())
            + string.Join("|", db.Organisations.OrderBy(o => o.Id).Select(o => o.Name + o.UnitId).AsEnumerable()) + db.Meetings.Count(m => m.UnitId == unit));
        var before = State();

        var admin = await factory.SignInAsync("quantri.toanquoc");
        var response = await admin.PostFieldsAsync(Resolve(page), Resolve(action),
            (prefix + "Code", "p-tran-phu"), (prefix + "Name", "X"), (prefix + "Kind", "PartyCommittee"), (prefix + "EffectiveOn", "abc"),
            (prefix + "TargetId", target.ToString(System.Globalization.CultureInfo.InvariantCulture)), (prefix + "Reason", "Sáp nhập"), (prefix + "Confirm", "true"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var html = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("abc", html.Node($"//*[@id='{errorId}']").InnerText, StringComparison.Ordinal);
        Assert.Equal(before, State());
    }
}
