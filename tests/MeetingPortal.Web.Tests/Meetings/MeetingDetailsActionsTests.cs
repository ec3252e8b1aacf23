using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Meetings;

/// <summary>
/// Issue 17, deliver 1 ("only actions the user may take are shown"): a leader reading a meeting was offered "Quản lý tệp
/// đính kèm", which opened a list with nothing to manage (issue 17 trial). The link follows the attachments' Manage operation.
/// </summary>
public sealed class MeetingDetailsActionsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("thuky.kyphuong", true)]
    [InlineData("quantri.kyphuong", true)]
    [InlineData("lanhdao.kyphuong", false)]
    [InlineData("theodoi.kyphuong", false)]
    [InlineData("traloi.kyphuong", false)]
    public async Task Managing_the_files_is_offered_only_to_those_who_may(string user, bool offered)
    {
        var meeting = factory.WithDb(db => db.Meetings.Single(m => m.Unit!.Code == "p-ky-phuong" && m.Title.StartsWith("Đảng ủy phường Kỳ Phương")).Id);
        var page = await (await factory.SignInAsync(user)).GetHtmlAsync($"/Meetings/{meeting}");

        Assert.Equal(offered, page.DocumentNode.SelectSingleNode($"//main//a[@href='/Meetings/{meeting}/Attachments']") is not null);
        // The files themselves are listed for every reader.
        Assert.NotNull(page.DocumentNode.SelectSingleNode("//section[@aria-labelledby='attachments']"));
    }
}
