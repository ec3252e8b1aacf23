using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingPortal.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OfficialReportVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "Snapshots",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReplacedAtUtc",
                table: "Snapshots",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Snapshots",
                type: "int",
                nullable: false,
                defaultValue: 1);

            // Reports frozen twice before versions existed (issue 15: a double click made two) become versions 1, 2…
            // of their unit and period in the order they were frozen; each earlier one is marked replaced.
            // Through EXEC: SQL Server compiles a batch whole, before the new columns exist.
            migrationBuilder.Sql("EXEC(N'UPDATE Snapshots SET Version = (SELECT COUNT(*) FROM Snapshots AS e WHERE e.UnitId = Snapshots.UnitId AND e.PeriodKind = Snapshots.PeriodKind AND e.PeriodYear = Snapshots.PeriodYear AND e.PeriodNumber = Snapshots.PeriodNumber AND (e.FrozenAtUtc < Snapshots.FrozenAtUtc OR (e.FrozenAtUtc = Snapshots.FrozenAtUtc AND e.Id <= Snapshots.Id)))')");
            migrationBuilder.Sql("EXEC(N'UPDATE Snapshots SET ReplacedAtUtc = (SELECT MIN(e.FrozenAtUtc) FROM Snapshots AS e WHERE e.UnitId = Snapshots.UnitId AND e.PeriodKind = Snapshots.PeriodKind AND e.PeriodYear = Snapshots.PeriodYear AND e.PeriodNumber = Snapshots.PeriodNumber AND e.Version > Snapshots.Version), Reason = CASE WHEN Version > 1 THEN N''Chốt lại trước khi báo cáo chính thức được đánh số bản (chuyển đổi dữ liệu)'' ELSE NULL END')");

            migrationBuilder.CreateIndex(
                name: "IX_Snapshots_UnitId_PeriodKind_PeriodYear_PeriodNumber_Version",
                table: "Snapshots",
                columns: new[] { "UnitId", "PeriodKind", "PeriodYear", "PeriodNumber", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Snapshots_UnitId_PeriodKind_PeriodYear_PeriodNumber_Version",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "ReplacedAtUtc",
                table: "Snapshots");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Snapshots");
        }
    }
}
