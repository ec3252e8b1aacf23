using System.Net;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Recommendations;

/// <summary>
/// Issue 13, fault 6: the domain takes an acceptance or explanation after a resolution, the page offered no
/// form for it. The page now asks the domain which replies the status takes.
/// </summary>
public sealed class RespondToRecommendationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_resolved_recommendation_offers_and_takes_an_explanation_and_nothing_else()
    {
        var id = factory.WithDb(db => db.Recommendations.Where(r => r.Meeting!.Unit!.Code == "p-ky-phuong").OrderBy(r => r.Id).Select(r => r.Id).First());
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
            var r = await db.Recommendations.Include(x => x.Meeting).Include(x => x.Responses).Include(x => x.Events).AsSplitQuery().SingleAsync(x => x.Id == id);
            var by = new Actor("test", DateTime.UtcNow);
            r.Reopen("kiểm tra", by);
            r.Respond(ResponseKind.Resolved, new DateOnly(2022, 8, 1), r.AddressedToOrganisationId, null, "Đã bố trí kinh phí", by);
            await db.SaveChangesAsync();
        }

        var responder = await factory.SignInAsync("traloi.kyphuong");
        var page = await responder.GetHtmlAsync($"/Recommendations/{id}");
        var options = page.Nodes("//select[@id='respond-kind']/option").Select(o => o.GetAttributeValue("value", "")).ToList();
        Assert.Equal(["Accepted", "Explained"], options);

        var form = HtmlForm.From(page, $"/Recommendations/{id}", "//form[contains(@action,'handler=Respond')]");
        form["Respond.Content"] = "Giải trình thêm về nguồn kinh phí";
        MultipartFormDataContent Content()
        {
            var content = new MultipartFormDataContent();
            foreach (var (name, value) in form.Fields)
            {
                content.Add(new StringContent(value), name);
            }

            return content;
        }

        // A refusal posted by hand after the resolution: a message beside the kind, nothing saved.
        form["Respond.Kind"] = "Declined";
        using (var declined = Content())
        {
            var refused = await responder.PostAsync(form.Action, declined);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var message = Html.Parse(await refused.Content.ReadAsStringAsync()).Node("//*[@id='respond-kind-error']").InnerText;
            Assert.Contains("Tiếp thu", message, StringComparison.Ordinal);
            Assert.Equal(1, factory.WithDb(db => db.Responses.Count(x => x.RecommendationId == id && x.Content == "Đã bố trí kinh phí")));
        }

        form["Respond.Kind"] = "Explained";
        using var explained = Content();
        Assert.Equal(HttpStatusCode.Redirect, (await responder.PostAsync(form.Action, explained)).StatusCode);
        factory.WithDb(db =>
        {
            var r = db.Recommendations.Include(x => x.Responses).Single(x => x.Id == id);
            Assert.Equal(RecommendationStatus.Resolved, r.Status);
            Assert.Equal(ResponseKind.Explained, r.Responses.OrderBy(x => x.Id).Last().Kind);
            return 0;
        });
    }
}
