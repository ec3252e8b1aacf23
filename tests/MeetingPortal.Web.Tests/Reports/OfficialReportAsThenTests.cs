using System.Net;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Reports;

/// <summary>
/// Issue 16, deliver 3 (trial): lanhdao.kyanh (the district retired in 2025) froze "Năm 2022" after the change and the
/// report said "Hội nghị 0" while the units as they stood then held 1, and the freeze was offered only on today's view.
/// An official report counts the units as they stood on the period's last day (ADR 0018) and says so in its title;
/// when nothing changed since, that is today's tree (the freeze tests of issue 15 keep it so).
/// </summary>
public sealed class OfficialReportAsThenTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>The 2025 change, applied once for the class's database whichever test runs first.</summary>
    private async Task AppliedAsync()
    {
        if (!factory.WithDb(db => db.Units.Any(u => u.Code == "p-moi-ky-anh")))
        {
            await HaTinh2025.ApplyAsync(factory);
        }
    }

    [Fact]
    public async Task Ky_Anh_freezing_2022_after_the_change_freezes_the_units_as_they_stood_on_31_December_2022()
    {
        var district = factory.WithDb(db => db.Units.Single(u => u.Code == "tx-ky-anh").Id);
        await AppliedAsync();
        var leader = await factory.SignInAsync("lanhdao.kyanh");
        var url = $"/Reports/Quarterly?unit={district}&year=2022";

        // Today's view counts the town's subtree as it stands (its ward merged away): it points to the view to freeze.
        var now = await leader.GetHtmlAsync(url);
        Assert.Equal("0", now.Cell("Hội nghị"));
        Assert.Empty(now.Nodes("//a[contains(@href,'confirmFreeze')] | //form[contains(@class,'freeze-form')]"));
        Assert.NotEmpty(now.Nodes("//a[contains(@href,'units=then') and contains(normalize-space(),'Báo cáo chính thức')]"));

        var then = await leader.GetHtmlAsync(url + "&units=then");
        Assert.Equal("1", then.Cell("Hội nghị"));
        var frozen = await leader.FreezeAsync(url + "&units=then");
        Assert.Equal(HttpStatusCode.Redirect, frozen.StatusCode);
        var report = await leader.GetHtmlAsync(frozen.Headers.Location!.OriginalString);
        Assert.Equal("1", report.Cell("Hội nghị"));
        Assert.Equal(then.TableText("figures"), report.TableText("figures"));
        Assert.Contains("theo các đơn vị như ngày 31/12/2022", factory.WithDb(db => db.Snapshots.Single(s => s.UnitId == district).Title), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_province_half_year_frozen_after_the_change_keeps_the_child_rows_of_its_day()
    {
        var province = factory.WithDb(db => db.Units.Single(u => u.Code == "ha-tinh").Id);
        await AppliedAsync();

        var leader = await factory.SignInAsync("lanhdao.hatinh");
        var url = $"/Reports/Quarterly?unit={province}&year=2022&half=1";
        var then = await leader.GetHtmlAsync(url + "&units=then");
        var frozen = await leader.FreezeAsync(url + "&units=then");
        Assert.Equal(HttpStatusCode.Redirect, frozen.StatusCode);
        var report = await leader.GetHtmlAsync(frozen.Headers.Location!.OriginalString);
        Assert.Equal(then.TableText("children"), report.TableText("children"));
    }
}
