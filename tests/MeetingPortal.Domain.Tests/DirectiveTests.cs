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
}
