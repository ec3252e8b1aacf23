using MeetingPortal.Domain.Calendar;

namespace MeetingPortal.Domain.Tests;

/// <summary>The official 2023-2024 schedules, as kept in seeds/reference.json, drive these cases.</summary>
public sealed class WorkingCalendarTests
{
    private static CalendarDay Off(int y, int m, int d) => new(new DateOnly(y, m, d), CalendarDayKind.Holiday, "nghỉ");

    private static readonly WorkingCalendar Calendar = new(
    [
        // Tết Quý Mão 2023: 20/1 to 26/1; weekdays off 20, 23, 24, 25, 26.
        Off(2023, 1, 20), Off(2023, 1, 23), Off(2023, 1, 24), Off(2023, 1, 25), Off(2023, 1, 26),
        // Tết Giáp Thìn 2024: 8/2 to 14/2.
        Off(2024, 2, 8), Off(2024, 2, 9), Off(2024, 2, 12), Off(2024, 2, 13), Off(2024, 2, 14),
        // 30/4-1/5 2024: Monday 29/4 off in exchange for Saturday 4/5.
        Off(2024, 4, 29), Off(2024, 4, 30), Off(2024, 5, 1), new(new DateOnly(2024, 5, 4), CalendarDayKind.WorkingDay, "làm bù"),
        // Quốc khánh 2024: Monday 2/9 and Tuesday 3/9.
        Off(2024, 9, 2), Off(2024, 9, 3),
    ]);

    [Theory]
    [InlineData("2023-01-18", 5, "2023-02-01")] // across Tết 2023
    [InlineData("2023-01-19", 1, "2023-01-27")]
    [InlineData("2024-02-07", 3, "2024-02-19")] // across Tết 2024
    [InlineData("2024-04-26", 3, "2024-05-04")] // across 30/4-1/5, landing on the worked Saturday
    [InlineData("2024-08-30", 1, "2024-09-04")] // across 2/9
    [InlineData("2024-06-14", 1, "2024-06-17")] // an ordinary weekend
    [InlineData("2024-06-14", 0, "2024-06-14")]
    public void Due_dates_skip_weekends_and_holidays(string start, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Calendar.AddWorkingDays(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));

    [Fact]
    public void Counting_between_two_dates_agrees_with_adding()
    {
        var start = new DateOnly(2024, 1, 15);
        for (var n = 0; n < 60; n++)
        {
            Assert.Equal(n, Calendar.WorkingDaysBetween(start, Calendar.AddWorkingDays(start, n)));
        }

        Assert.Equal(-3, Calendar.WorkingDaysBetween(new DateOnly(2024, 5, 4), new DateOnly(2024, 4, 26)));
    }

    [Fact]
    public void The_running_count_agrees_with_counting_day_by_day_inside_and_outside_its_range()
    {
        var random = new Random(5);
        for (var i = 0; i < 2_000; i++)
        {
            // Mostly 2022-2025 (where the holidays are), some pairs reaching outside 2000-2100.
            var from = i % 50 == 0 ? new DateOnly(1999, 12, 1).AddDays(random.Next(0, 90)) : new DateOnly(2022, 1, 1).AddDays(random.Next(0, 1400));
            var to = i % 70 == 0 ? new DateOnly(2100, 12, 1).AddDays(random.Next(0, 90)) : from.AddDays(random.Next(-400, 400));
            var (low, high) = to < from ? (to, from) : (from, to);
            var expected = 0;
            for (var d = low.AddDays(1); d <= high; d = d.AddDays(1))
            {
                expected += Calendar.IsWorkingDay(d) ? 1 : 0;
            }

            Assert.Equal(to < from ? -expected : expected, Calendar.WorkingDaysBetween(from, to));
        }
    }

    [Fact]
    public void A_worked_saturday_is_a_working_day_and_a_holiday_weekday_is_not()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2024, 5, 4)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2024, 4, 29)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2024, 5, 5)));
    }

    [Fact]
    public void The_most_specific_due_date_rule_wins()
    {
        DueDateRule[] rules = [new(null, null, 30), new(null, 4, 15), new(7, null, 20), new(7, 4, 10)];
        Assert.Equal(10, DueDateRule.WorkingDaysFor(rules, 7, 4));
        Assert.Equal(20, DueDateRule.WorkingDaysFor(rules, 7, 3));
        Assert.Equal(15, DueDateRule.WorkingDaysFor(rules, 1, 4));
        Assert.Equal(30, DueDateRule.WorkingDaysFor(rules, null, null));
        Assert.Null(DueDateRule.WorkingDaysFor([], 1, 1));
    }
}

public sealed class NationalSettingRuleTests
{
    [Theory]
    [InlineData("operating-budget", true)]
    [InlineData("x", true)]
    [InlineData("a1-b2", true)]
    [InlineData("Operating", false)]
    [InlineData("kinh phí", false)]
    [InlineData("-x", false)]
    [InlineData("x--y", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_theme_key_is_lower_case_words_joined_by_single_hyphens(string? code, bool valid) =>
        Assert.Equal(valid, MeetingPortal.Domain.Recommendations.Theme.IsValidCode(code));

    [Theory]
    [InlineData(1, true)]
    [InlineData(365, true)]
    [InlineData(0, false)]
    [InlineData(366, false)]
    [InlineData(null, false)]
    public void A_due_date_rule_gives_one_to_365_working_days(int? days, bool valid) =>
        Assert.Equal(valid, DueDateRule.IsValidPeriod(days));

    [Fact]
    public void A_worked_day_is_a_weekend_day_and_a_holiday_any_day()
    {
        Assert.True(CalendarDay.Fits(new DateOnly(2026, 12, 5), CalendarDayKind.WorkingDay));
        Assert.False(CalendarDay.Fits(new DateOnly(2026, 12, 7), CalendarDayKind.WorkingDay));
        Assert.True(CalendarDay.Fits(new DateOnly(2026, 12, 7), CalendarDayKind.Holiday));
        Assert.True(WorkingCalendar.KeepsYear(2000) && WorkingCalendar.KeepsYear(2100));
        Assert.False(WorkingCalendar.KeepsYear(1999) || WorkingCalendar.KeepsYear(2101));
    }
}

public sealed class WorkingCalendarRangeTests
{
    /// <summary>A due date of 31/12/9999 made the countdown run off the end of DateOnly (a 500 on the page).</summary>
    [Fact]
    public void Counting_to_the_last_representable_day_does_not_throw()
    {
        var calendar = new WorkingCalendar([]);
        Assert.True(calendar.WorkingDaysBetween(new DateOnly(2026, 11, 30), DateOnly.MaxValue) > 2_000_000);
        Assert.True(calendar.WorkingDaysBetween(DateOnly.MaxValue, new DateOnly(2026, 11, 30)) < -2_000_000);
    }

    [Theory]
    [InlineData("2100-12-20", "2101-02-03")]
    [InlineData("2101-01-01", "2101-01-01")]
    [InlineData("2101-01-02", "2103-07-09")]
    [InlineData("1999-12-25", "2000-01-10")]
    public void Outside_the_kept_years_every_Monday_to_Friday_counts(string from, string to)
    {
        var (start, end) = (DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        var expected = 0;
        for (var d = start.AddDays(1); d <= end; d = d.AddDays(1))
        {
            expected += d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }

        Assert.Equal(expected, new WorkingCalendar([]).WorkingDaysBetween(start, end));
    }
}
