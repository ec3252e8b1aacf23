using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Reports;

/// <summary>
/// Issue 16, deliver 3: after the 2025 change, the summaries of periods before it read "as the units stood then" (each
/// meeting under the unit that held it, under that day's superior, with that day's names: ADR 0018) or "as they stand
/// now" (today's tree, the default).
/// </summary>
public sealed class SummaryAsThenTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int UnitId(string code) => factory.WithDb(db => db.Units.Single(u => u.Code == code).Id);

    [Fact]
    public async Task After_the_2025_change_the_2022_summaries_read_as_the_units_stood_then_or_as_they_stand_now()
    {
        var (province, district) = (UnitId("ha-tinh"), UnitId("tx-ky-anh"));
        var leader = await factory.SignInAsync("lanhdao.hatinh");
        var provinceBefore = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={province}&year=2022");
        var districtBefore = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={district}&year=2022");
        Assert.Contains("Thị xã Kỳ Anh", provinceBefore.TableText("children"));
        Assert.NotEqual("0", districtBefore.Cell("Kiến nghị"));
        // Before any change there is nothing to choose.
        Assert.Empty(provinceBefore.Nodes("//nav[contains(@class,'tree-choice')]"));

        var (newWard, _) = await HaTinh2025.ApplyAsync(factory);
        leader = await factory.SignInAsync("lanhdao.hatinh");

        // Now: Kỳ Phương's 2022 dialogue counts under the new ward; the retired town has no ward left below it.
        var provinceNow = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={province}&year=2022");
        Assert.Equal(provinceBefore.TableText("figures"), provinceNow.TableText("figures"));
        Assert.DoesNotContain("Thị xã Kỳ Anh", provinceNow.TableText("children"));
        Assert.Contains(HaTinh2025.NewWard, provinceNow.TableText("children"));
        Assert.NotEmpty(provinceNow.Nodes("//nav[contains(@class,'tree-choice')]"));
        var districtNow = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={district}&year=2022");
        Assert.Equal("0", districtNow.Cell("Kiến nghị"));

        // Then: every table as it was before the change, under the names of 31/12/2022, and no link into today's lists.
        var provinceThen = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={province}&year=2022&units=then");
        foreach (var table in new[] { "figures", "children", "scorecards", "by-theme" })
        {
            Assert.Equal(provinceBefore.TableText(table), provinceThen.TableText(table));
        }

        Assert.DoesNotContain(HaTinh2025.NewWard, provinceThen.TableText("children"));
        Assert.Empty(provinceThen.Nodes("//main//table//a"));
        // An official report of 2022 counts the units as they stood then (ADR 0018): it is frozen from this view, not today's.
        Assert.NotEmpty(provinceThen.Nodes("//a[contains(@href,'confirmFreeze')]"));
        Assert.Empty(provinceNow.Nodes("//form[contains(@class,'freeze-form')] | //a[contains(@href,'confirmFreeze')]"));
        var districtThen = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={district}&year=2022&units=then");
        Assert.Equal(districtBefore.TableText("figures"), districtThen.TableText("figures"));
        Assert.Equal(districtBefore.TableText("children"), districtThen.TableText("children"));

        // The export of the "then" summary carries the same figures.
        var csv = System.Text.Encoding.UTF8.GetString(await leader.GetByteArrayAsync($"/Reports/Quarterly?handler=Export&format=csv&unit={district}&year=2022&units=then"));
        Assert.Contains("Thị xã Kỳ Anh", csv);

        // A period not yet over is counted on today's tree only: nothing to choose.
        var after = await leader.GetHtmlAsync($"/Reports/Quarterly?unit={newWard}&year=2026&units=then");
        Assert.Empty(after.Nodes("//nav[contains(@class,'tree-choice')]"));
    }
}
