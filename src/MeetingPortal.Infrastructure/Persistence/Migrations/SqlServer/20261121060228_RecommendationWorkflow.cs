using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingPortal.Infrastructure.Persistence.Migrations.SqlServer
{
    public partial class RecommendationWorkflow : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FirstAnsweredOn",
                table: "Recommendations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolvedOn",
                table: "Recommendations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Satisfied",
                table: "Recommendations",
                type: "bit",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Date = table.Column<DateTime>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DueDateRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ThemeId = table.Column<int>(type: "int", nullable: true),
                    LevelRank = table.Column<int>(type: "int", nullable: true),
                    WorkingDays = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DueDateRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DueDateRules_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RecommendationId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    FromStatus = table.Column<int>(type: "int", nullable: false),
                    ToStatus = table.Column<int>(type: "int", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    OrganisationId = table.Column<int>(type: "int", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecommendationEvents_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecommendationEvents_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_FirstAnsweredOn",
                table: "Recommendations",
                column: "FirstAnsweredOn");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ResolvedOn",
                table: "Recommendations",
                column: "ResolvedOn");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDays_Date",
                table: "CalendarDays",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DueDateRules_ThemeId_LevelRank",
                table: "DueDateRules",
                columns: new[] { "ThemeId", "LevelRank" },
                unique: true,
                filter: "[ThemeId] IS NOT NULL AND [LevelRank] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationEvents_OrganisationId",
                table: "RecommendationEvents",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationEvents_RecommendationId_AtUtc",
                table: "RecommendationEvents",
                columns: new[] { "RecommendationId", "AtUtc" });
            // Recommendations answered before this migration get the dates their responses give.
            // EXEC compiles the statement when it runs: in the idempotent script it shares a batch with the
            // ALTER TABLE that adds these columns, and SQL Server compiles a whole batch before running it.
            migrationBuilder.Sql("EXEC(N'UPDATE Recommendations SET FirstAnsweredOn = (SELECT MIN(r.RespondedOn) FROM Responses r WHERE r.RecommendationId = Recommendations.Id AND r.Kind <> 3)')");
            migrationBuilder.Sql("EXEC(N'UPDATE Recommendations SET ResolvedOn = (SELECT MIN(r.RespondedOn) FROM Responses r WHERE r.RecommendationId = Recommendations.Id AND r.Kind = 4) WHERE Status IN (5, 6)')");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "DueDateRules");

            migrationBuilder.DropTable(
                name: "RecommendationEvents");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_FirstAnsweredOn",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_ResolvedOn",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "FirstAnsweredOn",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "ResolvedOn",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "Satisfied",
                table: "Recommendations");
        }
    }
}
