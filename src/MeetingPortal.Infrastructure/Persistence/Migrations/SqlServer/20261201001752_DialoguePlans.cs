using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingPortal.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DialoguePlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_Reminder",
                table: "Notifications");

            migrationBuilder.AlterColumn<int>(
                name: "RecommendationId",
                table: "Notifications",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AddColumn<int>(
                name: "PlannedDialogueId",
                table: "Notifications",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PlannedDialogues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    PeriodKind = table.Column<int>(type: "int", nullable: false),
                    PeriodNumber = table.Column<int>(type: "int", nullable: false),
                    StartsOn = table.Column<DateTime>(type: "date", nullable: false),
                    EndsOn = table.Column<DateTime>(type: "date", nullable: false),
                    Topic = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    HostOrganisationId = table.Column<int>(type: "int", nullable: true),
                    PlannedFormat = table.Column<int>(type: "int", nullable: false),
                    WithPeople = table.Column<bool>(type: "bit", nullable: false),
                    MeetingId = table.Column<int>(type: "int", nullable: true),
                    CancelledOn = table.Column<DateTime>(type: "date", nullable: true),
                    CancelReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ChangedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ChangedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedDialogues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedDialogues_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlannedDialogues_Organisations_HostOrganisationId",
                        column: x => x.HostOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlannedDialogues_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlannedCounterpart",
                columns: table => new
                {
                    PlannedDialogueId = table.Column<int>(type: "int", nullable: false),
                    OrganisationId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedCounterpart", x => new { x.PlannedDialogueId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_PlannedCounterpart_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlannedCounterpart_PlannedDialogues_PlannedDialogueId",
                        column: x => x.PlannedDialogueId,
                        principalTable: "PlannedDialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_PlanReminder",
                table: "Notifications",
                columns: new[] { "PlannedDialogueId", "Kind", "UserId", "DueOn" },
                unique: true,
                filter: "DueOn IS NOT NULL AND PlannedDialogueId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Reminder",
                table: "Notifications",
                columns: new[] { "RecommendationId", "Kind", "UserId", "DueOn" },
                unique: true,
                filter: "DueOn IS NOT NULL AND RecommendationId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedCounterpart_OrganisationId",
                table: "PlannedCounterpart",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedDialogues_EndsOn",
                table: "PlannedDialogues",
                column: "EndsOn");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedDialogues_HostOrganisationId",
                table: "PlannedDialogues",
                column: "HostOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedDialogues_MeetingId",
                table: "PlannedDialogues",
                column: "MeetingId",
                unique: true,
                filter: "MeetingId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedDialogues_UnitId_Year",
                table: "PlannedDialogues",
                columns: new[] { "UnitId", "Year" });

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_PlannedDialogues_PlannedDialogueId",
                table: "Notifications",
                column: "PlannedDialogueId",
                principalTable: "PlannedDialogues",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_PlannedDialogues_PlannedDialogueId",
                table: "Notifications");

            migrationBuilder.DropTable(
                name: "PlannedCounterpart");

            migrationBuilder.DropTable(
                name: "PlannedDialogues");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_PlanReminder",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_Reminder",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "PlannedDialogueId",
                table: "Notifications");

            migrationBuilder.AlterColumn<int>(
                name: "RecommendationId",
                table: "Notifications",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Reminder",
                table: "Notifications",
                columns: new[] { "RecommendationId", "Kind", "UserId", "DueOn" },
                unique: true,
                filter: "DueOn IS NOT NULL");
        }
    }
}
