using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>Figures against lists on data made at random (but repeatably) across the province's units.</summary>
public sealed class GeneratedSummaryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task GenerateAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        if (await db.Meetings.AnyAsync(m => m.Title.StartsWith("Sinh tự động")))
        {
            return;
        }

        var random = new Random(20261121);
        List<string> codes = ["ha-tinh", "tp-ha-tinh", "p-tran-phu", "p-bac-ha", "tx-hong-linh", "tx-ky-anh", "p-ky-phuong"];
        var units = await db.Units.Where(u => codes.Contains(u.Code)).ToListAsync();
        var themes = await db.Themes.Select(t => t.Id).ToListAsync();
        var by = new Actor("generator", DateTime.UtcNow);
        foreach (var unit in units)
        {
            var raiser = db.Organisations.Add(new MeetingPortal.Domain.Organisations.Organisation(unit.Id, $"MTTQ sinh tự động {unit.Code}", MeetingPortal.Domain.Organisations.OrganisationKind.FatherlandFront)).Entity;
            var body = db.Organisations.Add(new MeetingPortal.Domain.Organisations.Organisation(unit.Id, $"Cấp ủy sinh tự động {unit.Code}", MeetingPortal.Domain.Organisations.OrganisationKind.PartyCommittee)).Entity;
            await db.SaveChangesAsync();
            for (var i = 0; i < 6; i++)
            {
                var heldOn = new DateOnly(2023, 1, 2).AddDays(random.Next(0, 360));
                var meeting = new Meeting(unit.Id, (MeetingType)random.Next(1, 4), $"Sinh tự động {unit.Code} {i}", heldOn) { HostOrganisationId = body.Id };
                var speech = meeting.AddSpeech(SpeechKind.Recommendation, "Nội dung sinh tự động", null, null, raiser.Id);
                // Answers come to published records only (Recommendation.IsFollowed).
                meeting.Publish(DateTime.UtcNow);
                for (var j = random.Next(0, 5); j > 0; j--)
                {
                    var r = meeting.RaiseRecommendation(speech, $"Kiến nghị sinh tự động {random.Next()}", raiser.Id, null);
                    r.ThemeId = themes[random.Next(themes.Count)];
                    if (random.Next(4) == 0)
                    {
                        continue;
                    }

                    r.AssignTo(body.Id, heldOn.AddDays(random.Next(5, 500)), by);
                    switch (random.Next(4))
                    {
                        case 0:
                            r.Respond(ResponseKind.Accepted, heldOn.AddDays(random.Next(1, 60)), body.Id, null, "Tiếp thu", by);
                            break;
                        case 1:
                            r.Respond(ResponseKind.Explained, heldOn.AddDays(random.Next(1, 30)), body.Id, null, "Giải trình", by);
                            r.Respond(ResponseKind.Resolved, heldOn.AddDays(random.Next(30, 120)), body.Id, null, "Đã xong", by);
                            break;
                        case 2:
                            r.Respond(ResponseKind.InProgress, heldOn.AddDays(random.Next(1, 30)), body.Id, null, "Đang làm", by);
                            break;
                    }
                }

                meeting.AddDirective("Nhiệm vụ sinh tự động", [raiser.Id], heldOn.AddDays(30));
                meeting.RefreshSearchText();
                db.Meetings.Add(meeting);
            }
        }

        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("ha-tinh", "year=2023")]
    [InlineData("ha-tinh", "year=2023&quarter=2")]
    [InlineData("tp-ha-tinh", "year=2023&half=2")]
    [InlineData("p-ky-phuong", "year=2023")]
    [InlineData("ha-tinh", "year=2023&month=5")]
    [InlineData("tx-ky-anh", "year=2023&months=9")]
    [InlineData("ha-tinh", "from=2023-02-10&to=2023-07-20")]
    public async Task Every_figure_equals_the_length_of_its_list(string unitCode, string period)
    {
        await GenerateAsync();
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == unitCode).Id);
        var leader = await factory.SignInAsync("lanhdao.hatinh");
        var summary = $"/Reports/Quarterly?unit={unit}&{period}";
        Assert.Contains((await leader.GetHtmlAsync(summary)).Nodes("//a[contains(@class,'figure')]"), f => f.GetAttributeValue("data-count", "0") != "0");
        // Issue 15, item 6: each list also shows the link's criteria and keeps them when its form is submitted.
        await DrillDown.AssertEveryFigureHoldsAsync(leader, summary);
    }
}
