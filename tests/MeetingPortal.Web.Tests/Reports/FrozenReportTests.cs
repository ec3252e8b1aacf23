using MeetingPortal.Application.Reports;
using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Meetings;

namespace MeetingPortal.Web.Tests.Reports;

/// <summary>The stored format of a frozen report is versioned and read back by its version (issue 13).</summary>
public sealed class FrozenReportTests
{
    /// <summary>A report as the portal stored it before the format had a version (the web view model serialised).</summary>
    private const string StoredBeforeVersions = """
        {"UnitName":"Phường Kỳ Phương","Period":"Quý II/2022","PreviousPeriod":"Quý I/2022",
         "Current":{"Meetings":1,"MeetingsByType":{"Dialogue":1},"Speeches":9,"Organisations":4,"Recommendations":6,"Matters":6,"Answered":6,"Resolved":0,
           "WithDueDate":0,"OnTime":0,"MedianDaysToAnswer":12.5,"MedianDaysToResolve":null,"Open":6,"Overdue":0,"Directives":1,"DirectivesDone":0,
           "ByTheme":[{"Id":2,"Name":"Kinh phí hoạt động","Count":3}],"ByRaisingOrganisation":[],"ByAddressedBody":[{"Id":1,"Name":"Đảng ủy phường Kỳ Phương","Count":6}],
           "Recurring":[],"Children":[],
           "Ranked":[{"BodyId":1,"Body":"Đảng ủy phường Kỳ Phương","Items":6,"Answered":6,"Resolved":0,"WithDueDate":0,"OnTime":0,"MedianDaysToAnswer":12.5,"MedianDaysToResolve":null,"OnTimeShare":null}],
           "TooFewToRank":[]},
         "Previous":{"Meetings":0,"MeetingsByType":{},"Speeches":0,"Organisations":0,"Recommendations":0,"Matters":0,"Answered":0,"Resolved":0,
           "WithDueDate":0,"OnTime":0,"MedianDaysToAnswer":null,"MedianDaysToResolve":null,"Open":0,"Overdue":0,"Directives":0,"DirectivesDone":0,
           "ByTheme":[],"ByRaisingOrganisation":[],"ByAddressedBody":[],"Recurring":[],"Children":[],"Ranked":[],"TooFewToRank":[]}}
        """;

    [Fact]
    public void A_report_stored_before_the_format_had_a_version_reads_as_version_1()
    {
        var report = FrozenReport.ReadV1(StoredBeforeVersions);

        Assert.Equal(1, FrozenReport.VersionOf(StoredBeforeVersions));
        Assert.Equal("Quý II/2022", report.Period);
        var figures = report.Current.ToFigures(new DateOnly(2022, 7, 5));
        Assert.Equal(6, figures.Recommendations);
        Assert.Equal(1, figures.MeetingsByType[MeetingType.Dialogue]);
        Assert.Equal(12.5, figures.Ranked.Single().MedianDaysToAnswer);
        Assert.Equal("Kinh phí hoạt động", figures.ByTheme.Single().Name);
    }

    [Fact]
    public void A_format_1_report_written_again_reads_back_the_same()
    {
        var stored = FrozenReport.ReadV1(StoredBeforeVersions);
        var written = FrozenReport.Write(stored);

        Assert.Contains("\"FormatVersion\":1", written, StringComparison.Ordinal);
        Assert.Equal(FrozenReport.Write(FrozenReport.ReadV1(written)), written);
    }

    [Fact]
    public void A_report_in_a_format_this_build_does_not_know_is_refused_by_name()
    {
        var refused = Assert.Throws<DomainException>(() => FrozenReport.Read("""{"FormatVersion":9,"UnitName":"x"}""", 1,
            MeetingPortal.Domain.Reports.ReportPeriod.Of(new ReviewPeriod(PeriodKind.Year, 2022, 1)), new DateOnly(2023, 1, 5), null!, "note"));
        Assert.Equal("report.unknown-format", refused.Code);
    }
}

/// <summary>A stored report the running portal cannot read is a message on its page, never a 500.</summary>
public sealed class FrozenReportPageTests(MeetingPortal.Web.Tests.Support.PortalFactory factory) : IClassFixture<MeetingPortal.Web.Tests.Support.PortalFactory>
{
    [Fact]
    public async Task A_report_in_an_unknown_format_shows_its_title_and_says_why_there_are_no_figures()
    {
        var id = factory.WithDb(db =>
        {
            var unit = db.Units.Single(u => u.Code == "p-ky-phuong").Id;
            var snapshot = MeetingPortal.Domain.Reports.SummarySnapshot.Freeze(null, unit, new ReviewPeriod(PeriodKind.Year, 2030, 1), "Báo cáo của phiên bản sau", """{"FormatVersion":7}""",
                new DateOnly(2030, 12, 31), "tuonglai", DateTime.UtcNow, null);
            db.Snapshots.Add(snapshot);
            db.SaveChanges();
            return snapshot.Id;
        });

        var page = await MeetingPortal.Web.Tests.Support.Html.GetHtmlAsync(await factory.SignInAsync("lanhdao.kyphuong"), $"/Reports/Snapshots/{id}");

        var text = MeetingPortal.Web.Tests.Support.Html.Text(page);
        Assert.Contains("Báo cáo của phiên bản sau", text, StringComparison.Ordinal);
        Assert.Contains("phiên bản mới hơn của cổng", text, StringComparison.Ordinal);
    }
}
