using System.Net;
using MeetingPortal.Domain.Notifications;
using MeetingPortal.Web.Tests.Plans;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Raising;

/// <summary>
/// Issue 18 trial (ADR 0026): a Raiser belongs to a body, not a unit, so the bell words what it hears of their body's
/// recommendations (answers, roadmaps, milestones) for the body; the raising unit's staff keep the unit's wording.
/// </summary>
public sealed class RaiserNotificationsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_bell_words_a_raisers_notifications_for_their_body_and_the_units_for_the_unit()
    {
        var meeting = factory.KyPhuongMeeting();
        var recommendation = factory.WithDb(db => db.Recommendations.Where(r => r.MeetingId == meeting).OrderBy(r => r.Id).Select(r => r.Id).First());
        factory.RaisedBy(recommendation, factory.BodyOf(PortalRoutes.RaiserUser));
        var kinds = new[] { NotificationKind.Answered, NotificationKind.RoadmapPlanned, NotificationKind.MilestoneDone };
        foreach (var user in new[] { PortalRoutes.RaiserUser, "theodoi.kyphuong" })
        {
            factory.WithDb(db =>
            {
                var userId = db.Users.Where(u => u.UserName == user).Select(u => u.Id).Single();
                foreach (var kind in kinds)
                {
                    db.Notifications.Add(new Notification(userId, kind, recommendation, "Kiến nghị về thoát nước", DateTime.UtcNow));
                }

                return db.SaveChanges();
            });
        }

        var raiserBell = (await (await factory.SignInAsync(PortalRoutes.RaiserUser)).GetHtmlAsync("/Notifications")).Text();
        Assert.Contains("Kiến nghị của tổ chức bạn đã có trả lời", raiserBell, StringComparison.Ordinal);
        Assert.Contains("Kiến nghị của tổ chức bạn đã có lộ trình giải quyết", raiserBell, StringComparison.Ordinal);
        Assert.Contains("Một mốc lộ trình giải quyết kiến nghị của tổ chức bạn đã hoàn thành", raiserBell, StringComparison.Ordinal);
        Assert.DoesNotContain("đơn vị bạn", raiserBell, StringComparison.Ordinal);

        var trackerBell = (await (await factory.SignInAsync("theodoi.kyphuong")).GetHtmlAsync("/Notifications")).Text();
        Assert.Contains("Kiến nghị của đơn vị bạn đã có trả lời", trackerBell, StringComparison.Ordinal);
        Assert.Contains("Kiến nghị của đơn vị bạn đã có lộ trình giải quyết", trackerBell, StringComparison.Ordinal);
        Assert.DoesNotContain("tổ chức bạn", trackerBell, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_a_raisers_notification_read_leads_to_their_own_page_of_the_item_not_the_committees()
    {
        var meeting = factory.KyPhuongMeeting();
        var recommendation = factory.WithDb(db => db.Recommendations.Where(r => r.MeetingId == meeting).OrderBy(r => r.Id).Select(r => r.Id).Skip(1).First());
        factory.RaisedBy(recommendation, factory.BodyOf(PortalRoutes.RaiserUser));
        var id = factory.WithDb(db =>
        {
            var userId = db.Users.Where(u => u.UserName == PortalRoutes.RaiserUser).Select(u => u.Id).Single();
            var n = new Notification(userId, NotificationKind.Answered, recommendation, "Kiến nghị về điện chiếu sáng", DateTime.UtcNow);
            db.Notifications.Add(n);
            db.SaveChanges();
            return n.Id;
        });

        var raiser = await factory.SignInAsync(PortalRoutes.RaiserUser);
        var read = await raiser.PostFieldsAsync("/Notifications", $"/Notifications?handler=Read&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Equal($"/Raising/Recommendation/{recommendation}", read.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await raiser.GetAsync(read.Headers.Location!.OriginalString)).StatusCode);
    }
}
