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
