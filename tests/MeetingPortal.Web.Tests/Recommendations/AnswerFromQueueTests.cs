using System.Net;
using HtmlAgilityPack;
using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Recommendations;

/// <summary>
/// Issue 17, deliver 4: the queue keeps the responder in it. An answer posted from the queue is recorded and
/// the queue comes back with the next item focused; a refused answer shows the queue again with the message at
/// that item and the typed text kept. (Before, the queue posted to the recommendation's page and left the queue.)
/// </summary>
public sealed class AnswerFromQueueTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Responder = "traloi.kyphuong";

    [Fact]
    public async Task An_answer_is_recorded_and_the_queue_comes_back_with_the_next_item_focused()
    {
        await factory.ReopenAnsweredAsync(Responder);
        var client = await factory.SignInAsync(Responder);
        var queue = await client.GetHtmlAsync("/Recommendations/Queue");
        var ids = ItemIds(queue);
        Assert.True(ids.Count >= 2, $"the demo responder's queue has {ids.Count} items");
        var (first, second) = (ids[0], ids[1]);

        var answered = await PostAnswerAsync(client, queue, first, "Đảng ủy tiếp thu, giao UBND phường thực hiện.");

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var location = answered.Headers.Location!.OriginalString;
        Assert.StartsWith("/Recommendations/Queue?", location, StringComparison.Ordinal);
        Assert.Contains($"next={second}", location, StringComparison.Ordinal);
        Assert.DoesNotContain("#", location, StringComparison.Ordinal);
        Assert.Equal(RecommendationStatus.Answered, factory.WithDb(db => db.Recommendations.Single(r => r.Id == first).Status));

        var back = await client.GetHtmlAsync(location);
        Assert.Contains("Đã ghi nhận trả lời.", back.Node("//p[contains(@class,'status-message')]").InnerText, StringComparison.Ordinal);
        Assert.DoesNotContain(first, ItemIds(back));
        var focused = back.Nodes("//*[@autofocus]");
        Assert.Equal($"kind-{second}", Assert.Single(focused).GetAttributeValue("id", ""));
    }

    [Fact]
    public async Task A_refused_answer_is_shown_at_its_item_with_the_typed_text_kept_and_nothing_saved()
    {
        await factory.ReopenAnsweredAsync(Responder);
        var client = await factory.SignInAsync(Responder);
        var queue = await client.GetHtmlAsync("/Recommendations/Queue");
        var ids = ItemIds(queue);
        var item = ids[^1];
        var before = factory.WithDb(db => (db.Responses.Count(), db.Recommendations.Single(r => r.Id == item).Version));

        // Longer than an answer may be: refused by the use case's validator.
        var typed = string.Concat(Enumerable.Repeat("Trả lời quá dài. ", (Response.ContentMaxLength / 17) + 1));
        var refused = await PostAnswerAsync(client, queue, item, typed);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(ids, ItemIds(page));
        Assert.False(string.IsNullOrWhiteSpace(page.Node($"//*[@id='content-error-{item}']").InnerText));
        Assert.Single(page.Nodes("//*[starts-with(@id,'content-error-')]"));
        var textarea = page.Node($"//textarea[@id='content-{item}']");
        Assert.Equal(typed, HtmlEntity.DeEntitize(textarea.InnerText).TrimStart('\n'));
        Assert.Equal("true", textarea.GetAttributeValue("aria-invalid", ""));
        Assert.Equal($"content-{item}", Assert.Single(page.Nodes("//*[@autofocus]")).GetAttributeValue("id", ""));
        Assert.Equal(before, factory.WithDb(db => (db.Responses.Count(), db.Recommendations.Single(r => r.Id == item).Version)));

        // An empty answer: the same, at its item.
        var empty = Html.Parse(await (await PostAnswerAsync(client, queue, item, "")).Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(empty.Node($"//*[@id='content-error-{item}']").InnerText));
        Assert.Equal(before, factory.WithDb(db => (db.Responses.Count(), db.Recommendations.Single(r => r.Id == item).Version)));
    }

    private static List<int> ItemIds(HtmlDocument queue) =>
        queue.Nodes("//article[contains(@class,'queue-item')]/h2")
            .Select(h => int.Parse(h.GetAttributeValue("id", "")["item-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static Task<HttpResponseMessage> PostAnswerAsync(HttpClient client, HtmlDocument queue, int id, string content)
    {
        var form = queue.Node($"//article[h2[@id='item-{id}']]//form");
        var action = WebUtility.HtmlDecode(form.GetAttributeValue("action", ""));
        Assert.Contains("handler=Answer", action, StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(form.SelectSingleNode(".//input[@name='__RequestVerificationToken']")!.GetAttributeValue("value", "")),
            ["Respond.Version"] = form.SelectSingleNode(".//input[@name='Respond.Version']")!.GetAttributeValue("value", ""),
            ["Respond.Kind"] = "Accepted",
            ["Respond.Content"] = content,
        };
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
