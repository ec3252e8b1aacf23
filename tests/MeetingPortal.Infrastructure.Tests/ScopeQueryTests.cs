using MeetingPortal.Domain.Units;
using MeetingPortal.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Tests;

/// <summary>The list filter, run by SQLite, agrees with the in-memory rule the authorization handler uses.</summary>
public sealed class ScopeQueryTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task Scope_range_includes_descendants_and_excludes_siblings_with_a_common_text_prefix()
    {
        await using var db = _database.NewContext();
        var level = db.UnitLevels.Add(new UnitLevel(1, "Cấp")).Entity;
        await db.SaveChangesAsync();

        // Enough units that ids reach two digits, so "/1/4/" and "/1/4x/" both exist.
        var root = await AddAsync(db, "root", null, level.Id);
        var units = new List<Unit>();
        for (var i = 0; i < 25; i++)
        {
            units.Add(await AddAsync(db, $"d{i}", root, level.Id));
        }

        var district = units.First(u => u.Id is > 1 and < 10);
        var lookalike = units.FirstOrDefault(u => u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture).StartsWith(district.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) && u.Id != district.Id);
        Assert.NotNull(lookalike);
        var ward = await AddAsync(db, "ward", district, level.Id);

        var scope = new UnitScope(district.Id, district.Path);
        var inScope = await db.Units.AsNoTracking().InScope(scope).Select(u => u.Code).ToListAsync();

        Assert.Equal(new[] { district.Code, ward.Code }.Order(), inScope.Order());
        var all = await db.Units.AsNoTracking().ToListAsync();
        Assert.Equal(all.Where(u => scope.Covers(u.Path)).Select(u => u.Code).Order(), inScope.Order());
    }

    private static async Task<Unit> AddAsync(MeetingPortal.Infrastructure.Persistence.MeetingPortalDbContext db, string code, Unit? parent, int levelId)
    {
        var unit = new Unit(code, code, levelId);
        unit.PlaceUnder(parent);
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        unit.AssignPath();
        await db.SaveChangesAsync();
        return unit;
    }

    public void Dispose() => _database.Dispose();
}
