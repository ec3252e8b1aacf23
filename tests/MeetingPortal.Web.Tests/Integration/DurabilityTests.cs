using System.Net;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>
/// The portal runs as its own process; a meeting saved a moment before the process is killed with
/// SIGKILL (a power cut, an OOM kill) is still there when the portal starts again.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly TemporaryDataDirectory _data = new("kill");

    [Fact]
    public async Task A_saved_meeting_survives_a_sigkill_of_the_portal()
    {
        const string title = "Hội nghị lưu trước khi máy mất điện";
        await using (var portal = await PortalProcess.StartAsync(_data.Path))
        {
            using var client = portal.NewClient();
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostSignInAsync("thuky.kyphuong", PortalFactory.DemoPassword)).StatusCode);
            var form = await HtmlForm.LoadAsync(client, "/Meetings/Create");
            form["Input.Title"] = title;
            form["Input.Speeches[0].Content"] = "Nội dung phát biểu";
            Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(client, "save")).StatusCode);

            await portal.KillAsync();
        }

        await using var again = await PortalProcess.StartAsync(_data.Path);
        using var second = again.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostSignInAsync("thuky.kyphuong", PortalFactory.DemoPassword)).StatusCode);
        var found = (await second.GetHtmlAsync("/Meetings?q=" + Uri.EscapeDataString(title))).MeetingTitles();
        Assert.Contains(title, found);
    }

    public void Dispose() => _data.Dispose();
}
