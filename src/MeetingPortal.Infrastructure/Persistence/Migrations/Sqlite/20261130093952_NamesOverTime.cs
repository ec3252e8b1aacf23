using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MeetingPortal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NamesOverTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredOn",
                table: "Units",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredOn",
                table: "UnitLevels",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ParentOrganisationId",
                table: "Organisations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HeldInUnitId",
                table: "Meetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OrganisationNamings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentOrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationNamings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganisationNamings_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganisationNamings_Organisations_ParentOrganisationId",
                        column: x => x.ParentOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OrganisationNamings_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reorganisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EffectiveOn = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredLevelId = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reorganisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reorganisations_UnitLevels_RetiredLevelId",
                        column: x => x.RetiredLevelId,
                        principalTable: "UnitLevels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitNamings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitNamings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitNamings_Units_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UnitNamings_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_ParentOrganisationId",
                table: "Organisations",
                column: "ParentOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_HeldInUnitId",
                table: "Meetings",
                column: "HeldInUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationNamings_OrganisationId_ValidFrom",
                table: "OrganisationNamings",
                columns: new[] { "OrganisationId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationNamings_ParentOrganisationId",
                table: "OrganisationNamings",
                column: "ParentOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationNamings_UnitId",
                table: "OrganisationNamings",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Reorganisations_RetiredLevelId",
                table: "Reorganisations",
                column: "RetiredLevelId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitNamings_ParentId",
                table: "UnitNamings",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitNamings_UnitId_ValidFrom",
                table: "UnitNamings",
                columns: new[] { "UnitId", "ValidFrom" });

            migrationBuilder.AddForeignKey(
                name: "FK_Meetings_Units_HeldInUnitId",
                table: "Meetings",
                column: "HeldInUnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Organisations_Organisations_ParentOrganisationId",
                table: "Organisations",
                column: "ParentOrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Every unit and organisation keeps today's name as its first, unbounded span (ADR 0018): the records
            // already held print what they printed before.
            migrationBuilder.Sql("INSERT INTO UnitNamings (UnitId, Name, ParentId, ValidFrom, ValidTo, Basis) SELECT Id, Name, ParentId, NULL, NULL, NULL FROM Units");
            migrationBuilder.Sql("INSERT INTO OrganisationNamings (OrganisationId, Name, UnitId, ParentOrganisationId, ValidFrom, ValidTo, Basis) SELECT Id, Name, UnitId, NULL, NULL, NULL, NULL FROM Organisations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Meetings_Units_HeldInUnitId",
                table: "Meetings");

            migrationBuilder.DropForeignKey(
                name: "FK_Organisations_Organisations_ParentOrganisationId",
                table: "Organisations");

            migrationBuilder.DropTable(
                name: "OrganisationNamings");

            migrationBuilder.DropTable(
                name: "Reorganisations");

            migrationBuilder.DropTable(
                name: "UnitNamings");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_ParentOrganisationId",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_HeldInUnitId",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "RetiredOn",
                table: "UnitLevels");

            migrationBuilder.DropColumn(
                name: "ParentOrganisationId",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "HeldInUnitId",
                table: "Meetings");
        }
    }
}
