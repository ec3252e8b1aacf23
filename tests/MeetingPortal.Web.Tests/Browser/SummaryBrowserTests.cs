using MeetingPortal.Domain.Recommendations;
using MeetingPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingPortal.Web.Tests.Browser;

public sealed class SummaryBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_leader_opens_the_province_summary_drills_to_a_ward_follows_the_overdue_figure_and_exports()
    {
        // One Kỳ Phương recommendation is reopened and overdue.
        using (var scope = fixture.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeetingPortalDbContext>();
            var today = scope.ServiceProvider.GetRequiredService<CalendarService>().Today;
            var r = await db.Recommendations.Include(x => x.Meeting).Include(x => x.Responses).SingleAsync(x => x.Content.StartsWith("Nguồn kinh phí hoạt động của các chi hội"));
            var by = new Actor("test", DateTime.UtcNow);
            r.Reopen("Chưa bố trí", by);
            r.AssignTo(r.AddressedToOrganisationId!.Value, today.AddDays(-10), by);
            await db.SaveChangesAsync();
        }

        var page = await fixture.SignInAsync("lanhdao.hatinh");

        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await page.GetByLabel("Năm").FillAsync("2022");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem báo cáo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổng hợp Tỉnh Hà Tĩnh — Năm 2022" })).ToBeVisibleAsync();
        Assert.Empty(await page.SeriousViolationsAsync());

        var children = page.Locator("section[aria-labelledby='children']");
        await children.GetByRole(AriaRole.Link, new() { Name = "Thị xã Kỳ Anh" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổng hợp Thị xã Kỳ Anh — Năm 2022" })).ToBeVisibleAsync();
        await page.Locator("section[aria-labelledby='children']").GetByRole(AriaRole.Link, new() { Name = "Phường Kỳ Phương" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổng hợp Phường Kỳ Phương — Năm 2022" })).ToBeVisibleAsync();

        var overdue = page.Locator("table.figures tr", new() { HasText = "Quá hạn trả lời" }).Locator("a.figure");
        await Expect(overdue).ToHaveTextAsync("1");
        await overdue.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Theo dõi kiến nghị" })).ToBeVisibleAsync();
        await Expect(page.Locator("table.data-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table.data-table tbody tr")).ToContainTextAsync("Nguồn kinh phí hoạt động của các chi hội");
        await Expect(page.Locator("table.data-table tbody tr")).ToContainTextAsync("(quá hạn)");

        await page.GoBackAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Xuất Excel (XLSX)" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open((await download.PathAsync())!, false);
        Assert.Equal(8, document.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Count());
    }
}
