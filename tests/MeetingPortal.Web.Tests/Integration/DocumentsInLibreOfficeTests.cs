using System.Net;
using System.Text.RegularExpressions;
using System.Globalization;
using MeetingPortal.Application;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace MeetingPortal.Web.Tests.Integration;

/// <summary>
/// Issue 16, deliver 1: the portal's Word documents opened in LibreOffice, as a secretary would: the minutes of the five
/// seed meetings, an official report's báo cáo (issue 15) and a dialogue's notice of results (issue 18) converted to PDF, each page read back. No page is empty
/// (meeting 6's minutes ended with an empty page in LibreOffice), the footer numbers every page, and the text carries
/// the heading, the number line and the signatures.
/// </summary>
public sealed partial class DocumentsInLibreOfficeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [GeneratedRegex(@"[\s\d]")]
    private static partial Regex SpaceOrDigit();

    [Fact]
    public async Task The_minutes_of_every_seed_meeting_and_an_official_report_render_in_LibreOffice_without_an_empty_page()
    {
        var meetings = factory.WithDb(db => db.Meetings.OrderBy(m => m.Id).Select(m => new { m.Id, m.Title }).ToList());
        string[] seeds = [SeedTitles.TpHaTinh, SeedTitles.KyPhuong, SeedTitles.HongLinh, SeedTitles.District, SeedTitles.Hue];
        var admin = await factory.SignInAsync("quantri.toanquoc");
        var documents = new Dictionary<string, byte[]>();
        foreach (var title in seeds)
        {
            var id = meetings.Single(m => m.Title == title).Id;
            var response = await admin.GetAsync($"/Meetings/{id}/Minutes");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            documents[$"minutes-{id}"] = await response.Content.ReadAsByteArrayAsync();
        }

        // The báo cáo of issue 15: Kỳ Anh's leader freezes its 2022 report and downloads the draft.
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "tx-ky-anh").Id);
        var leader = await factory.SignInAsync("lanhdao.kyanh");
        var frozen = await leader.FreezeAsync($"/Reports/Quarterly?unit={unit}&year=2022");
        Assert.Equal(HttpStatusCode.Redirect, frozen.StatusCode);
        var report = await leader.GetAsync(frozen.Headers.Location!.OriginalString + "/Document");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        documents["report"] = await report.Content.ReadAsByteArrayAsync();

        // The notice of results of issue 18 (ADR 0025 section 5): Kỳ Phương's dialogue, as its leader downloads it.
        var kyPhuong = meetings.Single(m => m.Title == SeedTitles.KyPhuong).Id;
        var notice = await admin.GetAsync($"/Meetings/{kyPhuong}/Results?handler=Document");
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        documents["notice"] = await notice.Content.ReadAsByteArrayAsync();

        var rendered = await LibreOffice.RenderAsync(documents);
        foreach (var document in rendered)
        {
            // Every page holds text besides its page number: no stray page at the end or between parts.
            for (var page = 0; page < document.Pages.Count; page++)
            {
                Assert.True(SpaceOrDigit().Replace(document.Pages[page], string.Empty).Length > 0,
                    $"{document.Name}: page {page + 1} of {document.Pages.Count} is empty.");
            }

            Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", document.Text, StringComparison.Ordinal);
        }

        foreach (var minutes in rendered.Where(d => d.Name.StartsWith("minutes-", StringComparison.Ordinal)))
        {
            Assert.Contains("BIÊN BẢN", minutes.Text, StringComparison.Ordinal);
            Assert.Matches(@"Số\s+-BB/", minutes.Text);
            Assert.Contains("THƯ KÝ", minutes.Text, StringComparison.Ordinal);
            Assert.Contains("kết thúc vào hồi", minutes.Text, StringComparison.Ordinal);
            // The footer numbers the pages: the last page carries its number.
            var last = minutes.Pages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(last, minutes.Pages[^1].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }

        var byId = meetings.ToDictionary(m => m.Title, m => rendered.Single(d => d.Name == $"minutes-{m.Id}"));
        Assert.Contains("ĐẢNG BỘ THỊ XÃ KỲ ANH ĐẢNG ỦY PHƯỜNG KỲ PHƯƠNG", byId[SeedTitles.KyPhuong].Text, StringComparison.Ordinal);
        // Hồng Lĩnh's two co-chairs both sign, on one page with the secretary and the closing line.
        var signing = byId[SeedTitles.HongLinh].Pages.Single(p => p.Contains("THƯ KÝ", StringComparison.Ordinal));
        foreach (var expected in new[] { "kết thúc vào hồi", "Đặng Thanh Hải", "Nguyễn Thăng Long" })
        {
            Assert.Contains(expected, LibreOffice.Rendered.Folded(signing), StringComparison.Ordinal);
        }

        var official = rendered.Single(d => d.Name == "report");
        Assert.Contains("BÁO CÁO", official.Text, StringComparison.Ordinal);
        Assert.Contains("THỊ XÃ KỲ ANH", official.Text, StringComparison.Ordinal);
        Assert.Matches(@"Số\s+-BC/", official.Text);

        var results = rendered.Single(d => d.Name == "notice");
        Assert.Contains("THÔNG BÁO", results.Text, StringComparison.Ordinal);
        Assert.Matches(@"Số\s+-TB/", results.Text);
        Assert.Contains("Kính gửi:", results.Text, StringComparison.Ordinal);
        Assert.Contains("T/M ĐẢNG ỦY PHƯỜNG KỲ PHƯƠNG", results.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The stray page: a document that ends on its signature table gets an empty paragraph after it from LibreOffice, which
    /// falls onto a page of its own when the table ends at the bottom of a page. A bare draft, and the same record with 1 to 40
    /// extra lines of proceedings (the signatures moved through every position on the page): none ends on an empty page.
    /// </summary>
    [Fact]
    public async Task However_long_the_proceedings_the_minutes_never_end_on_an_empty_page()
    {
        var id = factory.WithDb(db => db.Meetings.Single(m => m.Title == SeedTitles.Hue).Id);
        var documents = new Dictionary<string, byte[]>();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
            var localizer = scope.ServiceProvider.GetRequiredService<IStringLocalizerFactory>().Create(typeof(SharedResource));
            var view = (await Pages.Meetings.DetailsModel.LoadViewAsync(db, id, CancellationToken.None))!;
            var culture = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
            try
            {
                // A bare draft: a title and nothing else.
                documents["bare"] = MinutesFor(new Pages.Meetings.DetailsModel.View
                {
                    Id = view.Id, UnitPath = view.UnitPath, UnitName = view.UnitName, Title = view.Title, HeldOn = view.HeldOn,
                    Participants = [], Organisations = [], Speeches = [], Recommendations = [], Directives = [],
                }, localizer);
                for (var extra = 1; extra <= 40; extra++)
                {
                    var longer = new Pages.Meetings.DetailsModel.View
                    {
                        Id = view.Id, UnitPath = view.UnitPath, UnitName = view.UnitName, Title = view.Title, Type = view.Type, HeldOn = view.HeldOn,
                        DayPart = view.DayPart, HostName = view.HostName, Status = view.Status, Participants = view.Participants, Organisations = view.Organisations,
                        Speeches = view.Speeches, Recommendations = view.Recommendations, Directives = view.Directives, Source = view.Source,
                        Summary = string.Join('\n', Enumerable.Repeat("Dòng.", extra)), Conclusion = view.Conclusion,
                    };
                    documents[$"length-{extra:00}"] = MinutesFor(longer, localizer);
                }
            }
            finally
            {
                CultureInfo.CurrentUICulture = culture;
            }
        }

        foreach (var document in await LibreOffice.RenderAsync(documents))
        {
            Assert.True(SpaceOrDigit().Replace(document.Pages[^1], string.Empty).Length > 0, $"{document.Name} ends on an empty page (page {document.Pages.Count}).");
        }
    }

    private static byte[] MinutesFor(Pages.Meetings.DetailsModel.View view, IStringLocalizer localizer) =>
        Pages.Meetings.MinutesDocument.Create(new Pages.Meetings.MinutesSheet(view, Pages.Meetings.MinutesFacts.Of(view), view.SuperiorUnitName), localizer);
}
