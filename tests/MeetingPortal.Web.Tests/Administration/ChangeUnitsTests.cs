using MeetingPortal.Application.Administration;
using MeetingPortal.Application.Common;
using MeetingPortal.Web.Tests.Support;

namespace MeetingPortal.Web.Tests.Administration;

/// <summary>The unit tree's use case, called as the pages call it: the scope and role rules hold at the use case, not at the page.</summary>
public sealed class ChangeUnitsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private int UnitId(string code) => factory.WithDb(db => db.Units.Single(u => u.Code == code).Id);

    private int LevelId(int rank) => factory.WithDb(db => db.UnitLevels.Single(l => l.Rank == rank).Id);

    [Fact]
    public async Task A_ward_administrator_cannot_place_a_unit_under_a_sibling_ward()
    {
        var units = factory.WithDb(db => db.Units.Count());
        var input = new NewUnitInput { ParentId = UnitId("p-tran-phu"), LevelId = LevelId(4), Code = "to-dan-pho-1", Name = "Tổ dân phố 1" };

        var result = await factory.RunAsync<ChangeUnits, UseCaseResult>("quantri.kyphuong", (uc, user) => uc.AddAsync(user, input, CancellationToken.None));

        Assert.Equal(UseCaseStatus.Invalid, result.Status);
        Assert.Contains(result.Errors, e => e.Field == nameof(NewUnitInput.ParentId));
        Assert.Equal(units, factory.WithDb(db => db.Units.Count()));
    }

    [Fact]
    public async Task A_unit_is_added_only_below_its_parents_level_and_only_by_an_administrator()
    {
        var sameLevel = new NewUnitInput { ParentId = UnitId("tx-ky-anh"), LevelId = LevelId(3), Code = "tx-ben-canh", Name = "Thị xã bên cạnh" };
        var refused = await factory.RunAsync<ChangeUnits, UseCaseResult>("quantri.kyanh", (uc, user) => uc.AddAsync(user, sameLevel, CancellationToken.None));
        Assert.Contains(refused.Errors, e => e.Field == nameof(NewUnitInput.LevelId));

        var recorder = await factory.RunAsync<ChangeUnits, UseCaseResult>("thuky.kyanh", (uc, user) =>
            uc.AddAsync(user, new NewUnitInput { ParentId = UnitId("tx-ky-anh"), LevelId = LevelId(4), Code = "p-moi", Name = "Phường mới" }, CancellationToken.None));
        Assert.Equal(UseCaseStatus.Forbidden, recorder.Status);

        var added = await factory.RunAsync<ChangeUnits, UseCaseResult>("quantri.kyanh", (uc, user) =>
            uc.AddAsync(user, new NewUnitInput { ParentId = UnitId("tx-ky-anh"), LevelId = LevelId(4), Code = "p-moi", Name = "  Phường mới " }, CancellationToken.None));
        Assert.Equal(UseCaseStatus.Done, added.Status);
        var unit = factory.WithDb(db => db.Units.Single(u => u.Id == added.Id));
        Assert.Equal(("Phường mới", $"{factory.WithDb(db => db.Units.Single(u => u.Code == "tx-ky-anh").Path)}{unit.Id}/"), (unit.Name, unit.Path));
    }

    [Fact]
    public async Task Renaming_answers_404_outside_the_tree_and_403_for_ones_own_unit()
    {
        var input = new UnitDetailsInput { Code = "p-doi-ten", Name = "Phường đổi tên" };

        var outside = await factory.RunAsync<ChangeUnits, UseCaseResult>("quantri.kyphuong", (uc, user) => uc.RenameAsync(user, UnitId("p-tran-phu"), input, CancellationToken.None));
        var own = await factory.RunAsync<ChangeUnits, UseCaseResult>("quantri.kyphuong", (uc, user) => uc.RenameAsync(user, UnitId("p-ky-phuong"), input, CancellationToken.None));

        Assert.Equal((UseCaseStatus.NotFound, UseCaseStatus.Forbidden), (outside.Status, own.Status));
        Assert.Equal("Phường Kỳ Phương", factory.WithDb(db => db.Units.Single(u => u.Code == "p-ky-phuong").Name));
    }

    [Fact]
    public async Task A_merge_into_a_unit_the_form_does_not_offer_changes_nothing()
    {
        // Hà Tĩnh's administrator may merge Kỳ Phương, but only into a ward of Hà Tĩnh: a district is another level.
        var input = new UnitMergeInput { TargetId = UnitId("tx-ky-anh"), Reason = "Sáp nhập theo Nghị quyết", Confirm = true };

        var outcome = await factory.RunAsync<ChangeUnits, UnitMergeOutcome>("quantri.hatinh", (uc, user) => uc.MergeAsync(user, UnitId("p-ky-phuong"), input, CancellationToken.None));

        Assert.Equal(UseCaseStatus.Invalid, outcome.Result.Status);
        Assert.Contains(outcome.Result.Errors, e => e.Field == nameof(UnitMergeInput.TargetId));
        Assert.Null(factory.WithDb(db => db.Units.Single(u => u.Code == "p-ky-phuong").MergedIntoId));
    }
}
