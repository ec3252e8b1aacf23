using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class MinutesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_minutes_open_with_the_OpenXml_SDK_valid_and_list_the_speakers_in_order()
    {
        var id = factory.WithDb(db => db.Meetings.Single(m => m.Title == SeedTitles.District).Id);
        var client = await factory.SignInAsync("quantri.toanquoc");
        var response = await client.GetAsync($"/Meetings/{id}/Minutes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);

        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5)));

        var paragraphs = document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("BIÊN BẢN", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("- Chủ trì: Nguyễn Thị Hà Tân, TUV, Bí thư Huyện ủy", StringComparison.Ordinal));
        string[] speakersInOrder =
        [
            "Trần Bình Lâm", "Nguyễn Quang Thìn", "Phạm Thị Thanh Minh", "Nguyễn Văn Thọ", "Trần Thị Bảo Lộc",
            "Phan Quốc Long", "Lê Thanh Nghị", "Bùi Khắc Bằng", "Nguyễn Thiều Quang", "Nguyễn Thị Hà Tân",
        ];
        var headings = paragraphs.Where(p => System.Text.RegularExpressions.Regex.IsMatch(p, @"^\d+\. ")).ToList();
        var positions = speakersInOrder.Select(name => headings.FindIndex(h => h.Contains(name, StringComparison.Ordinal))).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Contains(paragraphs, p => p.Contains("Đề nghị huyện xem xét thành lập quỹ khuyến học", StringComparison.Ordinal));
        Assert.Contains("IV. KẾT LUẬN", paragraphs);
    }

    [Fact]
    public async Task Minutes_of_a_meeting_outside_the_scope_answer_404()
    {
        var id = factory.WithDb(db => db.Meetings.Single(m => m.Title == SeedTitles.Hue).Id);
        var client = await factory.SignInAsync("lanhdao.hatinh");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Meetings/{id}/Minutes")).StatusCode);
    }

    [Fact]
    public async Task Minutes_stay_Vietnamese_when_the_interface_is_English()
    {
        var id = factory.WithDb(db => db.Meetings.Single(m => m.Title == SeedTitles.KyPhuong).Id);
        var client = await factory.SignInAsync("lanhdao.kyphuong");
        await client.GetAsync("/Culture?culture=en-US&returnUrl=%2F");
        await using var stream = new MemoryStream(await client.GetByteArrayAsync($"/Meetings/{id}/Minutes"));
        using var document = WordprocessingDocument.Open(stream, false);
        Assert.Contains(document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>(), p => p.InnerText == "III. NỘI DUNG");
    }
}
