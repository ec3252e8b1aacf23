using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingPortal.Web.Tests.Browser;

/// <summary>
/// Issue 17, deliver 3 (ADR 0023): the portal on a 390 × 844 phone. Nothing is wider than the screen, the main lists show
/// their first record within the first screen (the filters fold behind "Lọc (N)"), the meeting form is one column, and
/// the summary's chart labels read at 12 px or more. Each was reported: the first meeting 1,584 px down, chart text at
/// about 4 px, detail pages 397-415 px wide, the form's second column about 70 px wide.
/// </summary>
public sealed class PhoneBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const int Width = 390;
    private const int Height = 844;

    /// <summary>Every text of every chart on the page: its font size as drawn on the screen (an SVG text's size times the drawing's scale), smallest first.</summary>
    private const string ChartTextSizes = """
        () => {
            const sizes = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const element = node.parentElement;
                if (!node.textContent.trim() || !element.closest('figure.chart') || element.closest('title, desc')) continue;
                const size = parseFloat(getComputedStyle(element).fontSize);
                const svg = element.closest('svg');
                const ctm = svg ? element.getScreenCTM() : null;
                sizes.push(ctm ? size * Math.hypot(ctm.a, ctm.b) : size);
            }
            return sizes.sort((a, b) => a - b);
        }
        """;

    [Fact]
    public async Task On_a_phone_the_main_pages_fit_the_screen_and_the_lists_start_within_it()
    {
        var (meeting, firstSeed, recommendation, province) = fixture.WithDb(db => (
            db.Meetings.Single(m => m.Title.StartsWith("Đảng ủy phường Kỳ Phương")).Id,
            db.Meetings.OrderBy(m => m.Id).First().Id,
            db.Recommendations.First(r => r.Content.StartsWith("Công tác nhân sự")).Id,
            db.Units.Single(u => u.Code == "ha-tinh").Id));
        var leader = await fixture.SignInAsync("lanhdao.toanquoc");
        await leader.SetViewportSizeAsync(Width, Height);
        var recorder = await fixture.SignInAsync("quantri.toanquoc");
        await recorder.SetViewportSizeAsync(Width, Height);

        var failures = new List<string>();
        async Task VisitAsync(IPage page, string url, string? firstRecord = null)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Ok, $"{url} answered {response.Status}");
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > Width)
            {
                failures.Add($"{url}: {width} px wide");
            }

            if (firstRecord is not null)
            {
                // The first record's title link is on the first screen, whole.
                var box = await page.Locator(firstRecord).First.BoundingBoxAsync();
                if (box is null || box.Y + box.Height > Height)
                {
                    failures.Add($"{url}: the first record is at {box?.Y} px");
                }
            }

            failures.AddRange((await page.SeriousViolationsAsync()).Select(v => $"{url}: {v}"));
        }

        await VisitAsync(leader, "/");
        await VisitAsync(leader, "/Meetings", "main table tbody tr a");
        await VisitAsync(leader, "/Recommendations", "main table tbody tr a");
        await VisitAsync(leader, "/Directives", "main table tbody tr a");
        await VisitAsync(leader, $"/Reports/Quarterly?unit={province}&year=2022");
        await VisitAsync(leader, $"/Meetings/{meeting}");
        await VisitAsync(leader, $"/Meetings/{firstSeed}");
        await VisitAsync(leader, $"/Recommendations/{recommendation}");
        await VisitAsync(recorder, "/Meetings/Create");
        await VisitAsync(recorder, $"/Meetings/{firstSeed}/Edit");

        Assert.Empty(failures);
    }

    /// <summary>
    /// Under 600 px the meeting form is one column: at 390 px its grids already had room for one 14 rem column only,
    /// but a larger phone (560 px) had two, the second beside "Đơn vị"; every field now takes the form's whole width.
    /// </summary>
    [Theory]
    [InlineData(Width)]
    [InlineData(560)]
    public async Task On_a_phone_the_meeting_form_is_one_column(int width)
    {
        var firstSeed = fixture.WithDb(db => db.Meetings.OrderBy(m => m.Id).First().Id);
        var page = await fixture.SignInAsync("quantri.toanquoc");
        await page.SetViewportSizeAsync(width, Height);

        foreach (var url in new[] { "/Meetings/Create", $"/Meetings/{firstSeed}/Edit" })
        {
            await page.GotoAsync(url);
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, $"{url} is wider than {width} px");
            // "Loại" (the meeting's type) once stood in a second column about 70 px wide and read "Hội": each field now
            // takes the form's whole width, so the type's select is as wide as the title's box.
            var type = (await page.Locator("#type").BoundingBoxAsync())!;
            var title = (await page.Locator("#title").BoundingBoxAsync())!;
            Assert.True(Math.Abs(type.Width - title.Width) < 1, $"{url}: 'Loại' is {type.Width} px wide, the title {title.Width} px");
            Assert.True(type.Y > title.Y || type.Y + type.Height < title.Y, $"{url}: 'Loại' stands beside another field");
            var lefts = await page.EvaluateAsync<double[]>(
                "() => [...document.querySelectorAll('.form-grid > .field, .row-grid > .field')].filter(e => e.offsetParent).map(e => e.getBoundingClientRect().left)");
            Assert.NotEmpty(lefts);
            var columns = lefts.Select(l => Math.Round(l)).Distinct().Count();
            Assert.True(columns <= 3, $"{url}: the fields stand in {columns} columns ({string.Join(", ", lefts.Distinct())}); nested fieldsets indent, nothing more");
        }
    }

    [Fact]
    public async Task On_a_phone_the_summary_charts_read_at_12_px_or_more()
    {
        var province = fixture.WithDb(db => db.Units.Single(u => u.Code == "ha-tinh").Id);
        var page = await fixture.SignInAsync("lanhdao.hatinh");
        await page.SetViewportSizeAsync(Width, Height);
        await page.GotoAsync($"/Reports/Quarterly?unit={province}&year=2022");

        await Expect(page.Locator("figure.chart")).ToHaveCountAsync(3);
        var sizes = await page.EvaluateAsync<double[]>(ChartTextSizes);
        Assert.True(sizes.Length >= 3 * 2, $"{sizes.Length} chart texts");
        Assert.True(sizes[0] >= 12, $"the smallest chart text is drawn at {sizes[0]:0.#} px");
    }

    /// <summary>
    /// The filters fold behind "Lọc (N)", N the criteria in the URL (the chips' count), closed on a phone so that the
    /// list starts on the first screen; opened with the keyboard, the form is there; on a wide screen it shows unfolded.
    /// </summary>
    [Fact]
    public async Task On_a_phone_the_filters_fold_behind_a_button_counting_the_active_criteria()
    {
        var unit = fixture.WithDb(db => db.Units.Single(u => u.Code == "ha-tinh").Id);
        var page = await fixture.SignInAsync("lanhdao.toanquoc");
        await page.SetViewportSizeAsync(Width, Height);

        foreach (var (url, count) in new[]
        {
            ("/Meetings", "Lọc"),
            ($"/Meetings?unit={unit}&year=2022&sort=Title", "Lọc (2)"),
            ("/Meetings?q=ha+tinh&type=Dialogue&year=2022&quarter=1", "Lọc (4)"),
            ("/Recommendations?overdue=true", "Lọc (1)"),
            ($"/Recommendations?unit={unit}&from=2022-01-01&to=2022-12-31", "Lọc (3)"),
            ("/Directives?status=Open", "Lọc (1)"),
        })
        {
            await page.GotoAsync(url);
            var summary = page.Locator("details.filter-fold > summary");
            await Expect(summary).ToHaveTextAsync(count);
            await Expect(summary).ToBeVisibleAsync();
            await Expect(page.Locator("form.filters button[type=submit]")).ToBeHiddenAsync();
            var first = await page.Locator("table.cards tbody tr").First.BoundingBoxAsync();
            Assert.True(first is not null && first.Y < Height, $"{url}: the first record starts at {first?.Y} px");
        }

        await page.GotoAsync("/Meetings?year=2022");
        await page.TabToAsync(page.Locator("details.filter-fold > summary"));
        await page.Keyboard.PressAsync("Enter");
        var year = page.Locator("form.filters").GetByLabel("Năm", new() { Exact = true });
        await Expect(year).ToBeVisibleAsync();
        await Expect(year).ToHaveValueAsync("2022");
        await Expect(page.Locator("form.filters").GetByRole(AriaRole.Button, new() { Name = "Lọc", Exact = true })).ToBeVisibleAsync();

        // A refused value opens the fold: its message stands beside the field.
        await page.GotoAsync("/Meetings?from=abc");
        await Expect(page.Locator("#from-error")).ToBeVisibleAsync();

        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync("/Meetings?year=2022");
        await Expect(page.Locator("details.filter-fold > summary")).ToBeHiddenAsync();
        await Expect(page.Locator("form.filters").GetByLabel("Tìm kiếm", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("table.cards thead")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Issue 17 trial: the administration lists kept their filters unfolded and their wide tables scrolling sideways, and
    /// the header took about 215 px of the phone's first screen (brand, eight links, the languages, the signed-in line).
    /// The menu now folds behind one button on a phone, and the administration lists fold and show cards as the main ones.
    /// </summary>
    [Fact]
    public async Task On_a_phone_the_menu_folds_and_the_administration_lists_start_within_the_first_screen()
    {
        var page = await fixture.SignInAsync("quantri.toanquoc");
        await page.SetViewportSizeAsync(Width, Height);

        foreach (var (url, count, first) in new[]
        {
            ("/Admin/Users?q=kyphuong", "Lọc (1)", "main table tbody tr a"),
            ("/Admin/Audit", "Lọc", "main table tbody tr a"),
            ("/Admin/Organisations", "Lọc", "main table tbody tr a"),
            ("/Admin/Organisations/Groups", "Lọc", "main table tbody tr a"),
        })
        {
            await page.GotoAsync(url);
            await Expect(page.Locator("details.filter-fold > summary")).ToHaveTextAsync(count);
            await Expect(page.Locator("form.filters button[type=submit]")).ToBeHiddenAsync();
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= Width, $"{url} is wider than the screen");
            var box = await page.Locator(first).First.BoundingBoxAsync();
            Assert.True(box is not null && box.Y + box.Height <= Height, $"{url}: the first record is at {box?.Y} px");
            var header = (await page.Locator("header.site-header").BoundingBoxAsync())!;
            Assert.True(header.Height <= 130, $"{url}: the header is {header.Height} px tall");
            Assert.Empty(await page.SeriousViolationsAsync());
        }

        // The menu opens from the keyboard and holds every way on.
        var menu = page.Locator("details.nav-fold > summary");
        await Expect(menu).ToBeVisibleAsync();
        var meetings = page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Hội nghị", Exact = true });
        await Expect(meetings).ToBeHiddenAsync();
        await page.TabToAsync(menu);
        await page.Keyboard.PressAsync("Enter");
        await Expect(meetings).ToBeVisibleAsync();
        await meetings.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Meetings$"));

        // On a wide screen there is no fold: the links are there.
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync("/Admin/Users");
        await Expect(menu).ToBeHiddenAsync();
        await Expect(meetings).ToBeVisibleAsync();
        await Expect(page.Locator("table.cards thead")).ToBeVisibleAsync();
    }
}
