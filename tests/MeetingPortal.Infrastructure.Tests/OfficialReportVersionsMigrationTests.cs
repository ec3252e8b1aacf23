using MeetingPortal.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MeetingPortal.Infrastructure.Tests;

/// <summary>
/// Issue 15, item 3: two clicks made two identical official reports. The migration that gives reports versions numbers
/// the reports a unit froze more than once for a period in the order they were frozen, marks each earlier one replaced,
/// and only then makes (unit, period, version) unique.
/// </summary>
public sealed class OfficialReportVersionsMigrationTests
{
    [Fact]
    public async Task Reports_frozen_twice_before_versions_become_versions_one_and_two_and_the_first_is_replaced()
    {
        using var database = new TestDatabase();
        int unitId;
        await using (var db = database.NewContext())
        {
            var level = db.UnitLevels.Add(new UnitLevel(1, "Tỉnh")).Entity;
            await db.SaveChangesAsync();
            var unit = db.Units.Add(new Unit("t", "Tỉnh Thử", level.Id)).Entity;
            await db.SaveChangesAsync();
            unitId = unit.Id;
            db.GetService<IMigrator>().Migrate("20261130031339_ServerSideSessions");
            foreach (var (at, kind) in new[] { ("2026-01-05 02:00:00", 1), ("2026-01-05 02:00:01", 1), ("2026-01-06 09:00:00", 4) })
            {
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO Snapshots (UnitId, PeriodKind, PeriodYear, PeriodNumber, Title, Figures, FrozenOn, FrozenBy, FrozenAtUtc) VALUES ({0}, {1}, 2025, 4, 'Báo cáo', '{{}}', '2026-01-05', 'lanhdao', {2})",
                    unitId, kind, at);
            }

            db.Database.Migrate();
        }

        await using (var db = database.NewContext())
        {
            var reports = await db.Snapshots.OrderBy(s => s.Id).ToListAsync();
            Assert.Equal([1, 2, 1], reports.Select(r => r.Version));
            Assert.Equal([true, false, false], reports.Select(r => r.IsReplaced));
            Assert.NotNull(reports[1].Reason);
            Assert.Null(reports[0].Reason);
            Assert.Equal(new DateTime(2026, 1, 5, 2, 0, 1, DateTimeKind.Unspecified), DateTime.SpecifyKind(reports[0].ReplacedAtUtc!.Value, DateTimeKind.Unspecified));
        }
    }
}
