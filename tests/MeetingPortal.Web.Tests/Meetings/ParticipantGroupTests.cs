using System.Net;
using DocumentFormat.OpenXml.Packaging;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Meetings;

/// <summary>
/// Issue 16, deliver 4 (ADR 0020): a meeting's participant groups are shown in the record's own wording on the meeting's
/// page and in the minutes, and a task given to groups names them, never one body in their place.
/// </summary>
public sealed class ParticipantGroupTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int District => factory.WithDb(db => db.Meetings.Single(m => m.Title == SeedTitles.District).Id);

    [Fact]
    public async Task The_meeting_page_shows_each_participant_group_in_the_records_wording_and_the_groups_a_task_is_given_to()
    {
        var client = await factory.SignInAsync("lanhdao.toanquoc");
        var page = await client.GetHtmlAsync($"/Meetings/{District}");

        var groups = page.Nodes("//section[@aria-labelledby='participant-groups']//li").Select(li => HtmlAgilityPack.HtmlEntity.DeEntitize(li.InnerText.Trim())).ToList();
        Assert.Equal(
            ["MTTQ và các Đoàn thể chính trị - xã hội và hội đặc thù cấp huyện", "Các Đ/c BTV Huyện ủy", "Trưởng các phòng, ban, ngành có liên quan"],
            groups);
        var tasks = HtmlAgilityPack.HtmlEntity.DeEntitize(page.Node("//section[@aria-labelledby='directives']").InnerText);
        Assert.Contains("Ủy ban nhân dân huyện, các Ban xây dựng Đảng, các phòng, ban, ngành đoàn thể huyện", tasks, StringComparison.Ordinal);
        Assert.Contains("MTTQ và các đoàn thể chính trị xã hội, hội đặc thù huyện", tasks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_minutes_name_the_participant_groups_and_the_groups_given_each_task()
    {
        var client = await factory.SignInAsync("quantri.toanquoc");
        var response = await client.GetAsync($"/Meetings/{District}/Minutes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();

        Assert.Contains("+ Nhóm tham dự: MTTQ và các Đoàn thể chính trị - xã hội và hội đặc thù cấp huyện; Các Đ/c BTV Huyện ủy; Trưởng các phòng, ban, ngành có liên quan.",
            paragraphs.Select(p => p.Trim()));
        Assert.Contains(paragraphs, p => p.StartsWith("2. Liên quan đến một số kiến nghị", StringComparison.Ordinal)
            && p.Contains("Ủy ban nhân dân huyện, các Ban xây dựng Đảng, các phòng, ban, ngành đoàn thể huyện", StringComparison.Ordinal));
    }
}
