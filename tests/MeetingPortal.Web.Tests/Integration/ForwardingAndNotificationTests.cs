using System.Net;
using MeetingPortal.Domain.Notifications;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class ForwardingAndNotificationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int RecommendationId(string contentStart) => factory.WithDb(db => db.Recommendations.Single(r => r.Content.StartsWith(contentStart)).Id);

    private int OrganisationId(string name) => factory.WithDb(db => db.Organisations.Single(o => o.Name == name).Id);

    private static async Task<HttpResponseMessage> ActAsync(HttpClient client, int id, string handler, Dictionary<string, string> fields)
    {
        var html = await client.GetHtmlAsync($"/Recommendations/{id}");
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(html.Node("//input[@name='__RequestVerificationToken']").GetAttributeValue("value", "")),
        };
        var version = html.Nodes("//input[contains(@name,'.Version')]") is [var first, ..] ? first.GetAttributeValue("value", "0") : "0";
        foreach (var prefix in new[] { "Assign", "Respond", "Reason", "Forward" })
        {
            form.TryAdd($"{prefix}.Version", version);
        }

        return await client.PostAsync($"/Recommendations/{id}?handler={handler}", new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task A_body_forwards_up_a_level_and_the_receiver_returns_it_with_every_hop_kept()
    {
        var id = RecommendationId("Do chế độ phụ cấp theo Nghị định 34");
        var tracker = await factory.SignInAsync("theodoi.kyphuong");
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(tracker, id, "Reopen", new() { ["Reason.Text"] = "Chưa có giải pháp" })).StatusCode);
        var dueBefore = factory.WithDb(db => db.Recommendations.Single(r => r.Id == id).DueOn);

        var responder = await factory.SignInAsync("traloi.kyphuong");
        var missingReason = await ActAsync(responder, id, "Forward", new() { ["Forward.OrganisationId"] = OrganisationId("Ban Dân vận Thị ủy").ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, missingReason.StatusCode);
        Assert.Equal(OrganisationId("Đảng ủy phường Kỳ Phương"), factory.WithDb(db => db.Recommendations.Single(r => r.Id == id).AddressedToOrganisationId));

        var forwarded = await ActAsync(responder, id, "Forward", new()
        {
            ["Forward.OrganisationId"] = OrganisationId("Ban Dân vận Thị ủy").ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Forward.Reason"] = "Chế độ phụ cấp thuộc thẩm quyền cấp trên",
        });
        Assert.Equal(HttpStatusCode.Redirect, forwarded.StatusCode);
        factory.WithDb(db =>
        {
            var r = db.Recommendations.Single(x => x.Id == id);
            Assert.Equal(OrganisationId("Ban Dân vận Thị ủy"), r.AddressedToOrganisationId);
            Assert.Equal(RecommendationStatus.Assigned, r.Status);
            Assert.NotNull(r.DueOn);
            Assert.Single(db.RecommendationHops.Where(h => h.RecommendationId == id));
            return 0;
        });

        // The raising ward still sees it, with the hop.
        var page = await tracker.GetHtmlAsync($"/Recommendations/{id}");
        Assert.Contains("Đảng ủy phường Kỳ Phương → Ban Dân vận Thị ủy", page.Text(), StringComparison.Ordinal);

        var admin = await factory.SignInAsync("quantri.toanquoc");
        var returned = await ActAsync(admin, id, "Return", new() { ["Reason.Text"] = "Đề nghị phường vận động xã hội hóa" });
        Assert.True(returned.StatusCode == HttpStatusCode.Redirect, Html.Parse(await returned.Content.ReadAsStringAsync()).Nodes("//div[@class='error-summary']") is [var e, ..] ? e.InnerText : "no message");
        factory.WithDb(db =>
        {
            var r = db.Recommendations.Single(x => x.Id == id);
            Assert.Equal(OrganisationId("Đảng ủy phường Kỳ Phương"), r.AddressedToOrganisationId);
            Assert.Equal(dueBefore, r.DueOn);
            Assert.NotNull(db.RecommendationHops.Single(h => h.RecommendationId == id).ReturnedAtUtc);
            return 0;
        });
        Assert.Contains("Đề nghị phường vận động xã hội hóa", (await tracker.GetHtmlAsync($"/Recommendations/{id}")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_body_hears_of_a_reopening_the_raising_unit_hears_of_an_answer_and_the_bell_counts_unread()
    {
        var id = RecommendationId("Công tác tập hợp, thu hút hội viên");
        var responder = await factory.SignInAsync("traloi.kyphuong");
        await MarkAllReadAsync(responder);
        var tracker = await factory.SignInAsync("theodoi.kyphuong");
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(tracker, id, "Reopen", new() { ["Reason.Text"] = "Chưa rõ biện pháp" })).StatusCode);

        var bell = (await responder.GetHtmlAsync("/Meetings")).Node("//a[@class='bell']").InnerText;
        Assert.Contains("1 chưa đọc", HtmlAgilityPack.HtmlEntity.DeEntitize(bell), StringComparison.Ordinal);
        var list = await responder.GetHtmlAsync("/Notifications");
        Assert.Contains("Kiến nghị được mở lại", list.Text(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(responder, id, "Respond", new() { ["Respond.Kind"] = "Explained", ["Respond.Content"] = "Giao các chi hội rà soát danh sách" })).StatusCode);
        var recorderId = factory.WithDb(db => db.Users.Single(u => u.UserName == "thuky.kyphuong").Id);
        var trackerId = factory.WithDb(db => db.Users.Single(u => u.UserName == "theodoi.kyphuong").Id);
        factory.WithDb(db =>
        {
            Assert.Contains(db.Notifications.Where(n => n.RecommendationId == id && n.Kind == NotificationKind.Answered).Select(n => n.UserId), u => u == recorderId);
            Assert.Contains(db.Notifications.Where(n => n.RecommendationId == id && n.Kind == NotificationKind.Answered).Select(n => n.UserId), u => u == trackerId);
            Assert.DoesNotContain(db.Notifications.Where(n => n.RecommendationId == id && n.Kind == NotificationKind.Answered), n => n.UserId == db.Users.Single(u => u.UserName == "traloi.kyphuong").Id);
            return 0;
        });

        await MarkAllReadAsync(responder);
        Assert.Contains("0 chưa đọc", HtmlAgilityPack.HtmlEntity.DeEntitize((await responder.GetHtmlAsync("/Meetings")).Node("//a[@class='bell']").InnerText), StringComparison.Ordinal);
    }

    private static async Task MarkAllReadAsync(HttpClient client)
    {
        var token = await client.GetAntiforgeryTokenAsync("/Notifications");
        var response = await client.PostAsync("/Notifications?handler=ReadAll", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Nobody_opens_another_users_notification()
    {
        var someone = factory.WithDb(db => db.Users.Single(u => u.UserName == "theodoi.tphatinh").Id);
        var recommendation = RecommendationId("Công tác cán bộ của hội ở cơ sở");
        long id;
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(factory.Services))
        {
            var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<MeetingPortal.Infrastructure.Persistence.MeetingPortalDbContext>(scope.ServiceProvider);
            var n = new Notification(someone, NotificationKind.Answered, recommendation, "riêng", DateTime.UtcNow);
            db.Notifications.Add(n);
            await db.SaveChangesAsync();
            id = n.Id;
        }

        var other = await factory.SignInAsync("theodoi.kyphuong");
        var token = await other.GetAntiforgeryTokenAsync("/Notifications");
        var response = await other.PostAsync($"/Notifications?handler=Read&id={id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(factory.WithDb(db => db.Notifications.Single(n => n.Id == id).ReadAtUtc));
    }
}
