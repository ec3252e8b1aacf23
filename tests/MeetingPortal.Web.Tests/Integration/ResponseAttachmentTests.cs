using System.Net;
using System.Net.Http.Headers;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class ResponseAttachmentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();

    private static async Task<HttpResponseMessage> RespondAsync(HttpClient client, int id, string content, string fileName, byte[] bytes)
    {
        var html = await client.GetHtmlAsync($"/Recommendations/{id}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(html.Node("//input[@name='__RequestVerificationToken']").GetAttributeValue("value", ""))), "__RequestVerificationToken" },
            { new StringContent(html.Node("//input[@name='Respond.Version']").GetAttributeValue("value", "")), "Respond.Version" },
            { new StringContent("Explained"), "Respond.Kind" },
            { new StringContent(content), "Respond.Content" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "responseFile", fileName);
        return await client.PostAsync($"/Recommendations/{id}?handler=Respond", form);
    }

    [Fact]
    public async Task A_response_keeps_its_document_and_a_wrong_file_refuses_the_whole_response()
    {
        var id = factory.WithDb(db => db.Recommendations.Single(r => r.Content.StartsWith("Đề nghị huyện xem xét thành lập quỹ khuyến học")).Id);
        var admin = await factory.SignInAsync("quantri.toanquoc");

        var refused = await RespondAsync(admin, id, "Trả lời kèm tệp sai", "cong-van.pdf", "<html></html>"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEmpty(Html.Parse(await refused.Content.ReadAsStringAsync()).Node("//*[@id='respond-file-error']").InnerText.Trim());
        Assert.Equal(0, factory.WithDb(db => db.Responses.Count(r => r.RecommendationId == id)));

        // Issue 14, item 7: a slash in the name no longer cuts it ("123/UBND-VP.pdf" was stored as "UBND-VP.pdf").
        Assert.Equal(HttpStatusCode.Redirect, (await RespondAsync(admin, id, "UBND huyện đã có công văn trả lời", "Công văn 123/UBND-VP.pdf", Pdf)).StatusCode);
        var (responseId, attachment) = factory.WithDb(db =>
        {
            var response = db.Responses.Single(r => r.RecommendationId == id);
            return (response.Id, db.Attachments.Single(a => a.ResponseId == response.Id));
        });
        Assert.Equal("Công văn 123／UBND-VP.pdf", attachment.FileName);
        var page = await admin.GetHtmlAsync($"/Recommendations/{id}");
        var link = page.Nodes("//a").Single(a => a.InnerText == "Công văn 123／UBND-VP.pdf").GetAttributeValue("href", "");
        Assert.Equal(Pdf, await admin.GetByteArrayAsync(WebUtility.HtmlDecode(link)));
        Assert.True(responseId > 0);
    }

    /// <summary>
    /// Issue 14, item 6, on the second way a file comes in: a letter of 20–21 MB is refused beside its field with the
    /// answer typed kept; past the request limit it answers 413 with the same message. Nothing is stored either way.
    /// </summary>
    [Fact]
    public async Task An_oversized_letter_keeps_the_answer_typed_or_answers_413_with_the_same_message()
    {
        var id = factory.WithDb(db => db.Recommendations.Single(r => r.Content.StartsWith("Đề nghị huyện xem xét thành lập quỹ khuyến học")).Id);
        var admin = await factory.SignInAsync("quantri.toanquoc");
        const string typed = "Trả lời dài đã gõ, không được mất";
        var before = factory.WithDb(db => db.Responses.Count(r => r.RecommendationId == id));

        var readable = new byte[MeetingPortal.Domain.Meetings.Attachment.MaxSizeBytes + (512 * 1024)];
        Pdf.CopyTo(readable, 0);
        var refused = await RespondAsync(admin, id, typed, "Công văn 1/2.pdf", readable);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Tệp quá lớn: mỗi tệp không quá 20 MB.", page.Node("//*[@id='respond-file-error']").InnerText.Trim());
        Assert.Equal(typed, WebUtility.HtmlDecode(page.Node("//textarea[@name='Respond.Content']").InnerText).Trim());

        var unreadable = new byte[MeetingPortal.Web.Infrastructure.RequestLimits.AttachmentPostBytes + 10];
        Pdf.CopyTo(unreadable, 0);
        await BadInputTests.AssertRefusedAsync(await RespondAsync(admin, id, typed, "Công văn 1/2.pdf", unreadable), "Tệp quá lớn: mỗi tệp không quá 20 MB.");
        Assert.Equal(before, factory.WithDb(db => db.Responses.Count(r => r.RecommendationId == id)));
    }
}
