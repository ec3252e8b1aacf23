using System.Net;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Integration;

public sealed class AdminCalendarTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var token = await client.GetAntiforgeryTokenAsync(page);
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    [Fact]
    public async Task Only_an_administrator_of_the_top_unit_keeps_the_calendar_and_rules()
    {
        var province = await factory.SignInAsync("quantri.hatinh");
        Assert.Equal(HttpStatusCode.Forbidden, (await province.GetAsync("/Admin/Calendar")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await province.GetAsync("/Admin/DueRules")).StatusCode);
        var tracker = await factory.SignInAsync("theodoi.toanquoc");
        Assert.Equal(HttpStatusCode.Forbidden, (await tracker.GetAsync("/Admin/Calendar")).StatusCode);
    }

    [Fact]
    public async Task A_day_added_to_the_calendar_moves_due_dates_and_bad_days_are_refused()
    {
        var admin = await factory.SignInAsync("quantri.toanquoc");
        var page = await admin.GetHtmlAsync("/Admin/Calendar?year=2024");
        Assert.Contains("Làm bù cho ngày 29/4", page.Text(), StringComparison.Ordinal);

        var weekday = await PostAsync(admin, "/Admin/Calendar", "Add", new() { ["Day.Date"] = "2030-01-02", ["Day.Kind"] = "WorkingDay", ["Day.Name"] = "Sai" });
        Assert.Contains("thứ Bảy hoặc Chủ nhật", Html.Parse(await weekday.Content.ReadAsStringAsync()).Node("//*[@id='day-kind-error']").InnerText, StringComparison.Ordinal);
        var duplicate = await PostAsync(admin, "/Admin/Calendar", "Add", new() { ["Day.Date"] = "2024-01-01", ["Day.Kind"] = "Holiday", ["Day.Name"] = "Trùng" });
        Assert.Contains("đã có trong lịch", Html.Parse(await duplicate.Content.ReadAsStringAsync()).Node("//*[@id='day-date-error']").InnerText, StringComparison.Ordinal);

        // Wednesday 2 January 2030 becomes a holiday: one working day after Tuesday the 1st is now Thursday the 3rd.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, "/Admin/Calendar", "Add", new() { ["Day.Date"] = "2030-01-02", ["Day.Kind"] = "Holiday", ["Day.Name"] = "Nghỉ thử" })).StatusCode);
        Assert.Equal(new DateOnly(2030, 1, 3), await AddWorkingDaysAsync(new DateOnly(2030, 1, 1), 1));

        var id = factory.WithDb(db => db.CalendarDays.Single(d => d.Date == new DateOnly(2030, 1, 2)).Id);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, "/Admin/Calendar", "Remove", new() { ["dayId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) })).StatusCode);
        Assert.Equal(new DateOnly(2030, 1, 2), await AddWorkingDaysAsync(new DateOnly(2030, 1, 1), 1));

        // Both changes are on the record, for the national administrator only.
        var audit = await admin.GetHtmlAsync("/Admin/Audit?what=settings");
        foreach (var action in new[] { "Tạo mới", "Xóa" })
        {
            Assert.Single(audit.Nodes($"//tbody/tr[td[normalize-space()='{action}'] and td[contains(., '02/01/2030 Ngày nghỉ: Nghỉ thử')]]"));
        }

        var province = await factory.SignInAsync("quantri.hatinh");
        Assert.DoesNotContain("Nghỉ thử", (await province.GetHtmlAsync("/Admin/Audit?what=settings")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_for_a_theme_wins_over_the_default()
    {
        var admin = await factory.SignInAsync("quantri.toanquoc");
        var theme = factory.WithDb(db => db.Themes.Single(t => t.Code == "operating-budget").Id);
        var refused = await PostAsync(admin, "/Admin/DueRules", "Save", new() { ["Rule.ThemeId"] = theme.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Rule.WorkingDays"] = "0" });
        Assert.NotEmpty(Html.Parse(await refused.Content.ReadAsStringAsync()).Node("//*[@id='rule-days-error']").InnerText.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, "/Admin/DueRules", "Save", new() { ["Rule.ThemeId"] = theme.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Rule.WorkingDays"] = "7" })).StatusCode);

        using var scope = factory.Services.CreateScope();
        var calendar = scope.ServiceProvider.GetRequiredService<CalendarService>();
        var from = new DateOnly(2025, 6, 2);
        var working = await calendar.CalendarAsync(CancellationToken.None);
        var policy = await calendar.PolicyAsync(CancellationToken.None);
        Assert.Equal(working.AddWorkingDays(from, 7), policy.Resolve(null, from, theme, 4).DueOn);
        Assert.Equal(working.AddWorkingDays(from, 15), policy.Resolve(null, from, null, 4).DueOn);
    }

    private async Task<DateOnly> AddWorkingDaysAsync(DateOnly from, int days)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<CalendarService>().CalendarAsync(CancellationToken.None)).AddWorkingDays(from, days);
    }
}
