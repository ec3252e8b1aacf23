using MeetingPortal.Application.Administration;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Reports;

/// <summary>
/// Issue 16, deliver 3 (trial): with "Đảng ủy phường Kỳ Phương" renamed "Đảng ủy phường Hoành Sơn" from 1/7/2025, the
/// province's 2022 summary "as the units stood then" listed the new name in its per-body tables. "As then" names the
/// bodies as on the period's last day, as it names the units (ADR 0018); "as now" names them as today.
/// </summary>
public sealed class OrganisationNamesAsThenTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Old = "Đảng ủy phường Kỳ Phương";
    private const string New = "Đảng ủy phường Hoành Sơn";

    [Fact]
    public async Task The_2022_summary_as_then_names_the_Ky_Phuong_committee_as_it_was_in_every_per_body_table()
    {
        var province = factory.WithDb(db => db.Units.Single(u => u.Code == "ha-tinh").Id);
        var committee = factory.WithDb(db => db.Organisations.Single(o => o.Name == Old).Id);
        var renamed = await factory.RunAsync<ChangeOrganisations, UseCaseResult>("quantri.toanquoc", (uc, user) =>
            uc.EditAsync(user, committee, new OrganisationInput { Name = New, Kind = OrganisationKind.PartyCommittee, EffectiveOn = new DateOnly(2025, 7, 1) }, CancellationToken.None));
        Assert.Equal(UseCaseStatus.Done, renamed.Status);
        await HaTinh2025.ApplyAsync(factory);

        var leader = await factory.SignInAsync("lanhdao.hatinh");
        var then = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={province}&year=2022&units=then");
        var now = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={province}&year=2022");
        foreach (var table in new[] { "by-raising-organisation", "by-addressed-body", "scorecards" })
        {
            Assert.DoesNotContain(New, then.TableText(table));
            // The committee's own rows: the same figures under the name of 31/12/2022.
            Assert.Equal(
                now.TableText(table).Split('\n').Where(l => l.Contains(New, StringComparison.Ordinal)).Select(l => l.Replace(New, Old, StringComparison.Ordinal)),
                then.TableText(table).Split('\n').Where(l => l.Contains(Old, StringComparison.Ordinal)));
        }

        Assert.Contains(Old, then.TableText("by-addressed-body"));
        Assert.Contains(New, now.TableText("by-addressed-body"));
    }

    [Fact]
    public async Task A_rename_of_a_body_alone_offers_the_summary_as_then_under_its_old_name()
    {
        // Thành ủy Hà Tĩnh renamed from 1/1/2025 and nothing else changed (a class database of its own would not have the
        // other test's change; this one holds whichever runs first, and asks for this body only).
        var province = factory.WithDb(db => db.Units.Single(u => u.Code == "ha-tinh").Id);
        var (body, old) = factory.WithDb(db => db.Organisations.Where(o => o.Unit!.Code == "tp-ha-tinh" && o.Kind == OrganisationKind.PartyCommittee)
            .Select(o => new { o.Id, o.Name }).AsEnumerable().Select(o => (o.Id, o.Name)).Single());
        var renamed = await factory.RunAsync<ChangeOrganisations, UseCaseResult>("quantri.toanquoc", (uc, user) =>
            uc.EditAsync(user, body, new OrganisationInput { Name = "Thành ủy (tên từ 2025)", Kind = OrganisationKind.PartyCommittee, EffectiveOn = new DateOnly(2025, 1, 1) }, CancellationToken.None));
        Assert.Equal(UseCaseStatus.Done, renamed.Status);

        var leader = await factory.SignInAsync("lanhdao.hatinh");
        var now = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={province}&year=2022");
        Assert.NotEmpty(now.Nodes("//nav[contains(@class,'tree-choice')]"));
        Assert.Contains("Thành ủy (tên từ 2025)", now.TableText("by-addressed-body"));
        var then = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={province}&year=2022&units=then");
        Assert.Contains(old, then.TableText("by-addressed-body"));
        Assert.DoesNotContain("Thành ủy (tên từ 2025)", then.TableText("by-addressed-body"));
    }
}
