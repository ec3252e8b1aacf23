using System.Net;
using System.Net.Http.Headers;
using MeetingPortal.Web.Infrastructure;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>
/// Issue 14, item 6, on the real server: Kestrel enforces [RequestSizeLimit] itself (the test server does not), and a
/// body past it fails as the form is read with its own exception (BadHttpRequestException, 413), not the form
/// reader's. It answers 413 with the attachment message all the same.
/// </summary>
public sealed class RequestLimitsOnKestrelTests : IDisposable
{
    private readonly TemporaryDataDirectory _data = new("limits");

    [Fact]
    public async Task An_attachment_past_the_request_limit_answers_413_with_the_20_MB_message_on_kestrel()
    {
        await using var portal = await PortalProcess.StartAsync(_data.Path);
        using var client = portal.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostSignInAsync("thuky.kyphuong", PortalFactory.DemoPassword)).StatusCode);
        var meetings = Html.Parse(await client.GetStringAsync("/Meetings"));
        var link = meetings.Nodes("//a[contains(@href, '/Meetings/')]").Select(a => a.GetAttributeValue("href", ""))
            .First(href => System.Text.RegularExpressions.Regex.IsMatch(href, @"^/Meetings/\d+$"));

        var token = await client.GetAntiforgeryTokenAsync(link + "/Attachments");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var big = new byte[RequestLimits.AttachmentPostBytes + 10];
        "%PDF-1.4"u8.ToArray().CopyTo(big, 0);
        var file = new ByteArrayContent(big);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "Biên bản họp ngày 1/2.pdf");

        var response = await client.PostAsync(link + "/Attachments", content);
        await BadInputTests.AssertRefusedAsync(response, "Tệp quá lớn: mỗi tệp không quá 20 MB.");
        // The request's log line is written as the answer ends, possibly after the client has read it.
        var logged = $"HTTP POST {link}/Attachments responded 413";
        for (var wait = 0; wait < 100 && !portal.Output.Contains(logged, StringComparison.Ordinal); wait++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(logged, portal.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();
}
