using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;

namespace MeetingPortal.Domain.Tests;

public sealed class ReviewPeriodTests
{
    [Theory]
    [InlineData(1, "2022-01-01", "2022-03-31")]
    [InlineData(2, "2022-04-01", "2022-06-30")]
    [InlineData(3, "2022-07-01", "2022-09-30")]
    [InlineData(4, "2022-10-01", "2022-12-31")]
    public void Quarters_cover_their_three_months(int quarter, string start, string end)
    {
        var period = new ReviewPeriod(PeriodKind.Quarter, 2022, quarter);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
    }

    [Fact]
    public void First_seven_months_end_in_July_and_a_half_year_in_June_or_December()
    {
        Assert.Equal(new DateOnly(2022, 7, 31), new ReviewPeriod(PeriodKind.FirstMonths, 2022, 7).End);
        Assert.Equal(new DateOnly(2022, 6, 30), new ReviewPeriod(PeriodKind.HalfYear, 2022, 1).End);
        Assert.Equal(new DateOnly(2022, 7, 1), new ReviewPeriod(PeriodKind.HalfYear, 2022, 2).Start);
        Assert.Equal(new DateOnly(2024, 2, 29), new ReviewPeriod(PeriodKind.FirstMonths, 2024, 2).End);
    }

    [Theory]
    [InlineData(PeriodKind.Quarter, 0)]
    [InlineData(PeriodKind.Quarter, 5)]
    [InlineData(PeriodKind.HalfYear, 3)]
    [InlineData(PeriodKind.FirstMonths, 13)]
    [InlineData(PeriodKind.Year, 2)]
    public void Impossible_periods_are_refused(PeriodKind kind, int number)
    {
        Assert.Throws<DomainException>(() => new ReviewPeriod(kind, 2022, number));
        Assert.False(ReviewPeriod.IsValid(kind, 2022, number));
    }

    /// <summary>
    /// Issue 14, item 5: the summary of Q1/1945 (a year a person may choose) compares with Q4/1944 and draws eight
    /// quarters back; those periods existed only as exceptions and the page answered 500.
    /// </summary>
    [Fact]
    public void The_first_choosable_period_has_periods_before_it_but_a_person_cannot_choose_them()
    {
        var first = new ReviewPeriod(PeriodKind.Quarter, ReviewPeriod.FirstYear, 1);
        var back = first;
        for (var i = 0; i < 8; i++)
        {
            back = back.Previous();
        }

        Assert.Equal((PeriodKind.Quarter, ReviewPeriod.FirstYear - 2, 1), (back.Kind, back.Year, back.Number));
        Assert.True(ReviewPeriod.IsValid(PeriodKind.Quarter, ReviewPeriod.FirstYear, 1));
        Assert.False(ReviewPeriod.IsValid(PeriodKind.Quarter, ReviewPeriod.FirstYear - 1, 4));
        Assert.False(ReviewPeriod.IsValid(PeriodKind.Year, ReviewPeriod.LastYear + 1, 1));
    }

    [Fact]
    public void Quarter_of_a_date_contains_that_date()
    {
        var date = new DateOnly(2022, 3, 16);
        var quarter = ReviewPeriod.QuarterOf(date);
        Assert.Equal(1, quarter.Number);
        Assert.True(quarter.Contains(date));
        Assert.False(quarter.Contains(new DateOnly(2022, 4, 1)));
    }
}

public sealed class PeriodArithmeticTests
{
    [Theory]
    [InlineData(PeriodKind.Quarter, 2024, 1, PeriodKind.Quarter, 2023, 4)]
    [InlineData(PeriodKind.Quarter, 2024, 3, PeriodKind.Quarter, 2024, 2)]
    [InlineData(PeriodKind.HalfYear, 2024, 1, PeriodKind.HalfYear, 2023, 2)]
    [InlineData(PeriodKind.HalfYear, 2024, 2, PeriodKind.HalfYear, 2024, 1)]
    [InlineData(PeriodKind.Year, 2024, 1, PeriodKind.Year, 2023, 1)]
    [InlineData(PeriodKind.FirstMonths, 2022, 7, PeriodKind.FirstMonths, 2021, 7)]
    public void The_previous_period_is_the_one_just_before(PeriodKind kind, int year, int number, PeriodKind expectedKind, int expectedYear, int expectedNumber) =>
        Assert.Equal(new ReviewPeriod(expectedKind, expectedYear, expectedNumber), new ReviewPeriod(kind, year, number).Previous());

    [Fact]
    public void Medians_take_the_middle_value_or_the_mean_of_the_two_middle_ones()
    {
        Assert.Null(MeetingPortal.Domain.Common.Statistics.Median([]));
        Assert.Equal(5, MeetingPortal.Domain.Common.Statistics.Median([9, 5, 1]));
        Assert.Equal(4.5, MeetingPortal.Domain.Common.Statistics.Median([1, 9, 4, 5]));
    }

    /// <summary>Issue 15, item 3: an official report is frozen only for a period that is over.</summary>
    [Theory]
    [InlineData(2026, 4, "2026-11-30", false)]
    [InlineData(2026, 4, "2026-12-31", false)]
    [InlineData(2026, 4, "2027-01-01", true)]
    [InlineData(2026, 3, "2026-11-30", true)]
    public void A_period_has_ended_only_after_its_last_day(int year, int quarter, string today, bool ended) =>
        Assert.Equal(ended, new ReviewPeriod(PeriodKind.Quarter, year, quarter).HasEndedBy(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}

/// <summary>Report periods (issue 15, deliver 2): every kind the rules ask for, free ranges, and trends back to the earliest years.</summary>
public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData(PeriodKind.Month, 2024, 2, "2024-02-01", "2024-02-29")]
    [InlineData(PeriodKind.Quarter, 2022, 2, "2022-04-01", "2022-06-30")]
    [InlineData(PeriodKind.HalfYear, 2022, 1, "2022-01-01", "2022-06-30")]
    [InlineData(PeriodKind.FirstMonths, 2024, 9, "2024-01-01", "2024-09-30")]
    [InlineData(PeriodKind.Year, 2023, 1, "2023-01-01", "2023-12-31")]
    public void Each_statutory_period_covers_its_days(PeriodKind kind, int year, int number, string start, string end)
    {
        var period = MeetingPortal.Domain.Reports.ReportPeriod.Of(new ReviewPeriod(kind, year, number));
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), (period.Start, period.End));
    }

    [Fact]
    public void The_period_before_a_month_is_the_month_before_and_nine_months_compare_with_last_year()
    {
        Assert.Equal(new ReviewPeriod(PeriodKind.Month, 2023, 12), new ReviewPeriod(PeriodKind.Month, 2024, 1).Previous());
        Assert.Equal(new ReviewPeriod(PeriodKind.FirstMonths, 2023, 9), new ReviewPeriod(PeriodKind.FirstMonths, 2024, 9).Previous());
    }

    [Fact]
    public void A_free_range_compares_with_the_range_of_the_same_length_just_before()
    {
        var range = MeetingPortal.Domain.Reports.ReportPeriod.Range(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 10));
        var before = range.Previous()!.Value;
        Assert.Equal((new DateOnly(2024, 2, 20), new DateOnly(2024, 2, 29)), (before.Start, before.End));
        Assert.Null(before.Statutory);
    }

    [Theory]
    [InlineData("2024-03-10", "2024-03-01")]
    [InlineData("1944-12-31", "1945-01-05")]
    [InlineData("2200-12-01", "2201-01-01")]
    public void A_range_backwards_or_outside_the_years_is_refused(string from, string to)
    {
        var (f, t) = (DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(MeetingPortal.Domain.Reports.ReportPeriod.IsValidRange(f, t));
        Assert.Equal("period.range", Assert.Throws<DomainException>(() => MeetingPortal.Domain.Reports.ReportPeriod.Range(f, t)).Code);
    }

    [Theory]
    [InlineData(PeriodKind.Month, 1)]
    [InlineData(PeriodKind.Quarter, 1)]
    [InlineData(PeriodKind.FirstMonths, 9)]
    [InlineData(PeriodKind.Year, 1)]
    public void The_eight_period_trend_reaches_back_from_the_earliest_year_without_failing(PeriodKind kind, int number)
    {
        var trend = MeetingPortal.Domain.Reports.ReportPeriod.Of(new ReviewPeriod(kind, ReviewPeriod.FirstYear, number)).Trend(8);
        Assert.Equal(8, trend.Count);
        Assert.True(trend.Zip(trend.Skip(1)).All(p => p.First.End < p.Second.Start));
    }

    [Fact]
    public void A_range_two_centuries_long_gives_the_trend_it_can_and_stops_before_year_one()
    {
        var range = MeetingPortal.Domain.Reports.ReportPeriod.Range(new DateOnly(1945, 1, 1), new DateOnly(2200, 12, 31));
        var trend = range.Trend(8);
        Assert.InRange(trend.Count, 1, 8);
        Assert.Equal(range, trend[^1]);
    }
}
