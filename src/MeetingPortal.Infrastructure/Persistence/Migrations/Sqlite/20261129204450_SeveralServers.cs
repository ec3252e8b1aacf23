using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace MeetingPortal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeveralServers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DueOn",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EmailClaimedAtUtc",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailClaimedBy",
                table: "Notifications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leases", x => x.Name);
                });

            migrationBuilder.InsertData(
                table: "Leases",
                columns: new[] { "Name", "ExpiresAtUtc", "Holder" },
                values: new object[,]
                {
                    { "due-date-check", new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), null },
                    { "planner-statistics", new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), null }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_EmailedAtUtc_CreatedAtUtc",
                table: "Notifications",
                columns: new[] { "EmailedAtUtc", "CreatedAtUtc" });

            // Reminders said before this migration (due soon, overdue, escalated since the due date was last
            // set: the old check's rule) get that due date, so the check does not say them again; duplicates
            // of one stay without it, so the unique index can be built.
            migrationBuilder.Sql("UPDATE Notifications SET DueOn = (SELECT r.DueOn FROM Recommendations r WHERE r.Id = Notifications.RecommendationId) WHERE Id IN (SELECT MIN(n.Id) FROM Notifications n JOIN Recommendations r ON r.Id = n.RecommendationId WHERE n.Kind IN (6, 7, 8) AND r.DueOn IS NOT NULL AND n.CreatedAtUtc >= COALESCE((SELECT MAX(e.AtUtc) FROM RecommendationEvents e WHERE e.RecommendationId = n.RecommendationId AND e.Kind IN (1, 5, 8, 9)), n.CreatedAtUtc) GROUP BY n.RecommendationId, n.Kind, n.UserId)");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Reminder",
                table: "Notifications",
                columns: new[] { "RecommendationId", "Kind", "UserId", "DueOn" },
                unique: true,
                filter: "DueOn IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DataProtectionKeys_FriendlyName",
                table: "DataProtectionKeys",
                column: "FriendlyName",
                unique: true,
                filter: "FriendlyName IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Leases");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_EmailedAtUtc_CreatedAtUtc",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_Reminder",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "EmailClaimedAtUtc",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "EmailClaimedBy",
                table: "Notifications");
        }
    }
}
