using System.Globalization;
using System.Net;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Meetings;

/// <summary>
/// Issue 13, fault 4: posting the meeting form with another unit's id made the page list that unit's
/// organisations and people among its suggestions. The names come from a query that asks who wants them.
/// </summary>
public sealed class MeetingFormScopeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("tp-ha-tinh")]
    [InlineData("thua-thien-hue")]
    [InlineData("tx-hong-linh")]
    public async Task Another_units_id_shows_none_of_its_names_and_saves_nothing(string otherUnit)
    {
        var (unitId, names) = factory.WithDb(db =>
        {
            var unit = db.Units.Single(u => u.Code == otherUnit);
            var own = db.Units.Where(u => new[] { "p-ky-phuong", "tx-ky-anh", "ha-tinh", "viet-nam" }.Contains(u.Code)).Select(u => u.Id).ToList();
            var ownNames = db.Organisations.Where(o => own.Contains(o.UnitId)).Select(o => o.Name).ToList();
            var theirs = db.Organisations.Where(o => o.UnitId == unit.Id).Select(o => o.Name)
                .Concat(db.People.Where(p => p.UnitId == unit.Id).Select(p => p.FullName)).ToList();
            return (unit.Id, theirs.Except(ownNames).ToList());
        });
        Assert.NotEmpty(names);
        var client = await factory.SignInAsync("thuky.kyphuong");
        var form = await HtmlForm.LoadAsync(client, "/Meetings/Create");
        form["Input.UnitId"] = unitId.ToString(CultureInfo.InvariantCulture);
        form["Input.Title"] = "Hội nghị của đơn vị khác";
        form["Input.Speeches[0].Content"] = "Ý kiến";
        var meetings = factory.WithDb(db => db.Meetings.Count());

        foreach (var op in new[] { "add-org", "save" })
        {
            var response = await form.PostAsync(client, op);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            var suggested = page.Nodes("//datalist/option").Select(o => HtmlAgilityPack.HtmlEntity.DeEntitize(o.GetAttributeValue("value", ""))).ToList();
            Assert.Empty(suggested.Intersect(names));
            if (op == "save")
            {
                Assert.NotEmpty(page.Node("//*[@id='unit-error']").InnerText.Trim());
            }
        }

        Assert.Equal(meetings, factory.WithDb(db => db.Meetings.Count()));
    }
}
