using MeetingPortal.Application.Administration;
using MeetingPortal.Application.Common;
using MeetingPortal.Domain.Meetings;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Plans;

/// <summary>Issue 18 with ADR 0005: a merged unit's dialogue plan goes with its meetings to the unit it merges into.</summary>
public sealed class PlanAfterMergerTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_merged_wards_plan_moves_with_its_meetings_and_stays_held()
    {
        var held = factory.AddEntry("p-ky-phuong", new ReviewPeriod(PeriodKind.Quarter, 2022, 2), "Đối thoại về công tác cán bộ cơ sở", factory.KyPhuongMeeting());
        var tranPhu = factory.Unit("p-tran-phu");
        var input = new UnitMergeInput { TargetId = tranPhu, Reason = "Sáp nhập theo Nghị quyết (thử)", Confirm = true };

        var outcome = await factory.RunAsync<ChangeUnits, UnitMergeOutcome>("quantri.hatinh", (uc, user) => uc.MergeAsync(user, factory.Unit("p-ky-phuong"), input, CancellationToken.None));

        Assert.Equal(UseCaseStatus.Done, outcome.Result.Status);
        Assert.Equal(tranPhu, factory.WithDb(db => db.PlannedDialogues.Single(p => p.Id == held).UnitId));
        var plan = await (await factory.SignInAsync("lanhdao.hatinh")).GetHtmlAsync($"/Plans?unitId={tranPhu}&year=2022");
        Assert.Contains("Kế hoạch: 1 cuộc đối thoại; đã tổ chức 1; chậm tổ chức 0.", plan.Text(), StringComparison.Ordinal);

        // The merged ward takes no new entry, by its form or by hand.
        var count = factory.WithDb(db => db.PlannedDialogues.Count());
        var url = $"/Plans/Edit?unitId={factory.Unit("p-ky-phuong")}&year=2027";
        var refused = await (await factory.SignInAsync("thuky.hatinh")).PostFieldsAsync("/Account/ChangePassword", url, ("Input.Period", "Quarter-1"), ("Input.Topic", "Đối thoại mới"), ("version", "0"));
        Assert.Equal(System.Net.HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Đơn vị đã sáp nhập hoặc thôi hoạt động", Html.Parse(await refused.Content.ReadAsStringAsync()).Text(), StringComparison.Ordinal);
        Assert.Equal(count, factory.WithDb(db => db.PlannedDialogues.Count()));
    }
}
