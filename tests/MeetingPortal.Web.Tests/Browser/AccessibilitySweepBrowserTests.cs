using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingPortal.Web.Tests.Browser;

/// <summary>axe-core and the HTML standard over every page an administrator reaches, with real records in them.</summary>
public sealed class AccessibilitySweepBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Every_page_has_no_serious_or_critical_violation()
    {
        var (meeting, recommendation, directive) = fixture.WithDb(db => (
            db.Meetings.Single(m => m.Title.StartsWith("Đảng ủy phường Kỳ Phương")).Id,
            db.Recommendations.First(r => r.Content.StartsWith("Công tác nhân sự")).Id,
            db.Directives.First().Id));
        var (account, unit, organisation) = fixture.WithDb(db => (
            db.Users.Single(u => u.UserName == "thuky.kyphuong").Id,
            db.Units.Single(u => u.Code == "p-ky-phuong").Id,
            db.Organisations.First(o => o.Unit!.Code == "p-ky-phuong").Id));
        var group = fixture.WithDb(db => db.BodyGroups.First(g => g.Unit!.Code == "p-ky-phuong" && g.Members.Any()).Id);
        var earlier = fixture.WithDb(db => db.Recommendations.First(r => r.Content.StartsWith("hiện nay, đội ngũ cán bộ cơ sở phải kiêm nhiệm")).Id);
        var page = await fixture.SignInAsync("quantri.toanquoc");

        string[] urls =
        [
            "/Meetings", "/Meetings?q=kinh+phi&from=abc", $"/Meetings/{meeting}", $"/Meetings/{meeting}/Edit", $"/Meetings/{meeting}/Attachments",
            "/Meetings/Create", "/Meetings/Import", "/Recommendations", "/Recommendations?overdue=true", $"/Recommendations/{recommendation}",
            "/Directives", $"/Directives/{directive}", "/Notifications", "/Admin/Calendar", "/Admin/DueRules", "/Account/SignOut", "/Status/404",
            "/Reports/Quarterly?year=2022", "/Reports/Quarterly?year=2022&quarter=2", "/Reports/Snapshots", "/Reports/Received?year=2022", "/Admin/Audit",
            "/Admin", "/Admin/Users", "/Admin/Users/Create", $"/Admin/Users/{account}", "/Admin/Units", $"/Admin/Units/{unit}",
            "/Admin/Organisations", $"/Admin/Organisations/{organisation}", "/Admin/Themes", "/Account/ChangePassword",
            // Groups of bodies (ADR 0020): the list, and one group with its member checkboxes.
            "/Admin/Organisations/Groups", $"/Admin/Organisations/Groups/{group}",
            // Lists with their criteria as chips and hidden inputs (issue 15, item 6).
            $"/Recommendations?answered=true&resolved=false&open=true&withDue=true&onTime=true&theme=2&raisedBy={organisation}&from=2022-01-01&to=2022-12-31",
            $"/Meetings?q=kinh+phi&unit={unit}&type=Dialogue&year=2022&quarter=2", $"/Directives?status=Open&unit={unit}&from=2022-01-01&to=2022-12-31",
            // Issue 17, deliver 6 and 9: the tracker's search with its marks, ranked and marked meetings, a link to confirm.
            "/Recommendations?q=nghi+dinh+34", "/Meetings?q=ha+tinh", $"/Recommendations/{recommendation}?link={earlier}",
        ];
        var failures = new List<string>();
        var sources = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            var response = await page.GotoAsync(url);
            failures.AddRange((await page.SeriousViolationsAsync()).Select(v => $"{url}: {v}"));
            // The source as served, not the browser's repaired DOM.
            sources[$"page{sources.Count:00}"] = await response!.TextAsync();
        }

        Assert.Empty(failures);
        var report = await HtmlValidator.ValidateAsync(sources);
        Assert.True(report.Length == 0, string.Join(", ", urls.Select((u, i) => $"page{i:00}={u}")) + "\n" + report);
    }

    /// <summary>
    /// On a 390 px phone no page scrolls sideways: wide tables scroll inside their own box, and a long word
    /// (a seed's source file name on the meeting detail, 4 px too wide once) breaks instead of widening the page.
    /// </summary>
    [Fact]
    public async Task On_a_phone_no_page_is_wider_than_the_screen()
    {
        var meetings = fixture.WithDb(db => db.Meetings.Select(m => m.Id).ToList());
        var recommendation = fixture.WithDb(db => db.Recommendations.First(r => r.Content.StartsWith("Công tác nhân sự")).Id);
        var group = fixture.WithDb(db => db.BodyGroups.First(g => g.Unit!.Code == "p-ky-phuong").Id);
        var earlier = fixture.WithDb(db => db.Recommendations.First(r => r.Content.StartsWith("hiện nay, đội ngũ cán bộ cơ sở phải kiêm nhiệm")).Id);
        var page = await fixture.SignInAsync("quantri.toanquoc");
        await page.SetViewportSizeAsync(390, 844);

        string[] urls =
        [
            "/Meetings", "/Recommendations", $"/Recommendations/{recommendation}", "/Notifications", "/Reports/Quarterly?year=2022",
            // A fresh tester's finds: the themes table (432 px) and the meeting form with a task row (420 px).
            "/Admin/Themes", "/Admin/Units", "/Admin/Calendar", "/Admin/DueRules",
            "/Admin/Organisations/Groups", $"/Admin/Organisations/Groups/{group}",
            // Chips wrap, and a long one breaks (issue 15, item 6).
            "/Recommendations?answered=false&resolved=false&open=true&withDue=true&onTime=true&overdue=true&theme=7&from=2022-01-01&to=2022-12-31&dueWithin=5",
            "/Meetings?q=" + new string('x', 150) + "&type=PeriodicBriefing&status=Published&year=2022&quarter=3",
            "/Directives?status=Open&overdue=true&from=2022-01-01&to=2022-12-31",
            // Issue 17, deliver 9: the two texts side by side stack on a phone.
            $"/Recommendations/{recommendation}?link={earlier}", "/Recommendations?q=" + Uri.EscapeDataString("\"nghị định 34\""),
            .. meetings.Select(id => $"/Meetings/{id}"),
            .. meetings.Select(id => $"/Meetings/{id}/Edit"),
        ];
        var tooWide = new List<string>();
        foreach (var url in urls)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Ok, $"{url} answered {response.Status}");
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > 390)
            {
                tooWide.Add($"{url}: {width} px");
            }
        }

        Assert.Empty(tooWide);
    }

    /// <summary>
    /// Issue 15, deliver 4: the official report's pages as its leader sees them (the report with its steps, the draft
    /// form, the signing form) and as the leader of the unit above sees the reports sent to it.
    /// </summary>
    [Fact]
    public async Task The_official_report_pages_have_no_serious_violation_and_conform()
    {
        var records = await Support.PortalRoutes.RecordsAsync(fixture);
        fixture.WithDb(db =>
        {
            // A signer's name, so that the signing form is shown.
            var report = db.Snapshots.Single(s => s.Id == records.Snapshot);
            if (report.IsEditable && report.SignerName is null)
            {
                report.EditDraft(new MeetingPortal.Domain.Reports.ReportDraft(SignerName: "Nguyễn Văn A", SignerRole: "Bí thư"), "test", DateTime.UtcNow);
                db.SaveChanges();
            }

            return report.Id;
        });
        var kyAnh = fixture.WithDb(db => db.Units.Single(u => u.Code == "tx-ky-anh").Id);
        var failures = new List<string>();
        var sources = new Dictionary<string, string>();
        async Task VisitAsync(IPage page, string url)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Ok, $"{url} answered {response.Status}");
            failures.AddRange((await page.SeriousViolationsAsync()).Select(v => $"{url}: {v}"));
            sources[$"report{sources.Count:00}"] = await response.TextAsync();
        }

        var ward = await fixture.SignInAsync("lanhdao.kyphuong");
        foreach (var url in new[] { $"/Reports/Snapshots/{records.Snapshot}", $"/Reports/Snapshots/{records.Snapshot}/Edit", $"/Reports/Snapshots/{records.Snapshot}/Sign" })
        {
            await VisitAsync(ward, url);
        }

        await VisitAsync(await fixture.SignInAsync("lanhdao.kyanh"), $"/Reports/Received?unit={kyAnh}&year=2022");

        Assert.Empty(failures);
        var report = await HtmlValidator.ValidateAsync(sources);
        Assert.True(report.Length == 0, string.Join(", ", sources.Keys) + "\n" + report);
    }

    /// <summary>
    /// Issue 16, deliver 2 (ADR 0019): approving the minutes as the ward's leader, by keyboard and mouse alike: the meeting
    /// page offering it, the approve form, the form refused without a scan (the message beside the field), and the
    /// meeting page after approval with the scan and the approved DOCX.
    /// </summary>
    [Fact]
    public async Task The_minutes_approval_pages_have_no_serious_violation_and_conform()
    {
        var meeting = fixture.WithDb(db => db.Meetings.Single(m => m.Title.StartsWith("Đảng ủy phường Kỳ Phương")).Id);
        var failures = new List<string>();
        var sources = new Dictionary<string, string>();
        var page = await fixture.SignInAsync("lanhdao.kyphuong");
        async Task CheckAsync(string name, IResponse response)
        {
            Assert.True(response.Ok, $"{name} answered {response.Status}");
            failures.AddRange((await page.SeriousViolationsAsync()).Select(v => $"{name}: {v}"));
            sources[$"minutes{sources.Count:00}"] = await response.TextAsync();
        }

        await CheckAsync("detail", (await page.GotoAsync($"/Meetings/{meeting}"))!);
        var approve = page.GetByRole(AriaRole.Link, new() { Name = "Duyệt biên bản" });
        await Expect(approve).ToBeVisibleAsync();
        await CheckAsync("approve", (await page.GotoAsync($"/Meetings/{meeting}/Minutes/Approve"))!);

        var refused = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Duyệt biên bản" }).ClickAsync(), r => r.Request.Method == "POST");
        await page.WaitForLoadStateAsync();
        await CheckAsync("approve without a scan", refused);
        await Expect(page.Locator("#file-error")).ToContainTextAsync("Hãy chọn bản quét của biên bản đã ký");

        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "bien-ban-da-ky.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
        await page.Locator("#file").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/Meetings/{meeting}");
        await CheckAsync("detail after approval", (await page.ReloadAsync())!);
        await Expect(page.Locator("section.minutes-approval")).ToContainTextAsync("Biên bản đã được duyệt ngày");

        Assert.Empty(failures);
        var report = await HtmlValidator.ValidateAsync(sources);
        Assert.True(report.Length == 0, string.Join(", ", sources.Keys) + "\n" + report);
    }

    [Fact]
    public async Task Administration_forms_with_their_messages_stay_accessible_and_valid()
    {
        var page = await fixture.SignInAsync("quantri.toanquoc");
        var sources = new Dictionary<string, string>();
        var failures = new List<string>();
        foreach (var (url, button) in new[] { ("/Admin/Users/Create", "Tạo tài khoản"), ("/Admin/Units", "Thêm đơn vị"), ("/Admin/Organisations", "Thêm"), ("/Admin/Themes", "Thêm") })
        {
            await page.GotoAsync(url);
            // Submitted empty with the keyboard: messages appear beside the fields.
            var submit = page.Locator("main form[method='post']").Last.GetByRole(AriaRole.Button, new() { Name = button, Exact = true });
            await submit.FocusAsync();
            var response = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
            Assert.Equal(200, response.Status);
            await Expect(page.Locator(".field-error:not(:empty)").First).ToBeVisibleAsync();
            failures.AddRange((await page.SeriousViolationsAsync()).Select(v => $"{url}: {v}"));
            sources[$"form{sources.Count:00}"] = await response!.TextAsync();
        }

        Assert.Empty(failures);
        var report = await HtmlValidator.ValidateAsync(sources);
        Assert.True(report.Length == 0, report);
    }
}
