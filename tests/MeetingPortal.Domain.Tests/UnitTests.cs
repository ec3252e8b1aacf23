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
