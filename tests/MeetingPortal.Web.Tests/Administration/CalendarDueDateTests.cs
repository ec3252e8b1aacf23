using System.Globalization;
using System.Net;
using MeetingPortal.Domain.Calendar;
using MeetingPortal.Infrastructure.Persistence;
using MeetingPortal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingPortal.Web.Tests.Administration;

/// <summary>
/// Issue 13, fault 8 (decision record 0010): a due date counted from the working-day rules moves when a
/// holiday is added later, so the date and its countdown agree; a date a tracker typed stays.
/// </summary>
public sealed class CalendarDueDateTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(DateOnly Today, WorkingCalendar Calendar)> CalendarAsync()
    {
        using var scope = factory.Services.CreateScope();
        var calendar = scope.ServiceProvider.GetRequiredService<CalendarService>();
        return (calendar.Today, await calendar.CalendarAsync(CancellationToken.None));
    }

    private async Task AssignAsync(HttpClient tracker, int id, string dueOn)
    {
        var page = await tracker.GetHtmlAsync($"/Recommendations/{id}");
        var form = HtmlForm.From(page, $"/Recommendations/{id}", "//form[contains(@action,'handler=Assign')]");
        form["Assign.OrganisationId"] = factory.WithDb(db => db.Organisations.Single(o => o.Name == "Ủy ban nhân dân phường Kỳ Phương").Id).ToString(CultureInfo.InvariantCulture);
        form["Assign.DueOn"] = dueOn;
        var response = await tracker.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_holiday_added_later_moves_a_counted_due_date_and_its_countdown_with_it()
    {
        var ids = factory.WithDb(db => db.Recommendations.Where(r => r.Meeting!.Unit!.Code == "p-ky-phuong").OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToList());
        var tracker = await factory.SignInAsync("theodoi.kyphuong");
        foreach (var id in ids)
        {
            // Seed recommendations are answered; the tracker reopens them to give them again.
            var page = await tracker.GetHtmlAsync($"/Recommendations/{id}");
            var reopen = HtmlForm.From(page, $"/Recommendations/{id}", "//form[contains(@action,'handler=Reopen')]");
            reopen["Reason.Text"] = "Chưa giải quyết xong";
            Assert.Equal(HttpStatusCode.Redirect, (await tracker.PostAsync(reopen.Action, new FormUrlEncodedContent(reopen.Fields))).StatusCode);
        }

        var (today, before) = await CalendarAsync();
        await AssignAsync(tracker, ids[0], string.Empty);
        var counted = factory.WithDb(db => db.Recommendations.Single(r => r.Id == ids[0]).DueOn!.Value);
        await AssignAsync(tracker, ids[1], counted.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var days = before.WorkingDaysBetween(today, counted);
        // A working day strictly between today and the due date becomes a holiday.
        var holiday = Enumerable.Range(2, 30).Select(today.AddDays).First(d => d < counted && before.IsWorkingDay(d));

        var admin = await factory.SignInAsync("quantri.toanquoc");
        var added = await admin.PostFieldsAsync("/Admin/Calendar", "/Admin/Calendar?handler=Add",
            ("Day.Date", holiday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Day.Kind", "Holiday"), ("Day.Name", "Nghỉ bù thử nghiệm"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var (_, after) = await CalendarAsync();
        var moved = factory.WithDb(db => db.Recommendations.Single(r => r.Id == ids[0]).DueOn!.Value);
        Assert.Equal(after.AddWorkingDays(today, days), moved);
        Assert.True(moved > counted);
        var shown = (await tracker.GetHtmlAsync($"/Recommendations/{ids[0]}")).Text();
        Assert.Contains(moved.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), shown, StringComparison.Ordinal);
        Assert.Contains($"còn {days} ngày làm việc", shown, StringComparison.Ordinal);

        // The date the tracker typed is a date, not a count: it stays, and its countdown is one day shorter.
        Assert.Equal(counted, factory.WithDb(db => db.Recommendations.Single(r => r.Id == ids[1]).DueOn!.Value));
        Assert.Contains($"còn {days - 1} ngày làm việc", (await tracker.GetHtmlAsync($"/Recommendations/{ids[1]}")).Text(), StringComparison.Ordinal);
    }
}
