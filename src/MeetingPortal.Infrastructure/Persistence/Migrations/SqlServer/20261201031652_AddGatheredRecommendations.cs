using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingPortal.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddGatheredRecommendations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GatheredRecommendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlannedDialogueId = table.Column<int>(type: "int", nullable: false),
                    Content = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    ThemeId = table.Column<int>(type: "int", nullable: true),
                    RaisedByOrganisationId = table.Column<int>(type: "int", nullable: false),
                    AddressedToOrganisationId = table.Column<int>(type: "int", nullable: true),
                    SubmittedOn = table.Column<DateTime>(type: "date", nullable: false),
                    OnAgenda = table.Column<bool>(type: "bit", nullable: false),
                    RecommendationId = table.Column<int>(type: "int", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ChangedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ChangedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GatheredRecommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GatheredRecommendations_Organisations_AddressedToOrganisationId",
                        column: x => x.AddressedToOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GatheredRecommendations_Organisations_RaisedByOrganisationId",
                        column: x => x.RaisedByOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GatheredRecommendations_PlannedDialogues_PlannedDialogueId",
                        column: x => x.PlannedDialogueId,
                        principalTable: "PlannedDialogues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GatheredRecommendations_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GatheredRecommendations_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GatheredRecommendations_AddressedToOrganisationId",
                table: "GatheredRecommendations",
                column: "AddressedToOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_GatheredRecommendations_PlannedDialogueId",
                table: "GatheredRecommendations",
                column: "PlannedDialogueId");

            migrationBuilder.CreateIndex(
                name: "IX_GatheredRecommendations_RaisedByOrganisationId",
                table: "GatheredRecommendations",
                column: "RaisedByOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_GatheredRecommendations_RecommendationId",
                table: "GatheredRecommendations",
                column: "RecommendationId",
                unique: true,
                filter: "RecommendationId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_GatheredRecommendations_ThemeId",
                table: "GatheredRecommendations",
                column: "ThemeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GatheredRecommendations");
        }
    }
}
