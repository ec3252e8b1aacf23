using MeetingPortal.Domain.Common;
using MeetingPortal.Domain.Units;

namespace MeetingPortal.Domain.Tests;

public sealed class UnitTests
{
    [Theory]
    [InlineData("/1/4/17/", "/1/", true)]
    [InlineData("/1/4/17/", "/1/4/", true)]
    [InlineData("/1/4/17/", "/1/4/17/", true)]
    [InlineData("/1/4/", "/1/4/17/", false)] // a ward does not see its district
    [InlineData("/1/41/", "/1/4/", false)] // "/1/4" is a text prefix of "/1/41" but not its parent
    [InlineData("/1/5/20/", "/1/4/", false)]
    [InlineData("/1/4/", "", false)]
    public void Scope_is_the_unit_and_everything_below_it(string recordPath, string scopePath, bool expected) =>
        Assert.Equal(expected, Unit.IsInScope(recordPath, scopePath));

    [Fact]
    public void Path_is_built_from_the_parent_path_and_the_id()
    {
        var province = Saved(new Unit("p", "Tỉnh", 1), 42);
        province.PlaceUnder(null);
        province.AssignPath();
        var district = Saved(new Unit("d", "Huyện", 2), 436);
        district.PlaceUnder(province);
        district.AssignPath();

        Assert.Equal("/42/", province.Path);
        Assert.Equal("/42/436/", district.Path);
        Assert.Equal(Unit.PathOf(42, 436), district.Path);
    }

    private static (Unit Province, Unit District, Unit WardA, Unit WardB, Unit Village) Tree()
    {
        Unit Place(Unit unit, Unit? parent)
        {
            unit.PlaceUnder(parent);
            unit.AssignPath();
            return unit;
        }

        var province = Place(Saved(new Unit("p", "Tỉnh", 1), 1), null);
        var district = Place(Saved(new Unit("d", "Huyện", 2), 2), province);
        var wardA = Place(Saved(new Unit("a", "Phường A", 3), 3), district);
        var wardB = Place(Saved(new Unit("b", "Phường B", 3), 4), district);
        var village = Place(Saved(new Unit("v", "Thôn", 4), 5), wardA);
        return (province, district, wardA, wardB, village);
    }

    [Fact]
    public void A_merged_unit_moves_under_its_target_and_its_children_are_rebased()
    {
        var (_, _, wardA, wardB, village) = Tree();
        var at = new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc);
        var oldVillagePath = village.Path;
        village.MoveUnder(wardB);
        wardA.MergeInto(wardB, at);

        Assert.Equal("/1/2/4/3/", wardA.Path);
        Assert.Equal(4, wardA.MergedIntoId);
        Assert.Equal(at, wardA.MergedAtUtc);
        Assert.Equal("/1/2/4/5/", village.Path);
        Assert.NotEqual(oldVillagePath, village.Path);
        Assert.True(Unit.IsInScope(wardA.Path, wardB.Path));
    }

    [Fact]
    public void Mergers_the_reform_did_not_allow_are_refused()
    {
        var (province, district, wardA, wardB, _) = Tree();
        var at = DateTime.UtcNow;
        Assert.Equal("unit.merge-self", Assert.Throws<DomainException>(() => wardA.MergeInto(wardA, at)).Code);
        Assert.Equal("unit.merge-level", Assert.Throws<DomainException>(() => wardA.MergeInto(district, at)).Code);
        Assert.Equal("unit.merge-root", Assert.Throws<DomainException>(() => province.MergeInto(Saved(new Unit("q", "Tỉnh khác", 1), 9), at)).Code);
        wardA.MergeInto(wardB, at);
        Assert.Equal("unit.merge-merged", Assert.Throws<DomainException>(() => wardA.MergeInto(wardB, at)).Code);
        Assert.Equal("unit.merge-merged", Assert.Throws<DomainException>(() => Saved(new Unit("c", "Phường C", 3), 6).MergeInto(wardA, at)).Code);
        Assert.Equal("unit.move-into-own-subtree", Assert.Throws<DomainException>(() => district.MoveUnder(wardB)).Code);
        Assert.Equal("unit.rebase-outside", Assert.Throws<DomainException>(() => wardB.RebasePath("/1/9/", "/1/2/")).Code);
    }

    [Fact]
    public void Unsaved_units_get_no_path()
    {
        Assert.Throws<DomainException>(() => new Unit("x", "X", 1).AssignPath());
        Assert.Throws<DomainException>(() => new Unit("y", "Y", 2).PlaceUnder(new Unit("x", "X", 1)));
    }

    private static Unit Saved(Unit unit, int id)
    {
        typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(unit, id);
        return unit;
    }
}
