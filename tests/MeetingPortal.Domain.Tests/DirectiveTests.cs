using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Directives;
using MeetingPortal.Domain.Meetings;

namespace MeetingPortal.Domain.Tests;

public sealed class DirectiveTests
{
    private static Directive NewDirective() =>
        new Meeting(1, MeetingType.Dialogue, "Đối thoại", new DateOnly(2024, 1, 10)).AddDirective("Rà soát kế hoạch", [3], new DateOnly(2024, 3, 1));

    [Fact]
    public void Progress_is_reported_then_the_task_is_done_and_may_be_reopened()
    {
        var d = NewDirective();
        Assert.Throws<DomainException>(() => d.ReportProgress(new DateOnly(2024, 2, 1), " ", 3, "u", DateTime.UtcNow));
        d.ReportProgress(new DateOnly(2024, 2, 1), "Đã rà soát 8/12 chỉ tiêu", 3, "u", DateTime.UtcNow);
        Assert.Single(d.Progress);
        Assert.Throws<DomainException>(d.Reopen);
        d.MarkDone(new DateOnly(2024, 2, 20));
        Assert.Equal(DirectiveStatus.Done, d.Status);
        Assert.Throws<DomainException>(() => d.MarkDone(new DateOnly(2024, 2, 21)));
        d.Reopen();
        Assert.Equal(DirectiveStatus.Open, d.Status);
        Assert.Null(d.DoneOn);
    }

    [Fact]
    public void A_range_target_is_reached_at_its_lower_value_and_judged_by_the_latest_value_reported()
    {
        // Hồng Lĩnh, 19/7/2022: "mô hình dân vận khéo đạt tỷ lệ 90 – 95%".
        var d = NewDirective();
        Assert.Equal(TargetState.None, d.TargetState);
        Assert.Throws<DomainException>(() => d.ReportProgress(new DateOnly(2024, 2, 1), "Đạt 80%", 3, "u", DateTime.UtcNow, 80));
        d.SetTarget("Tỷ lệ mô hình dân vận khéo đạt chuẩn", 90, 95, "%");
        Assert.Equal(TargetState.NotReported, d.TargetState);
        d.ReportProgress(new DateOnly(2024, 2, 1), "Đã rà soát", 3, "u", DateTime.UtcNow);
        Assert.Equal(TargetState.NotReported, d.TargetState);
        d.ReportProgress(new DateOnly(2024, 2, 10), "Đạt 85%", 3, "u", DateTime.UtcNow, 85);
        Assert.Equal(TargetState.NotReached, d.TargetState);
        d.ReportProgress(new DateOnly(2024, 3, 10), "Đạt 90%", 3, "u", DateTime.UtcNow, 90);
        Assert.Equal(TargetState.Reached, d.TargetState);
        // A report dated earlier, typed later, does not replace the latest value.
        d.ReportProgress(new DateOnly(2024, 2, 15), "Số liệu tháng 2: 86%", 3, "u", DateTime.UtcNow, 86);
        Assert.Equal((90d, new DateOnly(2024, 3, 10)), (d.LatestValue!.Value, d.LatestValueOn!.Value));
        Assert.Equal(TargetState.Reached, d.TargetState);
    }

    [Fact]
    public void A_ceiling_is_reached_at_or_under_it_and_a_target_can_be_removed()
    {
        var d = NewDirective();
        d.SetTarget("Tỷ lệ hộ nghèo", null, 2, "%");
        d.ReportProgress(new DateOnly(2024, 2, 1), "Còn 2,5%", 3, "u", DateTime.UtcNow, 2.5);
        Assert.Equal(TargetState.NotReached, d.TargetState);
        d.ReportProgress(new DateOnly(2024, 2, 2), "Còn 2%", 3, "u", DateTime.UtcNow, 2);
        Assert.Equal(TargetState.Reached, d.TargetState);
        d.SetTarget(" ", null, null, null);
        Assert.Equal(TargetState.None, d.TargetState);
    }

    [Theory]
    [InlineData(null, 90d, null, "directive.target-measure")]
    [InlineData("Tỷ lệ", null, null, "directive.target-value")]
    [InlineData("Tỷ lệ", 95d, 90d, "directive.target-range")]
    [InlineData("Tỷ lệ", -1d, null, "directive.target-negative")]
    [InlineData("Tỷ lệ", double.NaN, null, "directive.target-negative")]
    [InlineData("Tỷ lệ", 90d, 1e29, "directive.value-too-large")]
    public void A_target_that_cannot_be_judged_is_refused(string? measure, double? low, double? high, string code)
    {
        var d = NewDirective();
        Assert.Equal(code, Assert.Throws<DomainException>(() => d.SetTarget(measure, low, high, "%")).Code);
        Assert.Equal(TargetState.None, d.TargetState);
    }

    [Fact]
    public void A_reported_value_beyond_any_measure_is_refused_and_the_target_state_stays()
    {
        // The issue 16 trial typed 99999999999999999999999999999 against "%" and the task read "Đạt chỉ tiêu".
        var d = NewDirective();
        d.SetTarget("Tỷ lệ", 90, 95, "%");
        var refused = Assert.Throws<DomainException>(() => d.ReportProgress(new DateOnly(2024, 2, 1), "Đạt", 3, "u", DateTime.UtcNow, 99999999999999999999999999999d));
        Assert.Equal("directive.value-too-large", refused.Code);
        Assert.Equal(TargetState.NotReported, d.TargetState);
        d.ReportProgress(new DateOnly(2024, 2, 1), "Đạt", 3, "u", DateTime.UtcNow, Directive.MaxValue);
        Assert.Equal(Directive.MaxValue, d.LatestValue);
    }
}
