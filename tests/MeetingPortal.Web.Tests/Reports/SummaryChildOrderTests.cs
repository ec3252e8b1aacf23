using HtmlAgilityPack;
using MeetingPortal.Application.Administration;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Common;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Reports;

/// <summary>
/// Issue 17, deliver 6: the summary's rows of child units kept the database's binary order, so "Phường Đông Hồng" came
/// after "Phường Kỳ Phương". Both readings (as the units stand and as they stood) now list them in Vietnamese order,
/// then by id (ADR 0021).
/// </summary>
public sealed class SummaryChildOrderTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly (string Code, string Name)[] Wards = [("p-hung-tri", "Phường Hưng Trí"), ("p-dong-hong", "Phường Đông Hồng")];

    private int UnitId(string code) => factory.WithDb(db => db.Units.Single(u => u.Code == code).Id);

    [Fact]
    public async Task The_child_units_of_a_summary_are_in_Vietnamese_order()
    {
        var (town, level) = (UnitId("tx-ky-anh"), factory.WithDb(db => db.UnitLevels.Single(l => l.Rank == 4).Id));
        foreach (var (code, name) in Wards)
        {
            var added = await factory.RunAsync<ChangeUnits, UseCaseResult>("quantri.kyanh", (uc, user) =>
                uc.AddAsync(user, new NewUnitInput { ParentId = town, LevelId = level, Code = code, Name = name }, CancellationToken.None));
            Assert.Equal(UseCaseStatus.Done, added.Status);
        }

        var leader = await factory.SignInAsync("lanhdao.kyanh");
        var page = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={town}&year=2026");

        var rows = page.Nodes("//table[contains(@class,'children')]/tbody/tr/th").Select(th => HtmlEntity.DeEntitize(th.InnerText).Trim()).ToList();
        Assert.True(rows.IndexOf("Phường Đông Hồng") >= 0 && rows.IndexOf("Phường Đông Hồng") < rows.IndexOf("Phường Hưng Trí"), string.Join(" | ", rows));
        Assert.True(rows.IndexOf("Phường Hưng Trí") < rows.IndexOf("Phường Kỳ Phương"), string.Join(" | ", rows));
        Assert.Equal(rows.ByName(r => r), rows);
    }
}
