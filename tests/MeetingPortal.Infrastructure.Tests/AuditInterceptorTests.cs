using System.Text;
using MeetingPortal.Domain.Organisations;
using MeetingPortal.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace MeetingPortal.Infrastructure.Tests;

public sealed class AuditInterceptorTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task Created_and_changed_fields_come_from_the_clock_and_the_user_and_the_version_grows()
    {
        int id;
        await using (var db = _database.NewContext())
        {
            var level = db.UnitLevels.Add(new UnitLevel(1, "Tỉnh")).Entity;
            await db.SaveChangesAsync();
            var unit = db.Units.Add(new Unit("t", "Tỉnh Thử", level.Id)).Entity;
            await db.SaveChangesAsync();
            id = unit.Id;
        }

        await using (var db = _database.NewContext())
        {
            var unit = await db.Units.SingleAsync(u => u.Id == id);
            Assert.Equal(_database.Clock.Now.UtcDateTime, unit.CreatedAtUtc);
            Assert.Equal("tester", unit.CreatedBy);
            Assert.Null(unit.ChangedAtUtc);
            Assert.Equal(1, unit.Version);

            _database.Clock.Now = _database.Clock.Now.AddHours(2);
            _database.User.UserName = "editor";
            unit.Name = "Tỉnh Đổi Tên";
            await db.SaveChangesAsync();
        }

        await using (var db = _database.NewContext())
        {
            var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == id);
            Assert.Equal(_database.Clock.Now.UtcDateTime, unit.ChangedAtUtc);
            Assert.Equal("editor", unit.ChangedBy);
            Assert.Equal("tester", unit.CreatedBy);
            Assert.Equal(2, unit.Version);
        }
    }

    [Fact]
    public async Task Decomposed_Vietnamese_is_stored_composed()
    {
        var decomposed = "Hội Liên hiệp Phụ nữ phường Kỳ Phương".Normalize(NormalizationForm.FormD);
        await using (var db = _database.NewContext())
        {
            var unitId = await NewUnitAsync(db);
            db.Organisations.Add(new Organisation(unitId, decomposed, OrganisationKind.SocioPoliticalOrganisation));
            await db.SaveChangesAsync();
        }

        await using (var db = _database.NewContext())
        {
            var stored = await db.Organisations.Select(o => o.Name).SingleAsync();
            Assert.True(stored.IsNormalized(NormalizationForm.FormC));
            Assert.Equal(decomposed.Normalize(NormalizationForm.FormC), stored);
        }
    }

    [Fact]
    public async Task The_second_of_two_concurrent_saves_is_refused()
    {
        int id;
        await using (var db = _database.NewContext())
        {
            id = await NewUnitAsync(db);
        }

        await using var first = _database.NewContext();
        await using var second = _database.NewContext();
        var a = await first.Units.SingleAsync(u => u.Id == id);
        var b = await second.Units.SingleAsync(u => u.Id == id);
        a.Name = "Tên của người thứ nhất";
        b.Name = "Tên của người thứ hai";
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = _database.NewContext();
        Assert.Equal("Tên của người thứ nhất", (await check.Units.SingleAsync(u => u.Id == id)).Name);
    }

    private static async Task<int> NewUnitAsync(DbContext db)
    {
        var level = db.Set<UnitLevel>().Add(new UnitLevel(1, "Tỉnh")).Entity;
        await db.SaveChangesAsync();
        var unit = db.Set<Unit>().Add(new Unit("u", "Đơn vị", level.Id)).Entity;
        await db.SaveChangesAsync();
        return unit.Id;
    }

    public void Dispose() => _database.Dispose();
}
