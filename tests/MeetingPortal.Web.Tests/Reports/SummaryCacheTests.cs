using System.Text.Json;
using MeetingPortal.Application.Reports;
using MeetingPortal.Domain.Calendar;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Domain.Reports;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Infrastructure.Scope;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Reports;

/// <summary>
/// Issue 15, deliver 9: a summary is computed once per change of the records and reused, and the reused figures are
/// always those a direct count gives, whatever changed (ADR 0016).
/// </summary>
public sealed class SummaryCacheTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly Actor By = new("test", new DateTime(2022, 9, 1, 3, 0, 0, DateTimeKind.Utc));

    private static readonly ReportPeriod[] Periods =
    [
        ReportPeriod.Of(new ReviewPeriod(PeriodKind.Year, 2022, 1)),
        ReportPeriod.Of(new ReviewPeriod(PeriodKind.Quarter, 2022, 2)),
        ReportPeriod.Of(new ReviewPeriod(PeriodKind.FirstMonths, 2022, 9)),
        ReportPeriod.Of(new ReviewPeriod(PeriodKind.Month, 2022, 8)),
        ReportPeriod.Range(new DateOnly(2022, 3, 1), new DateOnly(2022, 8, 31)),
    ];

    private static readonly string[] Units = ["ha-tinh", "tx-ky-anh", "p-ky-phuong", "tp-ha-tinh", "huyen-khong-neu-ten"];

    private async Task<(ComputedSummary Cached, ComputedSummary Direct)> BothAsync(string code, ReportPeriod period)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == code);
        var query = new Dictionary<string, string> { ["year"] = "2022" };
        var cached = await scope.ServiceProvider.GetRequiredService<SummaryCache>().GetAsync(new UnitScope(unit.Id, unit.Path), unit.Name, period, query, CancellationToken.None);
        var direct = await scope.ServiceProvider.GetRequiredService<SummaryDocuments>().ComputeAsync(new UnitScope(unit.Id, unit.Path), unit.Name, period, query, CancellationToken.None);
        return (cached, direct);
    }

    private void Change(Action<MeetingPortalDbContext> change)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
        change(db);
        db.SaveChanges();
    }

    [Fact]
    public async Task A_summary_is_reused_until_a_counted_record_changes_and_a_late_answer_to_a_closed_period_is_seen()
    {
        // The district's recommendations of 15/8/2022 wait for an answer.
        var (id, code) = factory.WithDb(db => db.Recommendations.Where(r => r.Meeting!.HeldOn == new DateOnly(2022, 8, 15) && r.FirstAnsweredOn == null)
            .Select(r => new { r.Id, r.Meeting!.Unit!.Code }).AsEnumerable().Select(r => (r.Id, r.Code)).First());
        var period = ReportPeriod.Of(new ReviewPeriod(PeriodKind.Year, 2022, 1));
        var first = (await BothAsync(code, period)).Cached;
        Assert.Same(first, (await BothAsync(code, period)).Cached);

        // Removing a notification changes no figure: the summary is still reused.
        Change(db => db.Notifications.RemoveRange(db.Notifications.Take(1)));
        Assert.Same(first, (await BothAsync(code, period)).Cached);

        // One answer comes, late, in 2026: the 2022 summary counts it at once.
        Change(db =>
        {
            var r = db.Recommendations.Include(x => x.Meeting).Single(x => x.Id == id);
            r.Respond(ResponseKind.Accepted, new DateOnly(2026, 11, 2), r.AddressedToOrganisationId, null, "Trả lời muộn", By);
        });
        var (cached, direct) = await BothAsync(code, period);
        Assert.NotSame(first, cached);
        Assert.Equal(first.Current.Answered + 1, cached.Current.Answered);
        Assert.Equal(JsonSerializer.Serialize(direct.Document), JsonSerializer.Serialize(cached.Document));
    }

    [Fact]
    public async Task After_random_changes_every_cached_summary_equals_a_direct_count()
    {
        var random = new Random(20261130);
        for (var round = 0; round < 16; round++)
        {
            // Every summary read once, so that a stale one would be found after the change.
            foreach (var code in Units)
            {
                foreach (var period in Periods)
                {
                    await BothAsync(code, period);
                }
            }

            var kind = random.Next(5);
            Change(db =>
            {
                switch (kind)
                {
                    case 0:
                        {
                            // An answer, possibly long after its period closed.
                            var open = db.Recommendations.Include(r => r.Meeting).Where(r => r.FirstAnsweredOn == null && r.Meeting!.Status == MeetingStatus.Published).ToList();
                            if (open.Count > 0)
                            {
                                var r = open[random.Next(open.Count)];
                                r.Respond(ResponseKind.Accepted, r.Meeting!.HeldOn.AddDays(random.Next(1, 900)), r.AddressedToOrganisationId, null, "Trả lời", By);
                            }

                            break;
                        }

                    case 1:
                        {
                            // A published meeting with recommendations, some given a due date already past.
                            var units = db.Units.Where(u => u.MergedIntoId == null && Units.Contains(u.Code)).ToList();
                            var unit = units[random.Next(units.Count)];
                            var body = db.Organisations.First(o => o.UnitId == unit.Id || o.Unit!.ParentId == unit.Id);
                            var meeting = new Meeting(unit.Id, MeetingType.Dialogue, $"Đối thoại ngẫu nhiên {round}", new DateOnly(2022, 1, 3).AddDays(random.Next(0, 360))) { HostOrganisationId = body.Id };
                            var speech = meeting.AddSpeech(SpeechKind.Opinion, "Ý kiến", null, null, null);
                            var items = Enumerable.Range(0, random.Next(1, 4)).Select(i => meeting.RaiseRecommendation(speech, $"Kiến nghị ngẫu nhiên {round}-{i}", null, null)).ToList();
                            meeting.Publish(By.AtUtc);
                            db.Meetings.Add(meeting);
                            db.SaveChanges();
                            foreach (var item in items.Where(_ => random.Next(2) == 0))
                            {
                                item.AssignTo(body.Id, Deadline.Given(meeting.HeldOn.AddDays(random.Next(5, 60))), By);
                            }

                            break;
                        }

                    case 2:
                        {
                            var organisations = db.Organisations.ToList();
                            var organisation = organisations[random.Next(organisations.Count)];
                            organisation.Name = $"{organisation.Name.Split(" (đổi tên")[0]} (đổi tên {round})";
                            break;
                        }

                    case 3:
                        {
                            var themes = db.Themes.ToList();
                            var theme = themes[random.Next(themes.Count)];
                            theme.Name = $"{theme.Name.Split(" (đổi tên")[0]} (đổi tên {round})";
                            break;
                        }

                    default:
                        {
                            // A recommendation moved to another theme, or given a due date.
                            var all = db.Recommendations.Include(r => r.Meeting).Where(r => r.Meeting!.Status == MeetingStatus.Published).ToList();
                            var r = all[random.Next(all.Count)];
                            var themes = db.Themes.Select(t => t.Id).ToList();
                            r.ThemeId = themes[random.Next(themes.Count)];
                            break;
                        }
                }
            });

            foreach (var code in Units)
            {
                foreach (var period in Periods)
                {
                    var (cached, direct) = await BothAsync(code, period);
                    Assert.True(JsonSerializer.Serialize(direct.Document) == JsonSerializer.Serialize(cached.Document), $"round {round}, change {kind}: {code} {period.Start}..{period.End}");
                }
            }
        }
    }
}
